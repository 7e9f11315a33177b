/**
 * An event as calendars take it, and its times read once, strictly: every builder in this folder
 * (the links and the ICS file) starts from `eventTimes`, so they agree on what the event is.
 */

/** A moment: a `Date`, or ISO 8601 text with its UTC offset (`2026-05-01T19:00:00+02:00`, `…Z`). */
export type Instant = Date | string;

export interface CalendarEvent {
  /**
   * A stable id for the event (the ICS `UID`): the same event keeps it across edits, so a calendar
   * updates its copy instead of adding a second one. Required for ICS.
   */
  uid?: string | undefined;
  title: string;
  /**
   * When it starts: an instant, or a date (`2026-05-01`) for an all-day event. Text without a UTC
   * offset is refused: a "floating" time means a different moment in every reader's zone.
   */
  start: Instant;
  /**
   * When it ends: an instant after `start`, required for a timed event. For an all-day event, the
   * last day it runs (inclusive: `2026-05-03` for a May 1–3 event); the first day if left out.
   */
  end?: Instant | undefined;
  /** The IANA zone it happens in (`Europe/Berlin`): calendars that take one show it there. */
  timeZone?: string | undefined;
  description?: string | undefined;
  /** A street address, or where to join online. */
  location?: string | undefined;
  /** The event's own page. */
  url?: string | undefined;
  /** Who runs it. Their email goes out only where a calendar needs one (the ICS `ORGANIZER`). */
  organizer?: { name: string; email?: string | undefined } | undefined;
  /** A cancelled event stays in calendars that have it, marked cancelled (ICS `STATUS`). */
  status?: 'confirmed' | 'tentative' | 'cancelled' | undefined;
  /** Raised with each change to the event, so calendars take the newer copy (ICS `SEQUENCE`). */
  sequence?: number | undefined;
}

/** An event's times, checked: either whole days or two instants. */
export type EventTimes =
  | {
      allDay: true;
      /** The first day, `YYYYMMDD`. */
      first: string;
      /** The last day, inclusive, `YYYYMMDD`. */
      last: string;
      /** The day after the last, `YYYYMMDD`: the exclusive end Google and ICS expect. */
      after: string;
    }
  | { allDay: false; start: Date; end: Date };

const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/;
const withOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** `2026-05-01` as a UTC midnight, or undefined when it is not a real date (`2026-02-30`). */
function day(text: string): Date | undefined {
  const match = dateOnly.exec(text);
  if (!match) return undefined;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
    ? date
    : undefined;
}

function instant(value: Instant, name: string): Date {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new TypeError(`The event's ${name} is an invalid Date`);
    return value;
  }
  if (!withOffset.test(value)) {
    throw new TypeError(
      `The event's ${name} "${value}" needs a UTC offset or Z (2026-05-01T19:00:00+02:00), or a date alone for an all-day event`,
    );
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new TypeError(`The event's ${name} "${value}" is not a real time`);
  return date;
}

/** `YYYYMMDD` of a UTC-midnight date. */
const compact = (date: Date) => date.toISOString().slice(0, 10).replaceAll('-', '');

/** Reads and checks the event's times; a clear TypeError for anything a calendar would get wrong. */
export function eventTimes(event: CalendarEvent): EventTimes {
  if (typeof event.start === 'string' && dateOnly.test(event.start)) {
    const first = day(event.start);
    if (!first) throw new TypeError(`The event's start "${event.start}" is not a real date`);
    const lastText = event.end ?? event.start;
    const last = typeof lastText === 'string' ? day(lastText) : undefined;
    if (!last) throw new TypeError(`An all-day event ends on a date (YYYY-MM-DD), not "${String(lastText)}"`);
    if (last < first) throw new TypeError(`The event ends (${lastText}) before it starts (${event.start})`);
    const after = new Date(last);
    after.setUTCDate(after.getUTCDate() + 1);
    return { allDay: true, first: compact(first), last: compact(last), after: compact(after) };
  }
  const start = instant(event.start, 'start');
  if (event.end === undefined) throw new TypeError('A timed event needs an end');
  const end = instant(event.end, 'end');
  if (end < start) throw new TypeError('The event ends before it starts');
  return { allDay: false, start, end };
}

/** Checks `timeZone` is one this runtime knows (IANA names such as `America/New_York`). */
export function checkTimeZone(timeZone: string | undefined): string | undefined {
  if (timeZone === undefined) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    throw new TypeError(`Unknown time zone "${timeZone}" (use an IANA name such as Europe/Berlin)`);
  }
}

/** `20260501T170000Z`: an instant in UTC, the basic form Google, Yahoo and ICS take. */
export const utcBasic = (date: Date) => date.toISOString().replace(/\.\d+/, '').replace(/[-:]/g, '');

/** The event's page, checked: an absolute http(s) address, as calendars make it a link. */
export function pageUrl(event: CalendarEvent): string | undefined {
  if (event.url === undefined || event.url === '') return undefined;
  let parsed: URL | undefined;
  try {
    parsed = new URL(event.url);
  } catch {
    // Said below.
  }
  if (parsed?.protocol !== 'https:' && parsed?.protocol !== 'http:') {
    throw new TypeError(`The event's url "${event.url}" is not an absolute http(s) address`);
  }
  return parsed.href;
}

/** The description with the event's page (`pageUrl`) after it, for calendars that keep no link of their own. */
export function details(description: string | undefined, url: string | undefined): string | undefined {
  if (!url || description?.includes(url)) return description || undefined;
  return description ? `${description}\n\n${url}` : url;
}
