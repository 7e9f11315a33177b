import { checkTimeZone, eventTimes } from '@kith/core/calendar';
import type {
  Attendee,
  AttendeePage,
  Author,
  EventInfo,
  EventInput,
  ExportedEvent,
  MyRsvp,
  RsvpRequest,
} from '@kith/protocol';
import type { Db, Queryable } from '../db/driver.js';
import { ProblemError } from '../http/problem.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { appendEvent, positionOf } from './events.js';
import { randomToken } from './secrets.js';

/** What the owner said of the event, as stored (`details`) and answered. */
type Details = Pick<
  EventInfo,
  'title' | 'description' | 'start' | 'end' | 'timeZone' | 'url' | 'place' | 'host' | 'image'
>;

interface EventRow {
  thread_id: string;
  uid: string;
  details: Details;
  starts_at: Date | string;
  capacity: number | null;
  max_guests: number;
  show_attendees: boolean;
  cancelled: boolean;
  sequence: number;
  going_seats: number;
  updated_at: Date | string;
  /** With `'position'`: where the thread's event stream stands. */
  position?: string;
}

type RowRead = 'lock' | 'position';

const eventColumns =
  'e.thread_id, e.uid, e.details, e.starts_at, e.capacity, e.max_guests, e.show_attendees, e.cancelled, e.sequence, e.going_seats, e.updated_at';

/** Faces shown with the event; the rest are paged (`attendees`). */
const attendeesShown = 12;

const iso = (value: Date | string) => new Date(value).toISOString();
const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

/** The zone's offset from UTC at an instant, in milliseconds. */
function zoneOffset(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return (
    Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) -
    Math.floor(at / 1000) * 1000
  );
}

/**
 * The first instant of a day (`2026-05-01`) in a zone: its midnight, or where clocks skip
 * midnight (Santiago, Beirut...), the moment they jump.
 */
export function zonedMidnight(day: string, timeZone: string): Date {
  const utc = Date.parse(`${day}T00:00:00Z`);
  const early = utc - zoneOffset(utc, timeZone);
  const late = utc - zoneOffset(early, timeZone);
  const onDay = (at: number) => new Date(at + zoneOffset(at, timeZone)).toISOString().slice(0, 10) === day;
  const onIt = [early, late].filter(onDay);
  return new Date(onIt.length ? Math.min(...onIt) : late);
}

