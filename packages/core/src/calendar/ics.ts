import { type CalendarEvent, details, eventTimes, pageUrl, utcBasic } from './event.js';

/**
 * iCalendar (RFC 5545) for "add to calendar" and calendar feeds: Apple Calendar, Thunderbird and
 * any calendar that opens an `.ics` file or subscribes to one.
 *
 * Written as calendars read it best: `METHOD:PUBLISH` (never `REQUEST`, which makes clients offer
 * Accept/Decline to an invitation nobody sent), times in UTC (no floating times, no VTIMEZONE to
 * get wrong), all-day events as dates with an exclusive end, CRLF line endings, text escaped and
 * lines folded at 75 octets without splitting a character.
 */

export interface IcsOptions {
  /**
   * When this copy of the event was made (`DTSTAMP`): the event's last change, for a feed; now by
   * default.
   */
  stamp?: Date | undefined;
  /** A reminder this many minutes before the start (`VALARM`). */
  reminderMinutes?: number | undefined;
}

/** The media type to serve ICS with. */
export const icsMediaType = 'text/calendar; charset=utf-8';

/** Escapes TEXT: backslash, `;`, `,` and line breaks; drops control characters a value cannot hold. */
export function escapeText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters removed
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .replace(/[\\;,]/g, (c) => `\\${c}`)
      .replace(/\n/g, '\\n')
  );
}

const encoder = new TextEncoder();

/** Folds a content line at 75 octets: continuation lines start with a space; no character is split. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first line holds 75 octets; each continuation line a space and 74.
    if (octets + size > (lines.length ? 74 : 75)) {
      lines.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join('\r\n ');
}

function organizer({ name, email }: NonNullable<CalendarEvent['organizer']>): string | undefined {
  // A cal-address is required: without an email the organizer is left out (their name is on the page).
  if (!email) return undefined;
  if (!/^[^\s@"<>,;:]+@[^\s@"<>,;:]+$/.test(email))
    throw new TypeError(`The organizer's email "${email}" is not valid`);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters cannot be in a parameter
  const cn = name.replace(/["\u0000-\u001f\u007f]/g, '');
  return `ORGANIZER;CN="${cn}":mailto:${email}`;
}

function vevent(event: CalendarEvent, stamp: Date, reminderMinutes: number | undefined): string[] {
  if (!event.uid?.trim())
    throw new TypeError('An ICS event needs a stable uid, so calendars update it instead of copying it');
  if (!event.title?.trim()) throw new TypeError('The event needs a title');
  const times = eventTimes(event);
  const sequence = event.sequence ?? 0;
  if (!Number.isInteger(sequence) || sequence < 0)
    throw new TypeError('The event sequence is a whole number, 0 or more');
  const url = pageUrl(event);
  const description = details(event.description, url);
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${utcBasic(stamp)}`,
    `SEQUENCE:${sequence}`,
    ...(times.allDay
      ? [`DTSTART;VALUE=DATE:${times.first}`, `DTEND;VALUE=DATE:${times.after}`]
      : [`DTSTART:${utcBasic(times.start)}`, `DTEND:${utcBasic(times.end)}`]),
    `SUMMARY:${escapeText(event.title)}`,
  ];
  if (description) lines.push(`DESCRIPTION:${escapeText(description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (url) lines.push(`URL:${url}`);
  const organizerLine = event.organizer && organizer(event.organizer);
  if (organizerLine) lines.push(organizerLine);
  lines.push(`STATUS:${(event.status ?? 'confirmed').toUpperCase()}`);
  if (reminderMinutes !== undefined && event.status !== 'cancelled') {
    if (!Number.isInteger(reminderMinutes) || reminderMinutes < 0) {
      throw new TypeError('A reminder is a whole number of minutes, 0 or more');
    }
    lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeText(event.title)}`);
    lines.push(`TRIGGER:-PT${reminderMinutes}M`, 'END:VALARM');
  }
  lines.push('END:VEVENT');
  return lines;
}

/** One or more events as an iCalendar file (a feed holds several). */
export function toIcs(events: CalendarEvent | CalendarEvent[], options: IcsOptions = {}): string {
  const stamp = options.stamp ?? new Date();
  if (Number.isNaN(stamp.getTime())) throw new TypeError('The stamp is an invalid Date');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Kith//Kith events//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...[events].flat().flatMap((event) => vevent(event, stamp, options.reminderMinutes)),
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
