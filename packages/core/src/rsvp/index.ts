/**
 * A page's event and the reader's answer to it (RSVP), over a `KithClient` and its session, so the
 * answer is given under the identity the reader comments with. A module of its own: pages without
 * an event card never load it.
 *
 * ```ts
 * import { getEvent, rsvp } from '@kith/core/rsvp';
 * const event = await getEvent(client, '/meetups/may');
 * const after = await rsvp(client, '/meetups/may', { response: 'going', guests: 1 });
 * after.mine; // { response: 'going', guests: 1, waitlisted: false, position: null }
 * ```
 */
import type { AttendeePage, EventInfo, RsvpRequest } from '@kith/protocol';
import { clientHttp, type KithClient, type PageOptions } from '../client.js';
import { KithError, toKithError } from '../errors.js';
import { type RequestOptions, request } from '../http.js';

async function call<T>(client: KithClient, path: string, options: RequestOptions = {}): Promise<T> {
  try {
    return (await (await request(clientHttp(client), path, options)).json()) as T;
  } catch (error) {
    throw await toKithError(error);
  }
}

const eventPath = (key: string) => `threads/${encodeURIComponent(key)}/event`;

/**
 * An event whose times read as times, else `bad-response`: an answer from something other than a
 * Kith server would otherwise reach the card, which cannot show it.
 */
async function event(answer: Promise<EventInfo | null>): Promise<EventInfo> {
  const info = await answer;
  if (!info?.rsvp || Number.isNaN(Date.parse(info.start) + Date.parse(info.end))) {
    throw new KithError('bad-response', 'The server did not answer with an event: is it a Kith server?');
  }
  return info;
}

/**
 * The page's event: its details, the answers so far (`rsvp`), the first attendees and, when the
 * client has a session, the reader's own answer (`mine`). Rejects with code `event-not-found` when
 * the page has none.
 */
export function getEvent(
  client: KithClient,
  key: string,
  options: { signal?: AbortSignal } = {},
): Promise<EventInfo> {
  return event(call(client, eventPath(key), { signal: options.signal }));
}

/**
 * Answers the event as the signed-in reader: going (with guests), maybe, or not going. Going past
 * capacity joins the waitlist (`mine.waitlisted`, `mine.position`); seats that free up go to it in
 * turn. Safe to retry: the same answer twice is one answer. Rejects with `event-full` when a
 * seated reader asks for more guests than there are seats, `event-cancelled` or `rsvp-closed`
 * once it takes no answers.
 */
export function rsvp(
  client: KithClient,
  key: string,
  answer: RsvpRequest,
  options: { signal?: AbortSignal } = {},
): Promise<EventInfo> {
  return event(
    call(client, `${eventPath(key)}/rsvp`, {
      method: 'PUT',
      json: answer,
      signal: options.signal,
    }),
  );
}

/** Everyone going, in the order they took their seats; pass `nextCursor` back for more. */
export function getAttendees(
  client: KithClient,
  key: string,
  { signal, ...searchParams }: PageOptions = {},
): Promise<AttendeePage> {
  return call(client, `${eventPath(key)}/attendees`, { searchParams, signal });
}

/**
 * The event's iCalendar address: a download for "Add to calendar", or a subscription (swap
 * `https:` for `webcal:`) that follows later changes and a cancellation, by its stable UID.
 */
export function eventCalendarUrl(client: KithClient, key: string): string {
  return `${client.server}/v1/sites/${encodeURIComponent(client.site)}/${eventPath(key)}/calendar.ics`;
}