/** The owner's times, checked as calendars will read them; a 422 that says what is wrong. */
function readTimes(input: EventInput): { start: string; end: string; startsAt: Date; endsAt: Date } {
  try {
    checkTimeZone(input.timeZone);
    const times = eventTimes({ title: input.title, start: input.start, end: input.end });
    if (!times.allDay)
      return { start: input.start, end: input.end!, startsAt: times.start, endsAt: times.end };
    if (input.end !== undefined && !dateOnly.test(input.end))
      throw new TypeError('An all-day event ends on a date');
    const end = input.end ?? input.start;
    const after = new Date(Date.parse(`${end}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    return {
      start: input.start,
      end,
      startsAt: zonedMidnight(input.start, input.timeZone),
      endsAt: zonedMidnight(after, input.timeZone),
    };
  } catch (error) {
    throw new ProblemError('validation-failed', {
      detail: (error as Error).message,
      errors: [{ pointer: '/start', message: (error as Error).message }],
    });
  }
}

/**
 * Events on pages and the answers to them. Every answer locks the event's row, so seats are
 * counted one answer at a time: under any concurrency no event is overbooked, and seats that free
 * up go to the waitlist strictly in the order it formed.
 */
export class Rsvps {
  constructor(
    private db: Db,
    private cursorKey: () => string,
  ) {}

  /**
   * The event's row: `lock`ed for an answer (taken one at a time), or with its thread's stream
   * `position` for a read that a card follows from there (same statement, one round trip).
   */
  async #row(q: Queryable, siteId: string, key: string, how?: RowRead): Promise<EventRow | undefined> {
    const rows = await q.query<EventRow>(
      `SELECT ${eventColumns}${how === 'position' ? `, ${positionOf('t')} AS position` : ''}
       FROM rsvp_events e JOIN threads t ON t.id = e.thread_id
       WHERE t.site_id = $1 AND t.key = $2${how === 'lock' ? ' FOR UPDATE OF e' : ''}`,
      [siteId, key],
    );
    return rows[0];
  }

  async #required(q: Queryable, siteId: string, key: string, how?: RowRead): Promise<EventRow> {
    const row = await this.#row(q, siteId, key, how);
    if (!row) throw new ProblemError('event-not-found', { detail: 'This page has no event.' });
    return row;
  }

  /** The event as everyone sees it, plus the reader's own answer when `userId` is given. */
  async #view(q: Queryable, key: string, row: EventRow, userId?: string): Promise<EventInfo> {
    const [tally] = await q.query<{ maybe: number; not_going: number; waitlist: number }>(
      `SELECT count(*) FILTER (WHERE response = 'maybe')::int AS maybe,
              count(*) FILTER (WHERE response = 'not-going')::int AS not_going,
              coalesce(sum(1 + guests) FILTER (WHERE waitlist IS NOT NULL), 0)::int AS waitlist
       FROM rsvps WHERE thread_id = $1`,
      [row.thread_id],
    );
    const attendees = row.show_attendees ? await this.#going(q, row.thread_id, attendeesShown) : [];
    const { details } = row;
    const info: EventInfo = {
      thread: key,
      uid: row.uid,
      ...details,
      allDay: dateOnly.test(details.start),
      capacity: row.capacity,
      maxGuests: row.max_guests,
      showAttendees: row.show_attendees,
      status: row.cancelled ? 'cancelled' : 'scheduled',
      sequence: row.sequence,
      updatedAt: iso(row.updated_at),
      rsvp: {
        going: row.going_seats,
        maybe: tally?.maybe ?? 0,
        notGoing: tally?.not_going ?? 0,
        waitlist: tally?.waitlist ?? 0,
        spotsLeft: row.capacity === null ? null : Math.max(0, row.capacity - row.going_seats),
        open: !row.cancelled && Date.now() < new Date(row.starts_at).getTime(),
      },
      attendees: attendees.map(({ attendee }) => attendee),
    };
    if (userId !== undefined) info.mine = await this.#mine(q, row.thread_id, userId);
    return info;
  }

  async #going(q: Queryable, threadId: string, limit: number, after?: string) {
    const rows = await q.query<{
      id: string;
      name: string;
      avatar_url: string | null;
      guests: number;
      since: string;
    }>(
      `SELECT u.id, u.name, u.avatar_url, r.guests, r.since FROM rsvps r JOIN users u ON u.id = r.user_id
       WHERE r.thread_id = $1 AND r.response = 'going' AND r.waitlist IS NULL
         AND ($2::bigint IS NULL OR r.since > $2::bigint)
       ORDER BY r.since LIMIT $3`,
      [threadId, after ?? null, limit],
    );
    return rows.map((r) => ({
      attendee: { id: r.id, name: r.name, avatarUrl: r.avatar_url, guests: r.guests } satisfies Attendee,
      since: String(r.since),
    }));
  }

  async #mine(q: Queryable, threadId: string, userId: string): Promise<MyRsvp | null> {
    const rows = await q.query<{ response: MyRsvp['response']; guests: number; position: number | null }>(
      `SELECT r.response, r.guests,
              CASE WHEN r.waitlist IS NULL THEN NULL ELSE
                (SELECT count(*)::int FROM rsvps w
                 WHERE w.thread_id = r.thread_id AND w.waitlist IS NOT NULL AND w.waitlist <= r.waitlist)
              END AS position
       FROM rsvps r WHERE r.thread_id = $1 AND r.user_id = $2`,
      [threadId, userId],
    );
    const row = rows[0];
    return row
      ? {
          response: row.response,
          guests: row.guests,
          waitlisted: row.position !== null,
          position: row.position,
        }
      : null;
  }

  /**
   * The event as the reader sees it, read in one snapshot (seats, line and attendees agree) with
   * where its thread's event stream stood: a card that opens the stream from there misses no
   * answer given meanwhile.
   */
  async get(siteId: string, key: string, userId?: string): Promise<EventInfo> {
    return this.db.snapshot(async (q) => {
      const row = await this.#required(q, siteId, key, 'position');
      return { ...(await this.#view(q, key, row, userId)), position: row.position! };
    });
  }

  /** Every event on the site's pages, soonest first: its page, title, start, status and seats. */
  async list(siteId: string) {
    return this.db.query<{
      key: string;
      title: string;
      start: string;
      cancelled: boolean;
      going_seats: number;
      capacity: number | null;
    }>(
      `SELECT t.key, e.details->>'title' AS title, e.details->>'start' AS start, e.cancelled,
              e.going_seats, e.capacity
       FROM rsvp_events e JOIN threads t ON t.id = e.thread_id
       WHERE t.site_id = $1 ORDER BY e.starts_at, t.key`,
      [siteId],
    );
  }

  /**
   * Everyone going, in the order they came to hold a seat. `asOwner` lists them also for an event
   * that keeps its attendees to the site owner.
   */
  async attendees(
    siteId: string,
    key: string,
    limit: number,
    cursor?: string,
    asOwner = false,
  ): Promise<AttendeePage> {
    const row = await this.#required(this.db, siteId, key);
    if (!row.show_attendees && !asOwner) {
      throw new ProblemError('forbidden', { detail: 'This event shows how many are going, not who.' });
    }
    const scope = `a:${row.thread_id}`;
    const after = cursor ? decodeCursor(this.cursorKey(), cursor, scope).seq : undefined;
    const rows = await this.#going(this.db, row.thread_id, limit + 1, after);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(({ attendee }) => attendee),
      nextCursor:
        rows.length > limit && last ? encodeCursor(this.cursorKey(), { scope, seq: last.since }) : null,
    };
  }

  /** The event as a calendar takes it (`toIcs`), with its last change. */
  async calendar(siteId: string, key: string) {
    const row = await this.#required(this.db, siteId, key);
    const { details } = row;
    const where =
      details.place && [details.place.name, details.place.address, details.place.online].filter(Boolean);
    return {
      stamp: new Date(row.updated_at),
      event: {
        uid: row.uid,
        title: details.title,
        start: details.start,
        end: details.end,
        timeZone: details.timeZone,
        description: details.description ?? undefined,
        location: where?.length ? where.join(', ') : undefined,
        url: details.url ?? details.place?.online ?? undefined,
        organizer: details.host ? { name: details.host.name } : undefined,
        status: row.cancelled ? ('cancelled' as const) : ('confirmed' as const),
        sequence: row.sequence,
      },
    };
  }

  /**
   * Recreates an exported event (`SiteExport`) on a page that has none; false when it has one.
   * With `keepUid`, calendars that have the event see the same one (its UID and sequence). Readers
   * who answered become users of the site under `userId` (a single-sign-on user already there is
   * that user, so their next sign-in finds their answer); answers go in in their order, so seats
   * and the waitlist stand as they stood.
   */
  async restore(
    tx: Queryable,
    siteId: string,
    key: string,
    exported: ExportedEvent,
    options: { keepUid: boolean; userId: (author: Author) => string },
  ): Promise<boolean> {
    const [existing] = await tx.query(
      'SELECT 1 FROM rsvp_events e JOIN threads t ON t.id = e.thread_id WHERE t.site_id = $1 AND t.key = $2',
      [siteId, key],
    );
    if (existing) return false;
    await this.put(tx, siteId, key, exported.event);
    const [thread] = await tx.query<{ id: string }>(
      'SELECT id FROM threads WHERE site_id = $1 AND key = $2',
      [siteId, key],
    );
    const threadId = thread!.id;
    if (options.keepUid) {
      await tx.query('UPDATE rsvp_events SET uid = $2, sequence = $3 WHERE thread_id = $1', [
        threadId,
        exported.uid,
        exported.sequence,
      ]);
    }
    for (const { author, externalId, response, guests, waitlisted } of exported.answers) {
      const id = options.userId(author);
      const external = author.kind === 'sso' ? externalId : null;
      await tx.query(
        `INSERT INTO users (id, site_id, kind, external_id, name, avatar_url)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
        [id, siteId, author.kind, external, author.name, author.avatarUrl],
      );
      const [user] = await tx.query<{ id: string }>(
        `SELECT id FROM users WHERE site_id = $1 AND (id = $2 OR (kind = 'sso' AND external_id = $3))
         ORDER BY id = $2 DESC LIMIT 1`,
        [siteId, id, external],
      );
      if (!user) continue;
      await tx.query(
        `INSERT INTO rsvps (thread_id, user_id, response, guests, waitlist, since)
         VALUES ($1, $2, $3, $4, CASE WHEN $5::boolean THEN nextval('rsvp_order') END, nextval('rsvp_order'))
         ON CONFLICT DO NOTHING`,
        [threadId, user.id, response, guests, waitlisted],
      );
    }
    await tx.query(
      `UPDATE rsvp_events SET going_seats = (
         SELECT COALESCE(sum(1 + guests), 0) FROM rsvps WHERE thread_id = $1 AND response = 'going' AND waitlist IS NULL)
       WHERE thread_id = $1`,
      [threadId],
    );
    return true;
  }

  /**
   * Creates or replaces the page's event. A change calendars show (title, times, place, status...)
   * raises the sequence; capacity and guests do not. Raising or lifting the capacity seats the
   * waitlist in turn; lowering it below the seats taken seats no one new but turns no one away.
   */
  async put(
    tx: Queryable,
    siteId: string,
    key: string,
    input: EventInput,
  ): Promise<{ event: EventInfo; created: boolean }> {
    const times = readTimes(input);
    const details: Details = {
      title: input.title,
      description: input.description || null,
      start: times.start,
      end: times.end,
      timeZone: input.timeZone,
      url: input.url ?? null,
      place: input.place && Object.keys(input.place).length ? input.place : null,
      host: input.host ?? null,
      image: input.image ?? null,
    };
    const cancelled = input.status === 'cancelled';
    const [thread] = await tx.query<{ id: string }>(
      `INSERT INTO threads AS t (site_id, key) VALUES ($1, $2)
       ON CONFLICT (site_id, key) DO UPDATE SET key = EXCLUDED.key RETURNING id`,
      [siteId, key],
    );
    const threadId = thread!.id;
    const [before] = await tx.query<EventRow>(
      `SELECT ${eventColumns} FROM rsvp_events e WHERE e.thread_id = $1 FOR UPDATE`,
      [threadId],
    );
    // jsonb keeps its own key order: compare with keys sorted.
    const shown = (d: Details, c: boolean) =>
      JSON.stringify([d, c], (_, v) =>
        v && typeof v === 'object' && !Array.isArray(v)
          ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
          : v,
      );
    const changed = !before || shown(before.details, before.cancelled) !== shown(details, cancelled);
    await tx.query(
      `INSERT INTO rsvp_events AS e
         (thread_id, uid, details, starts_at, ends_at, capacity, max_guests, cancelled, show_attendees)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $10)
       ON CONFLICT (thread_id) DO UPDATE SET details = EXCLUDED.details, starts_at = EXCLUDED.starts_at,
         ends_at = EXCLUDED.ends_at, capacity = EXCLUDED.capacity, max_guests = EXCLUDED.max_guests,
         cancelled = EXCLUDED.cancelled, show_attendees = EXCLUDED.show_attendees,
         sequence = e.sequence + $9::int,
         updated_at = CASE WHEN $9::int = 1 THEN now() ELSE e.updated_at END`,
      [
        threadId,
        `${randomToken(16)}@kith`,
        JSON.stringify(details),
        times.startsAt,
        times.endsAt,
        input.capacity ?? null,
        input.maxGuests ?? 0,
        cancelled,
        before && changed ? 1 : 0,
        input.showAttendees ?? true,
      ],
    );
    let row = await this.#required(tx, siteId, key, 'lock');
    if (!cancelled) row = await this.#seatWaitlist(tx, row);
    const event = await this.#view(tx, key, row);
    await appendEvent(tx, threadId, siteId, key, 'event.changed', { event });
    return { event, created: !before };
  }

  /** Removes the page's event and its answers; open pages hear `event.removed`. */
  async remove(tx: Queryable, siteId: string, key: string): Promise<void> {
    const rows = await tx.query<{ thread_id: string }>(
      `DELETE FROM rsvp_events WHERE thread_id = (SELECT id FROM threads WHERE site_id = $1 AND key = $2)
       RETURNING thread_id`,
      [siteId, key],
    );
    if (rows.length === 0) throw new ProblemError('event-not-found', { detail: 'This page has no event.' });
    await appendEvent(tx, rows[0]!.thread_id, siteId, key, 'event.removed', { thread: key });
  }

  /** A reader's answer. Going takes a seat if one is free and no one is waiting, else a place in line. */
  async answer(
    tx: Queryable,
    siteId: string,
    key: string,
    userId: string,
    request: RsvpRequest,
  ): Promise<EventInfo> {
    let row = await this.#required(tx, siteId, key, 'lock');
    if (row.cancelled) throw new ProblemError('event-cancelled', { detail: 'The event is cancelled.' });
    if (Date.now() >= new Date(row.starts_at).getTime()) {
      throw new ProblemError('rsvp-closed', { detail: 'The event has started: answers are closed.' });
    }
    const going = request.response === 'going';
    const guests = going ? (request.guests ?? 0) : 0;
    if (guests > row.max_guests) {
      throw new ProblemError('validation-failed', {
        detail:
          row.max_guests === 0
            ? 'This event takes no guests.'
            : `This event takes at most ${row.max_guests} guest${row.max_guests === 1 ? '' : 's'} per reader.`,
        errors: [{ pointer: '/guests', message: `At most ${row.max_guests}.` }],
      });
    }
    const [was] = await tx.query<{ response: string; guests: number; waitlist: string | null }>(
      'SELECT response, guests, waitlist FROM rsvps WHERE thread_id = $1 AND user_id = $2',
      [row.thread_id, userId],
    );
    const seated = was?.response === 'going' && was.waitlist === null;
    const held = seated ? 1 + was.guests : 0;
    const free = row.capacity === null ? Number.POSITIVE_INFINITY : row.capacity - row.going_seats + held;
    let seat: 'keep' | 'take' | 'wait' | 'none' = 'none';
    if (going && seated) {
      if (1 + guests > free) {
        const more = Math.max(0, free - 1 - was.guests);
        throw new ProblemError('event-full', {
          detail: `Not enough seats: ${more === 0 ? 'no more guests fit' : `${more} more guest${more === 1 ? '' : 's'} fit`}.`,
        });
      }
      seat = 'keep';
    } else if (going && was?.response === 'going') {
      seat = 'wait'; // already in line: keeps their place
    } else if (going) {
      const [line] = await tx.query<{ waiting: boolean }>(
        'SELECT EXISTS (SELECT 1 FROM rsvps WHERE thread_id = $1 AND waitlist IS NOT NULL) AS waiting',
        [row.thread_id],
      );
      seat = !line?.waiting && 1 + guests <= free ? 'take' : 'wait';
    }
    await tx.query(
      `INSERT INTO rsvps AS r (thread_id, user_id, response, guests, waitlist)
       VALUES ($1, $2, $3, $4, CASE WHEN $5 = 'wait' THEN nextval('rsvp_order') END)
       ON CONFLICT (thread_id, user_id) DO UPDATE SET response = EXCLUDED.response, guests = EXCLUDED.guests,
         waitlist = CASE WHEN $5 = 'wait' THEN coalesce(r.waitlist, EXCLUDED.waitlist) END,
         since = CASE WHEN $5 = 'keep' THEN r.since ELSE nextval('rsvp_order') END`,
      [row.thread_id, userId, request.response, guests, seat],
    );
    const seats = seat === 'keep' || seat === 'take' ? 1 + guests : 0;
    if (seats !== held) {
      await tx.query('UPDATE rsvp_events SET going_seats = going_seats + $2 WHERE thread_id = $1', [
        row.thread_id,
        seats - held,
      ]);
      row = { ...row, going_seats: row.going_seats + seats - held };
    }
    row = await this.#seatWaitlist(tx, row);
    const everyone = await this.#view(tx, key, row);
    await appendEvent(tx, row.thread_id, siteId, key, 'event.changed', { event: everyone });
    return { ...everyone, mine: await this.#mine(tx, row.thread_id, userId) };
  }

  /**
   * Withdraws a user's answer (erasing them): their seats go to the line while the event is still
   * to come. Earlier `event.changed` events of the page, which may name them among those going,
   * give way to one with the event as it is now. Whether there was an answer.
   */
  async forget(tx: Queryable, siteId: string, key: string, userId: string): Promise<boolean> {
    let row = await this.#required(tx, siteId, key, 'lock');
    const [was] = await tx.query<{ response: string; guests: number; waitlist: string | null }>(
      'DELETE FROM rsvps WHERE thread_id = $1 AND user_id = $2 RETURNING response, guests, waitlist',
      [row.thread_id, userId],
    );
    if (!was) return false;
    if (was.response === 'going' && was.waitlist === null) {
      await tx.query('UPDATE rsvp_events SET going_seats = going_seats - $2 WHERE thread_id = $1', [
        row.thread_id,
        1 + was.guests,
      ]);
      row = { ...row, going_seats: row.going_seats - 1 - was.guests };
    }
    if (!row.cancelled && Date.now() < new Date(row.starts_at).getTime())
      row = await this.#seatWaitlist(tx, row);
    await tx.query(`DELETE FROM events WHERE thread_id = $1 AND type = 'event.changed'`, [row.thread_id]);
    await appendEvent(tx, row.thread_id, siteId, key, 'event.changed', {
      event: await this.#view(tx, key, row),
    });
    return true;
  }

  /** Seats the head of the line while their party fits: strictly in turn, no one skips ahead. */
  async #seatWaitlist(tx: Queryable, row: EventRow): Promise<EventRow> {
    let goingSeats = row.going_seats;
    for (;;) {
      const [head] = await tx.query<{ user_id: string; guests: number }>(
        'SELECT user_id, guests FROM rsvps WHERE thread_id = $1 AND waitlist IS NOT NULL ORDER BY waitlist LIMIT 1',
        [row.thread_id],
      );
      if (!head || (row.capacity !== null && goingSeats + 1 + head.guests > row.capacity)) break;
      await tx.query(
        `UPDATE rsvps SET waitlist = NULL, since = nextval('rsvp_order') WHERE thread_id = $1 AND user_id = $2`,
        [row.thread_id, head.user_id],
      );
      goingSeats += 1 + head.guests;
    }
    if (goingSeats === row.going_seats) return row;
    await tx.query('UPDATE rsvp_events SET going_seats = $2 WHERE thread_id = $1', [
      row.thread_id,
      goingSeats,
    ]);
    return { ...row, going_seats: goingSeats };
  }
}
