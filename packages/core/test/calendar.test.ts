import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ICAL from 'ical.js';
import { foldLine } from '../src/calendar/ics.js';
import {
  type CalendarEvent,
  calendarServices,
  calendarUrl,
  googleCalendarUrl,
  linkDescriptionLimit,
  office365CalendarUrl,
  outlookCalendarUrl,
  toIcs,
  yahooCalendarUrl,
} from '../src/calendar/index.js';

const e = encodeURIComponent;
const page = 'https://blog.example/events/spring?ref=a&b=1%2F2#rsvp';

// Hard inputs: an emoji of several code points, right-to-left text, &, #, %, ICS's own
// separators (, ; \) and a line break.
const meetup: CalendarEvent = {
  uid: 'evt_42@blog.example',
  title: 'Tea & cake 👩‍👩‍👧 #3 — 100% «مرحبا»',
  start: '2026-05-01T19:00:00+02:00',
  end: '2026-05-01T21:30:00+02:00',
  timeZone: 'Europe/Berlin',
  description: 'Bring a mug; cups, plates\\saucers.\nSecond line',
  location: 'Café Kith, Hauptstraße 1, Berlin',
  url: page,
};
const details = `${meetup.description}\n\n${page}`;

describe('calendar links', () => {
  it('fill in each calendar’s form with every value encoded, times in UTC', () => {
    assert.equal(
      googleCalendarUrl(meetup),
      `https://calendar.google.com/calendar/render?action=TEMPLATE&text=${e(meetup.title)}` +
        `&dates=20260501T170000Z/20260501T193000Z&ctz=Europe%2FBerlin&details=${e(details)}&location=${e(meetup.location!)}`,
    );
    const microsoft = `rru=addevent&startdt=2026-05-01T17%3A00%3A00Z&enddt=2026-05-01T19%3A30%3A00Z&subject=${e(meetup.title)}&body=${e(details)}&location=${e(meetup.location!)}`;
    assert.equal(
      outlookCalendarUrl(meetup),
      `https://outlook.live.com/calendar/0/action/compose?${microsoft}`,
    );
    assert.equal(
      office365CalendarUrl(meetup),
      `https://outlook.office.com/calendar/0/action/compose?${microsoft}`,
    );
    assert.equal(
      yahooCalendarUrl(meetup),
      `https://calendar.yahoo.com/?v=60&title=${e(meetup.title)}&st=20260501T170000Z&et=20260501T193000Z&desc=${e(details)}&in_loc=${e(meetup.location!)}`,
    );
  });

  it('carry the title, text and place back exactly as written', () => {
    for (const service of calendarServices) {
      const link = new URL(calendarUrl(service, meetup));
      const values = [...link.searchParams.values()];
      assert.ok(values.includes(meetup.title), `${service}: title`);
      assert.ok(values.includes(details), `${service}: details`);
      assert.ok(values.includes(meetup.location!), `${service}: location`);
    }
  });

  it('give all-day events whole days: Google and Microsoft an exclusive end, Yahoo its last day', () => {
    const fair = { title: 'Book fair', start: '2026-12-30', end: '2027-01-01' };
    assert.match(googleCalendarUrl(fair), /&dates=20261230\/20270102(&|$)/);
    assert.match(
      outlookCalendarUrl(fair),
      /startdt=2026-12-30&enddt=2027-01-02&subject=Book%20fair&allday=true$/,
    );
    assert.match(yahooCalendarUrl(fair), /&st=20261230&et=20270101&dur=allday$/);
    // One day by default, and a leap day counted.
    assert.match(googleCalendarUrl({ title: 'Leap', start: '2028-02-28' }), /&dates=20280228\/20280229/);
    assert.match(googleCalendarUrl({ title: 'Leap', start: '2028-02-29' }), /&dates=20280229\/20280301/);
  });

  it('place a time given west of UTC on the right day, and across a DST change', () => {
    // 20:00 in Los Angeles is 03:00 the next day in UTC (add-to-calendar-button#593).
    const evening = { title: 'Late', start: '2026-05-01T20:00:00-07:00', end: '2026-05-01T22:00:00-07:00' };
    assert.match(googleCalendarUrl(evening), /&dates=20260502T030000Z\/20260502T050000Z/);
    // Berlin moves to summer time at 02:00 on 2026-03-29: 01:30 +01:00 to 03:30 +02:00 is one hour.
    const overnight = { title: 'DST', start: '2026-03-29T01:30:00+01:00', end: '2026-03-29T03:30:00+02:00' };
    assert.match(googleCalendarUrl(overnight), /&dates=20260329T003000Z\/20260329T013000Z/);
    const asDates = {
      title: 'Dates',
      start: new Date(Date.UTC(2026, 4, 1, 17)),
      end: new Date(Date.UTC(2026, 4, 1, 18)),
    };
    assert.match(
      outlookCalendarUrl(asDates),
      /startdt=2026-05-01T17%3A00%3A00Z&enddt=2026-05-01T18%3A00%3A00Z/,
    );
  });

  it('leave out what the event does not have', () => {
    assert.equal(
      googleCalendarUrl({ title: 'Bare', start: '2026-05-01T17:00:00Z', end: '2026-05-01T18:00:00Z' }),
      'https://calendar.google.com/calendar/render?action=TEMPLATE&text=Bare&dates=20260501T170000Z/20260501T180000Z',
    );
    // The page alone becomes the details; a description that names it already is not repeated.
    const withPage = { title: 'P', start: '2026-05-01', url: page };
    assert.ok(new URL(googleCalendarUrl(withPage)).searchParams.get('details') === page);
    const named = { ...withPage, description: `See ${page}` };
    assert.equal(new URL(googleCalendarUrl(named)).searchParams.get('details'), `See ${page}`);
  });

  it('cut a very long description by grapheme, keeping the event’s page', () => {
    const long = { ...meetup, description: '👩‍👩‍👧'.repeat(5000) };
    const text = new URL(googleCalendarUrl(long)).searchParams.get('details')!;
    assert.ok(text.endsWith(`…\n\n${page}`), text.slice(-80));
    const kept = text.slice(0, -(page.length + 3));
    assert.ok(kept.length > 0 && kept.replaceAll('👩‍👩‍👧', '') === '', 'no family emoji is split');
    assert.ok([...new Intl.Segmenter().segment(text)].length <= linkDescriptionLimit);
  });

  it('refuse what a calendar would get wrong, saying why', () => {
    const at = (start: CalendarEvent['start'], end?: CalendarEvent['end']) => () =>
      googleCalendarUrl({ title: 'T', start, end });
    assert.throws(at('2026-05-01T19:00', '2026-05-01T20:00'), /needs a UTC offset or Z/);
    assert.throws(at('2026-02-30'), /not a real date/);
    assert.throws(at('2026-05-01T25:00:00Z', '2026-05-02T01:00:00Z'), /not a real time/);
    assert.throws(at('2026-05-01T19:00:00Z'), /A timed event needs an end/);
    assert.throws(at('2026-05-01T19:00:00Z', '2026-05-01T18:00:00Z'), /ends before it starts/);
    assert.throws(at('2026-05-03', '2026-05-01'), /ends \(2026-05-01\) before it starts/);
    assert.throws(at('2026-05-01', '2026-05-02T10:00:00Z'), /ends on a date/);
    assert.throws(at(new Date('nope'), new Date()), /invalid Date/);
    assert.throws(
      () => googleCalendarUrl({ ...meetup, timeZone: 'Mars/Olympus' }),
      /Unknown time zone "Mars\/Olympus"/,
    );
    assert.throws(() => googleCalendarUrl({ ...meetup, title: '  ' }), /needs a title/);
    assert.throws(() => yahooCalendarUrl({ ...meetup, status: 'cancelled' }), /cancelled event/);
    assert.throws(() => calendarUrl('toString' as never, meetup), /Unknown calendar "toString"/);
    // The page becomes a link in the calendar: only a web address.
    assert.throws(() => googleCalendarUrl({ ...meetup, url: 'javascript:alert(1)' }), /absolute http\(s\)/);
    assert.throws(() => outlookCalendarUrl({ ...meetup, url: 'events/spring' }), /absolute http\(s\)/);
  });
});

