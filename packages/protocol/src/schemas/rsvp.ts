import { Type } from '@sinclair/typebox';
import { Cursor, Nullable, StreamPosition, Strict, ThreadKey, Timestamp } from './common.js';

/**
 * A page may have one event: the meetup the page announces. Readers answer it (going, maybe,
 * can't go) under the identity they comment with, and its changes reach open pages on the thread's
 * event stream (`event.changed`).
 */

const webAddress = (description?: string) =>
  Type.String({
    pattern: '^https?://[^\\s]+$',
    maxLength: 2048,
    errorMessage: 'Must be an http:// or https:// address, without spaces',
    ...(description ? { description } : {}),
  });

/** `2026-05-01T19:00:00+02:00` (with its offset or Z), or `2026-05-01` for an all-day event. */
const eventTime = (description: string) =>
  Type.String({
    pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2}))?$',
    description,
    errorMessage: 'Must be a day (2026-05-14) or a time with its offset (2026-05-14T19:00:00+02:00)',
  });

export const EventPlace = Strict(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    address: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    online: Type.Optional(webAddress('Where to join online.')),
  },
  { description: 'Where it happens: a venue, an address, a link to join online, or several.' },
);

export const EventHost = Strict({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  url: Type.Optional(webAddress()),
});

/** What the site owner says of the event (`PUT admin/threads/{key}/event`). */
export const EventInput = Strict(
  {
    title: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S', errorMessage: 'Must not be blank' }),
    description: Type.Optional(Type.String({ maxLength: 5000, description: 'Plain text.' })),
    start: eventTime(
      'An instant with its UTC offset (`2026-05-01T19:00:00+02:00`), or a date (`2026-05-01`) for an all-day event. A time without an offset is refused: it would mean a different moment for every reader.',
    ),
    end: Type.Optional(
      eventTime(
        'Required for a timed event (an instant after `start`). For an all-day event, the last day (inclusive); the first day when left out.',
      ),
    ),
    timeZone: Type.String({
      minLength: 1,
      maxLength: 64,
      description:
        'The IANA zone it happens in (`Europe/Berlin`): times are shown there and in the reader’s.',
    }),
    url: Type.Optional(webAddress('The event’s own page (calendars link to it).')),
    place: Type.Optional(EventPlace),
    host: Type.Optional(EventHost),
    image: Type.Optional(webAddress('A cover image.')),
    capacity: Type.Optional(
      Nullable(
        Type.Integer({
          minimum: 1,
          maximum: 100000,
          description:
            'Seats, guests included; null or left out for no limit. Past it, readers join a waitlist.',
        }),
      ),
    ),
    maxGuests: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 20, description: 'Guests each reader may bring (default 0).' }),
    ),
    showAttendees: Type.Optional(
      Type.Boolean({
        description:
          'Show who is going (names and faces) to everyone (default true); false keeps the list to the site owner, and readers see only how many.',
      }),
    ),
    status: Type.Optional(
      Type.Union([Type.Literal('scheduled'), Type.Literal('cancelled')], {
        description: 'A cancelled event stays, marked cancelled, so calendars that have it learn so.',
      }),
    ),
  },
  { $id: 'EventInput' },
);

export const RsvpResponse = Type.Union(
  [Type.Literal('going'), Type.Literal('maybe'), Type.Literal('not-going')],
  { description: 'going, maybe, or not-going (can’t go).' },
);

export const RsvpRequest = Strict(
  {
    response: RsvpResponse,
    guests: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 20, description: 'Guests brought along (going only; default 0).' }),
    ),
  },
  { $id: 'RsvpRequest' },
);

export const MyRsvp = Strict(
  {
    response: RsvpResponse,
    guests: Type.Integer({ minimum: 0 }),
    waitlisted: Type.Boolean({
      description: 'Going, but waiting for a seat: promoted in turn as seats free up.',
    }),
    position: Nullable(Type.Integer({ minimum: 1, description: 'Place on the waitlist, 1 first.' })),
  },
  { $id: 'MyRsvp' },
);

export const Attendee = Strict(
  {
    id: Type.String(),
    name: Type.String(),
    avatarUrl: Nullable(Type.String()),
    guests: Type.Integer({ minimum: 0 }),
  },
  { $id: 'Attendee' },
);

export const RsvpTally = Strict({
  going: Type.Integer({ minimum: 0, description: 'Seats taken: readers going and their guests.' }),
  maybe: Type.Integer({ minimum: 0 }),
  notGoing: Type.Integer({ minimum: 0 }),
  waitlist: Type.Integer({
    minimum: 0,
    description: 'Seats waited for: waitlisted readers and their guests.',
  }),
  spotsLeft: Nullable(Type.Integer({ minimum: 0, description: 'null: no limit.' })),
  open: Type.Boolean({ description: 'Whether answers are taken: until the event starts, unless cancelled.' }),
});

export const EventInfo = Strict(
  {
    thread: ThreadKey,
    uid: Type.String({ description: 'Stable across edits: the ICS UID.' }),
    title: Type.String(),
    description: Nullable(Type.String()),
    start: Type.String(),
    end: Type.String({ description: 'For an all-day event, its last day (inclusive).' }),
    allDay: Type.Boolean(),
    timeZone: Type.String(),
    url: Nullable(Type.String()),
    place: Nullable(EventPlace),
    host: Nullable(EventHost),
    image: Nullable(Type.String()),
    capacity: Nullable(Type.Integer({ minimum: 1 })),
    maxGuests: Type.Integer({ minimum: 0 }),
    showAttendees: Type.Boolean(),
    status: Type.Union([Type.Literal('scheduled'), Type.Literal('cancelled')]),
    sequence: Type.Integer({
      minimum: 0,
      description: 'Raised by every change calendars show (ICS SEQUENCE).',
    }),
    updatedAt: Timestamp,
    rsvp: RsvpTally,
    attendees: Type.Array(Attendee, {
      maxItems: 12,
      description:
        'The first readers going, in the order they answered (the full list is paged); empty when the event does not show its attendees.',
    }),
    mine: Type.Optional(Nullable(MyRsvp)),
    position: Type.Optional(StreamPosition),
  },
  {
    $id: 'EventInfo',
    description:
      '`mine` is present with a session: the reader’s own answer, or null before they answer. `position` comes with a read of the event (`GET`), for its live stream.',
  },
);

export const AttendeePage = Strict(
  { items: Type.Array(Attendee), nextCursor: Nullable(Cursor) },
  { $id: 'AttendeePage' },
);
