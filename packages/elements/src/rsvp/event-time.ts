import type { EventInfo } from '@kith/core';

/** Where an event is in its life, as the card shows it. */
export type EventPhase = 'upcoming' | 'now' | 'ended' | 'cancelled';

const day = 86_400_000;

/** The event's first and after-last instants (all-day events: the reader's midnights). */
function bounds(event: EventInfo): [number, number] {
  if (!event.allDay) return [Date.parse(event.start), Date.parse(event.end)];
  return [Date.parse(`${event.start}T00:00`), Date.parse(`${event.end}T00:00`) + day];
}

export function eventPhase(event: EventInfo, now = Date.now()): EventPhase {
  if (event.status === 'cancelled') return 'cancelled';
  const [start, end] = bounds(event);
  return now < start ? 'upcoming' : now < end ? 'now' : 'ended';
}

const timed: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
};

/**
 * `zone` if this browser knows it, else undefined (the reader's own zone): one named after its
 * time-zone data was made (Europe/Kyiv, 2022) would throw wherever it is used.
 */
export function knownZone(zone: string): string | undefined {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }) && zone;
  } catch {
    return undefined;
  }
}

function range(lang: string, options: Intl.DateTimeFormatOptions, start: number, end: number): string {
  return new Intl.DateTimeFormat(lang, options).formatRange(start, end);
}

/**
 * When it happens, where it happens ("Thursday, May 14, 2026, 7:00 – 9:30 PM CEST"), and the same
 * in the reader's zone when their clock says otherwise (undefined when it agrees, and for all-day
 * events, which are the same days everywhere). An event in a zone this browser does not know is
 * shown in the reader's zone alone.
 */
export function eventWhen(event: EventInfo, lang: string): { there: string; here: string | undefined } {
  if (event.allDay) {
    const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);
    const options = { ...timed, hour: undefined, minute: undefined, timeZone: 'UTC' };
    return { there: range(lang, options, utc(event.start), utc(event.end)), here: undefined };
  }
  const [start, end] = bounds(event);
  const zone = knownZone(event.timeZone);
  const there = range(lang, { ...timed, timeZone: zone, timeZoneName: 'short' }, start, end);
  if (!zone) return { there, here: undefined };
  const readerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const inZone = (timeZone: string) => range(lang, { ...timed, timeZone }, start, end);
  const here =
    readerZone !== event.timeZone && inZone(readerZone) !== inZone(event.timeZone)
      ? range(lang, { ...timed, timeZoneName: 'short' }, start, end)
      : undefined;
  return { there, here };
}
