import { type CalendarEvent, checkTimeZone, details, eventTimes, pageUrl, utcBasic } from './event.js';

// Its own few lines rather than the share builders' `truncate`: a module both the share bar and
// the event card import becomes a chunk of its own in the script-tag build, one more download
// for each of them.
const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter() : undefined;

/** `text` cut to at most `max` graphemes, ending with "…" when cut. */
function truncate(text: string, max: number): string {
  const parts = segmenter ? Array.from(segmenter.segment(text), (s) => s.segment) : Array.from(text);
  return parts.length <= max
    ? text
    : `${parts
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/** Calendars an event can be added to with a link (Apple Calendar and others take the ICS file). */
export type CalendarService = 'google' | 'outlook' | 'office365' | 'yahoo';

/**
 * Descriptions in links are cut to this many graphemes (the link keeps the event's page): a link
 * of tens of kilobytes is refused by the calendars' servers, and the ICS file carries it whole.
 */
export const linkDescriptionLimit = 1000;

/** Every value encoded, except Google's `dates` (digits, T, Z and the `/` its template shows). */
const query = (params: Record<string, string | undefined>) =>
  Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${key}=${key === 'dates' ? value : encodeURIComponent(value)}`)
    .join('&');

function linkable(event: CalendarEvent) {
  if (event.status === 'cancelled') throw new TypeError('A cancelled event cannot be added to a calendar');
  if (!event.title?.trim()) throw new TypeError('The event needs a title');
  const url = pageUrl(event);
  const text = details(event.description, url);
  const description = text && shorten(text, url);
  return { times: eventTimes(event), description, timeZone: checkTimeZone(event.timeZone) };
}

/** Cuts a long description, never the event's page at its end. */
function shorten(text: string, url: string | undefined): string {
  const cut = truncate(text, linkDescriptionLimit);
  if (cut === text || !url || !text.endsWith(url)) return cut;
  const head = text.slice(0, -url.length).trimEnd();
  if (!head) return url;
  return `${truncate(head, Math.max(1, linkDescriptionLimit - url.length - 2))}\n\n${url}`;
}

/** Google Calendar's "new event" form, filled in. */
export function googleCalendarUrl(event: CalendarEvent): string {
  const { times, description, timeZone } = linkable(event);
  const dates = times.allDay
    ? `${times.first}/${times.after}`
    : `${utcBasic(times.start)}/${utcBasic(times.end)}`;
  return `https://calendar.google.com/calendar/render?${query({
    action: 'TEMPLATE',
    text: event.title,
    dates,
    ctz: timeZone,
    details: description,
    location: event.location,
  })}`;
}

const isoSeconds = (date: Date) => date.toISOString().replace(/\.\d+Z$/, 'Z');
const dashed = (yyyymmdd: string) => `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6)}`;

function microsoft(host: string, event: CalendarEvent): string {
  const { times, description } = linkable(event);
  return `https://${host}/calendar/0/action/compose?${query({
    rru: 'addevent',
    startdt: times.allDay ? dashed(times.first) : isoSeconds(times.start),
    enddt: times.allDay ? dashed(times.after) : isoSeconds(times.end),
    subject: event.title,
    body: description,
    location: event.location,
    allday: times.allDay ? 'true' : undefined,
  })}`;
}

/** Outlook.com (personal Microsoft accounts): the new-event form, filled in. */
export const outlookCalendarUrl = (event: CalendarEvent): string => microsoft('outlook.live.com', event);

/** Outlook on the web for work and school accounts (Microsoft 365). */
export const office365CalendarUrl = (event: CalendarEvent): string => microsoft('outlook.office.com', event);

/** Yahoo Calendar's new-event form, filled in. */
export function yahooCalendarUrl(event: CalendarEvent): string {
  const { times, description } = linkable(event);
  return `https://calendar.yahoo.com/?${query({
    v: '60',
    title: event.title,
    st: times.allDay ? times.first : utcBasic(times.start),
    et: times.allDay ? times.last : utcBasic(times.end),
    dur: times.allDay ? 'allday' : undefined,
    desc: description,
    in_loc: event.location,
  })}`;
}

const builders: Record<CalendarService, (event: CalendarEvent) => string> = {
  google: googleCalendarUrl,
  outlook: outlookCalendarUrl,
  office365: office365CalendarUrl,
  yahoo: yahooCalendarUrl,
};

export const calendarServices = Object.keys(builders) as CalendarService[];

/** The link that adds `event` to `service`. Import one service's builder to keep a bundle small. */
export function calendarUrl(service: CalendarService, event: CalendarEvent): string {
  const build = Object.hasOwn(builders, service) ? builders[service] : undefined;
  if (!build) throw new TypeError(`Unknown calendar "${service}" (one of ${calendarServices.join(', ')})`);
  return build(event);
}
