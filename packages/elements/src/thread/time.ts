import type { Localizer, Strings } from '../base/localize.js';

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 31_536_000],
  ['month', 2_592_000],
  ['week', 604_800],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** "3 hours ago", "yesterday", "now": in the reader's language, through Intl. */
export function relativeTime(localize: Localizer<Strings>, date: string, now = Date.now()): string {
  const seconds = Math.round((Date.parse(date) - now) / 1000);
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) {
      return localize.relativeTime(Math.round(seconds / size), unit, { numeric: 'auto' });
    }
  }
  return localize.relativeTime(Math.abs(seconds) < 10 ? 0 : seconds, 'second', { numeric: 'auto' });
}

/** The exact time, for the tooltip and for screen readers. */
export function exactTime(localize: Localizer<Strings>, date: string): string {
  return localize.date(Date.parse(date), { dateStyle: 'long', timeStyle: 'short' });
}