/** The first VEVENT of an ICS text, parsed by ical.js (an independent reader). */
function parsed(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

describe('ICS', () => {
  const stamp = new Date(Date.UTC(2026, 3, 1, 8, 0, 0));

  it('is read back by an independent parser with every field as written', () => {
    const ics = toIcs(
      { ...meetup, organizer: { name: 'Ada "the host"', email: 'ada@blog.example' }, sequence: 3 },
      { stamp },
    );
    const { calendar, vevent, event } = parsed(ics);
    assert.equal(calendar.getFirstPropertyValue('method'), 'PUBLISH');
    assert.equal(calendar.getFirstPropertyValue('version'), '2.0');
    assert.ok(calendar.getFirstPropertyValue('prodid'));
    assert.equal(event.uid, meetup.uid);
    assert.equal(event.summary, meetup.title);
    assert.equal(event.description, details);
    assert.equal(event.location, meetup.location);
    assert.equal(vevent.getFirstPropertyValue('url'), page);
    assert.equal(event.startDate.toJSDate().toISOString(), '2026-05-01T17:00:00.000Z');
    assert.equal(event.endDate.toJSDate().toISOString(), '2026-05-01T19:30:00.000Z');
    assert.equal(event.startDate.zone?.tzid, 'UTC');
    assert.equal(event.sequence, 3);
    assert.equal(vevent.getFirstPropertyValue('status'), 'CONFIRMED');
    assert.equal(String(vevent.getFirstPropertyValue('dtstamp')), '2026-04-01T08:00:00Z');
    const host = vevent.getFirstProperty('organizer')!;
    assert.equal(host.getFirstValue(), 'mailto:ada@blog.example');
    assert.equal(host.getParameter('cn'), 'Ada the host');
  });

  it('writes CRLF lines of at most 75 octets, never splitting a character', () => {
    const ics = toIcs({ ...meetup, description: '«مرحبا» 👩‍👩‍👧 '.repeat(40) }, { stamp });
    assert.ok(ics.endsWith('\r\n'));
    assert.doesNotMatch(ics.replaceAll('\r\n', ''), /[\r\n]/, 'no bare CR or LF');
    const bytes = Buffer.from(ics, 'utf8');
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let from = 0;
    for (let i = 0; i < bytes.length - 1; i++) {
      if (bytes[i] === 13 && bytes[i + 1] === 10) {
        const line = bytes.subarray(from, i);
        assert.ok(line.length <= 75, `${line.length} octets: ${line.toString()}`);
        decoder.decode(line); // throws on a split character
        from = i + 2;
      }
    }
    assert.ok(ics.includes('\r\n '), 'long lines are folded');
    assert.equal(parsed(ics).event.description, `${'«مرحبا» 👩‍👩‍👧 '.repeat(40)}\n\n${page}`);
  });

  it('folds exactly at 75 octets', () => {
    const line = `SUMMARY:${'a'.repeat(200)}`;
    const folded = foldLine(line).split('\r\n');
    assert.deepEqual(
      folded.map((l) => l.length),
      [75, 75, 60],
    );
    assert.equal(folded.map((l, i) => (i ? l.slice(1) : l)).join(''), line);
    assert.equal(foldLine('SHORT:x'), 'SHORT:x');
  });

  it('gives all-day events dates with an exclusive end', () => {
    const { event } = parsed(
      toIcs({ uid: 'fair', title: 'Book fair', start: '2026-12-30', end: '2027-01-01' }, { stamp }),
    );
    assert.equal(event.startDate.isDate, true);
    assert.equal(event.startDate.toString(), '2026-12-30');
    assert.equal(event.endDate.toString(), '2027-01-02');
    assert.equal(event.duration.toSeconds(), 3 * 86400);
  });

  it('marks a cancelled event so calendars that have it update their copy', () => {
    const { vevent, event } = parsed(
      toIcs({ ...meetup, status: 'cancelled', sequence: 4 }, { stamp, reminderMinutes: 30 }),
    );
    assert.equal(vevent.getFirstPropertyValue('status'), 'CANCELLED');
    assert.equal(event.sequence, 4);
    assert.equal(vevent.getFirstSubcomponent('valarm'), null, 'no reminder for what will not happen');
  });

  it('adds a reminder when asked', () => {
    const { vevent } = parsed(toIcs(meetup, { stamp, reminderMinutes: 90 }));
    const alarm = vevent.getFirstSubcomponent('valarm')!;
    assert.equal(alarm.getFirstPropertyValue('action'), 'DISPLAY');
    assert.equal((alarm.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds(), -90 * 60);
  });

  it('holds several events, for a feed', () => {
    const ics = toIcs([meetup, { ...meetup, uid: 'evt_43@blog.example', title: 'Second' }], { stamp });
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
    assert.deepEqual(
      events.map((v) => v.getFirstPropertyValue('uid')),
      ['evt_42@blog.example', 'evt_43@blog.example'],
    );
  });

  it('leaves the organizer out without an email, and never writes a floating time', () => {
    const ics = toIcs({ ...meetup, organizer: { name: 'Ada' } }, { stamp });
    assert.doesNotMatch(ics, /ORGANIZER/);
    assert.doesNotMatch(ics, /DT(START|END):\d{8}T\d{6}\r/, 'every time ends in Z');
  });

  it('refuses an event calendars could not keep apart or read', () => {
    assert.throws(() => toIcs({ ...meetup, uid: undefined }), /needs a stable uid/);
    assert.throws(() => toIcs({ ...meetup, url: '/events/spring' }), /not an absolute http\(s\) address/);
    assert.throws(
      () => toIcs({ ...meetup, organizer: { name: 'A', email: 'a@b\r\nX-EVIL:1' } }),
      /email .* is not valid/s,
    );
    assert.throws(() => toIcs({ ...meetup, sequence: -1 }), /sequence/);
    assert.throws(() => toIcs(meetup, { reminderMinutes: 1.5 }), /reminder/);
    assert.throws(() => toIcs({ ...meetup, start: '2026-05-01T19:00' }), /needs a UTC offset/);
  });

  it('keeps injected line breaks inside the value they came in', () => {
    const sneaky = { ...meetup, title: 'Hi\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Evil', location: 'A\rB' };
    const { calendar, event } = parsed(toIcs(sneaky, { stamp }));
    assert.equal(calendar.getAllSubcomponents('vevent').length, 1);
    assert.equal(event.summary, 'Hi\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:Evil');
    assert.equal(event.location, 'A\nB');
  });
});
