import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { setDefaults } from '../base/config.js';
import { drawnAt } from '../test-support/layout.js';
import { type MemoryKith, memoryKith, ssoToken } from '../test-support/memory-kith.js';
import { json, problem } from '../test-support/responses.js';
import type { KithRsvp } from './rsvp.js';
import './rsvp.js';

const inDays = (days: number, hours = 0) =>
  new Date(Date.now() + (days * 24 + hours) * 3_600_000).toISOString();
const root = (el: KithRsvp) => el.shadowRoot!;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const button = (el: KithRsvp, label: string) =>
  [...root(el).querySelectorAll('button')].find((b) => text(b) === label);
const loaded = (el: KithRsvp) => waitUntil(() => el.event, 'the event did not load');
const status = (el: KithRsvp) => text(root(el).querySelector('[role="status"]'));

function meetup(
  kith: MemoryKith,
  thread = '/meetups/may',
  extra: Parameters<MemoryKith['setEvent']>[1] | object = {},
) {
  kith.setEvent(thread, {
    title: 'May meetup',
    start: '2099-05-14T19:00:00+02:00',
    end: '2099-05-14T21:30:00+02:00',
    timeZone: 'Europe/Berlin',
    ...extra,
  });
}

/** A loaded card, in a box with `style` (its width, say). */
async function card(kith: MemoryKith, thread = '/meetups/may', lang = 'en', style = ''): Promise<KithRsvp> {
  const box = await fixture<HTMLElement>(
    html`<div style=${style}><kith-rsvp server=${kith.url} site="blog" thread=${thread} locale=${lang}></kith-rsvp></div>`,
  );
  const el = box.querySelector('kith-rsvp')!;
  await loaded(el);
  return el;
}

/** Runs `test` with the page carrying the site's sign-in token for a member called `name`. */
async function signedInBySite(name: string, test: () => Promise<void>): Promise<void> {
  try {
    setDefaults({ sso: ssoToken({ sub: '9', name }) });
    await test();
  } finally {
    setDefaults({ sso: undefined });
  }
}

describe('kith-rsvp', () => {
  beforeEach(() => localStorage.clear());

  it('shows the event: when, where, who hosts, seats, calendar links, and schema.org data', async () => {
    const kith = memoryKith();
    meetup(kith, '/meetups/may', {
      description: 'Talks, then <b>dinner</b>',
      place: { name: 'Hall 2', address: 'Main St 1, Berlin', online: 'https://meet.example/may' },
      host: { name: 'The Group', url: 'https://group.example' },
      capacity: 40,
      maxGuests: 1,
    });
    kith.answer('/meetups/may', 'Ada', { response: 'going', guests: 1 });
    const el = await card(kith);
    expect(text(root(el).querySelector('[part="title"]'))).to.equal('May meetup');
    const when = text(root(el).querySelector('[part="details"] time'));
    expect(when)
      .to.match(/Thursday, May 14, 2099/)
      .and.match(/7:00\s*–\s*9:30\s*PM/);
    expect(root(el).querySelector('time')!.getAttribute('datetime')).to.equal('2099-05-14T19:00:00+02:00');
    // The reader's own clock, where it says otherwise (this browser's zone is not Berlin's).
    const here = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const readerTime = new Intl.DateTimeFormat('en', {
      hour: 'numeric',
      minute: '2-digit',
      timeZone: here,
    }).format(Date.parse('2099-05-14T17:00:00Z'));
    if (here !== 'Europe/Berlin') {
      expect(text(root(el).querySelector('.here'))).to.match(/^Your time: Thursday, May 14, 2099/);
      expect(text(root(el).querySelector('.here'))).to.include(readerTime.replace(/\s*[AP]M$/, ''));
    }
    expect(text(root(el).querySelector('[part="details"]'))).to.include('Hall 2, Main St 1, Berlin');
    expect(root(el).querySelector<HTMLAnchorElement>('a[href="https://meet.example/may"]')!.rel).to.equal(
      'noopener noreferrer',
    );
    expect(text(root(el).querySelector('[part="description"]'))).to.equal('Talks, then <b>dinner</b>');
    expect(root(el).querySelector('[part="description"] b'), 'text, never markup').to.equal(null);
    expect(text(root(el).querySelector('[part="capacity"]'))).to.equal('2 going · 38 spots left');
    expect(root(el).querySelectorAll('[part="avatar"]').length).to.equal(1);
    expect(text(root(el).querySelector('[part="avatar"] .visually-hidden'))).to.equal('Ada +1 guest');

    root(el).querySelector('summary')!.click(); // the calendars' links load when the menu opens
    await waitUntil(() => root(el).querySelectorAll('[part="calendar"] a').length === 5, 'no calendar links');
    const links = [...root(el).querySelectorAll<HTMLAnchorElement>('[part="calendar"] a')];
    expect(links.map((a) => text(a))).to.deep.equal([
      'Google Calendar',
      'Outlook.com',
      'Microsoft 365',
      'Yahoo Calendar',
      'Apple Calendar, Outlook and others (.ics)',
    ]);
    expect(links[0]!.href).to.match(/^https:\/\/calendar\.google\.com\/calendar\/render\?action=TEMPLATE&/);
    expect(links[0]!.href).to.include('dates=20990514T170000Z%2F20990514T193000Z'.replace('%2F', '/'));
    expect(links[4]!.href).to.equal(`${kith.url}/v1/sites/blog/threads/%2Fmeetups%2Fmay/event/calendar.ics`);

    const ld = JSON.parse(el.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(ld).to.include({ '@type': 'Event', name: 'May meetup', startDate: '2099-05-14T19:00:00+02:00' });
    expect(ld.eventStatus).to.equal('https://schema.org/EventScheduled');
    expect(ld.eventAttendanceMode).to.equal('https://schema.org/MixedEventAttendanceMode');
    expect(ld.remainingAttendeeCapacity).to.equal(38);
    await expect(el).to.be.accessible();
  });

  it('a reader the site signs in answers at once, under the site’s name for them', async () => {
    const kith = memoryKith();
    meetup(kith);
    await signedInBySite('Member May', async () => {
      const el = await card(kith);
      await waitUntil(
        () =>
          JSON.parse(localStorage.getItem(`kith:session:${kith.url}|blog`) ?? 'null')?.user.name ===
          'Member May',
        'not signed in by the token',
      );
      button(el, 'Going')!.click();
      await waitUntil(() => status(el) === 'You’re going.', `announced: ${status(el)}`);
      expect(root(el).querySelector('input[name="name"]'), 'no name asked').to.equal(null);
      expect(kith.requests.filter((r) => r.url.endsWith('/sessions'))).to.have.length(0, 'no guest session');
      await expect(el).to.be.accessible();
    });
  });

  it('a guest answers with a name, hears it, and is remembered as the thread remembers them', async () => {
    const kith = memoryKith();
    meetup(kith);
    const el = await card(kith);
    button(el, 'Going')!.click();
    await waitUntil(() => root(el).querySelector('input[name="name"]'));
    await waitUntil(
      () => root(el).activeElement?.getAttribute('name') === 'name',
      'the name field has focus',
    );
    root(el).querySelector<HTMLFormElement>('form')!.requestSubmit();
    await waitUntil(() => text(root(el).querySelector('#name-missing')) === 'Enter a name to answer.');
    expect(kith.requests.filter((r) => r.method === 'PUT')).to.have.length(0);
    await expect(el).to.be.accessible();

    // A name that shows nothing is asked again; what no name holds (a bidi override) is left out.
    root(el).querySelector<HTMLInputElement>('input[name="name"]')!.value = '\u200b';
    root(el).querySelector<HTMLFormElement>('form')!.requestSubmit();
    await waitUntil(() => text(root(el).querySelector('#name-missing')) === 'Enter a name to answer.');
    expect(kith.requests.filter((r) => r.method !== 'GET')).to.have.length(0);
    root(el).querySelector<HTMLInputElement>('input[name="name"]')!.value = '\u202eGrace';
    const answered = oneEvent(el, 'kith-rsvp');
    root(el).querySelector<HTMLFormElement>('form')!.requestSubmit();
    const { detail } = await answered;
    expect(detail).to.deep.equal({
      thread: '/meetups/may',
      response: 'going',
      guests: 0,
      waitlisted: false,
      position: null,
    });
    await waitUntil(() => status(el) === 'You’re going.', `announced: ${status(el)}`);
    expect(button(el, 'Going')!.getAttribute('aria-pressed')).to.equal('true');
    // The name's field is gone; focus is on the answer given, not lost to the page.
    await waitUntil(() => root(el).activeElement === button(el, 'Going'), 'focus on Going');
    expect(text(root(el).querySelector('.as'))).to.equal('Answering as Grace');
    expect(JSON.parse(localStorage.getItem(`kith:session:${kith.url}|blog`)!).user.name).to.equal('Grace');

    const maybe = button(el, 'Maybe')!;
    maybe.focus();
    maybe.click();
    await waitUntil(() => status(el) === 'You might come.');
    // Disabled while the answer was sent, the button has the reader's focus again.
    await waitUntil(() => root(el).activeElement === maybe, 'focus back on Maybe');
    expect(kith.requests.filter((r) => r.url.endsWith('/sessions'))).to.have.length(1, 'signed in once');
    await expect(el).to.be.accessible();
  });

  it('reads the reader’s own answer again when they come back to the tab: they may have answered in another', async () => {
    const kith = memoryKith();
    meetup(kith);
    const el = await card(kith);
    button(el, 'Going')!.click();
    await waitUntil(() => root(el).querySelector('input[name="name"]'));
    root(el).querySelector<HTMLInputElement>('input[name="name"]')!.value = 'Grace';
    root(el).querySelector<HTMLFormElement>('form')!.requestSubmit();
    await waitUntil(() => status(el) === 'You’re going.', `announced: ${status(el)}`);
    // In another tab, Grace can't go after all; this one hears of it when she comes back to it.
    kith.answer('/meetups/may', 'Grace', { response: 'not-going' });
    document.dispatchEvent(new Event('visibilitychange'));
    await waitUntil(
      () => button(el, 'Can’t go')!.getAttribute('aria-pressed') === 'true',
      'the answer from the other tab',
    );
    expect(button(el, 'Going')!.getAttribute('aria-pressed')).to.equal('false');
  });

  it('a full event puts the reader in line, and a freed seat is theirs, live', async () => {
    const kith = memoryKith();
    meetup(kith, '/meetups/may', { capacity: 1 });
    kith.answer('/meetups/may', 'Ada', { response: 'going' });
    localStorage.setItem(`kith:session:${kith.url}|blog`, JSON.stringify(kith.session('Bo')));
    const el = await card(kith);
    expect(text(root(el).querySelector('[part="badge"]'))).to.equal('Full');
    expect(text(root(el).querySelector('.hint'))).to.equal(
      'Full: answering “Going” puts you on the waitlist.',
    );
    button(el, 'Going')!.click();
    await waitUntil(() => status(el) === 'You’re number 1 on the waitlist.', status(el));
    expect(el.event!.mine).to.deep.equal({ response: 'going', guests: 0, waitlisted: true, position: 1 });

    kith.answer('/meetups/may', 'Ada', { response: 'not-going' });
    await waitUntil(() => status(el) === 'A spot freed up: you’re going.', `promoted: ${status(el)}`);
    expect(text(root(el).querySelector('.mine'))).to.equal('You’re going.');
    expect(text(root(el).querySelector('[part="capacity"]'))).to.equal('1 going · Full');
  });

  it('misses no answer given between reading the event and following it live', async () => {
    const kith = memoryKith();
    meetup(kith, '/meetups/may', { capacity: 10 });
    // Someone answers just as the card, having read the event, opens its stream.
    kith.fail = (request) => {
      if (
        request.url.endsWith('/events') &&
        kith.requests.filter((r) => r.url.endsWith('/events')).length === 1
      ) {
        kith.answer('/meetups/may', 'Ada', { response: 'going' });
      }
      return undefined;
    };
    const el = await card(kith);
    await waitUntil(() => el.event!.rsvp.going === 1, `the answer in between: ${el.event!.rsvp.going} going`);
  });

  it('reads the event again when the news it missed while away is no longer kept', async () => {
    const kith = memoryKith();
    meetup(kith, '/meetups/may', { capacity: 10 });
    const el = await card(kith);
    const streams = () => kith.requests.filter((r) => r.url.endsWith('/events')).length;
    await waitUntil(() => streams() === 1, 'the card follows the event live');
    // The connection drops; an answer comes meanwhile, and its news is gone before the card is back.
    kith.dropStreams();
    kith.answer('/meetups/may', 'Ada', { response: 'going' });
    kith.pruneEvents();
    await waitUntil(() => streams() === 2, 'the card reconnects', { timeout: 5000 });
    await waitUntil(() => el.event!.rsvp.going === 1, `read again: ${el.event!.rsvp.going} going`);
    expect(text(root(el).querySelector('[part="capacity"]'))).to.equal('1 going · 9 spots left');
  });

  it('a failed answer keeps the choice and is tried again; it is taken once', async () => {
    const kith = memoryKith();
    meetup(kith, '/meetups/may', { maxGuests: 2 });
    localStorage.setItem(`kith:session:${kith.url}|blog`, JSON.stringify(kith.session('Cy')));
    const el = await card(kith);
    kith.fail = (request) => (request.method === 'PUT' ? problem('unavailable', 503) : undefined);
    const select = root(el).querySelector('select')!;
    select.value = '2';
    select.dispatchEvent(new Event('change'));
    button(el, 'Going')!.click();
    await waitUntil(() => root(el).querySelector('[part="error"]'), 'no error shown', { timeout: 8000 });
    expect(text(root(el).querySelector('[part="error"]'))).to.equal('The server had a problem. Try again');
    expect(status(el)).to.equal('The server had a problem.');
    expect(select.value, 'the guests are kept').to.equal('2');
    kith.fail = undefined;
    button(el, 'Try again')!.click();
    await waitUntil(() => el.event?.mine?.response === 'going');
    expect(el.event!.mine!.guests).to.equal(2);
    expect(root(el).querySelector('[part="error"]')).to.equal(null);
    expect(el.event!.rsvp.going).to.equal(3, 'one answer, whatever the retries');
  });

  it('a reader signed out elsewhere meanwhile still sees the event, and is signed out here too', async () => {
    const kith = memoryKith();
    meetup(kith);
    const session = kith.session('Ex');
    localStorage.setItem(`kith:session:${kith.url}|blog`, JSON.stringify(session));
    // The site's sign-out, from another tab, revokes the token this card still holds.
    await fetch(`${kith.url}/v1/sites/blog/sessions/current`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${session.token}` },
    });
    const el = await card(kith);
    await waitUntil(() => el.event, 'the event was not shown');
    expect(root(el).querySelector('[part="error"]'), 'nothing to tell the reader').to.equal(null);
    expect(localStorage.getItem(`kith:session:${kith.url}|blog`)).to.equal(null);
    expect(button(el, 'Going')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('a reader the site blocked is told so in their language', async () => {
    const kith = memoryKith();
    meetup(kith);
    localStorage.setItem(`kith:session:${kith.url}|blog`, JSON.stringify(kith.session('Troll')));
    kith.fail = (request) =>
      request.method === 'PUT' ? problem('user-blocked', 403, 'The site blocked this commenter.') : undefined;
    const el = await card(kith, '/meetups/may', 'fr');
    // French loads on first use: the event may show before its strings do.
    await waitUntil(() => button(el, 'J’y vais'), 'the French strings did not load');
    button(el, 'J’y vais')!.click();
    await waitUntil(() => root(el).querySelector('[part="error"]'), 'no error shown');
    expect(text(root(el).querySelector('[part="error"]'))).to.contain(
      'Ce site vous a bloqué : vous ne pouvez plus répondre, mais vous pouvez toujours lire.',
    );
    await expect(el).to.be.accessible();
  });

  it('says what is wrong in the reader’s words: too many guests, cancelled, ended, no event', async () => {
    const kith = memoryKith();
    meetup(kith, '/meetups/may', { capacity: 2, maxGuests: 2 });
    localStorage.setItem(`kith:session:${kith.url}|blog`, JSON.stringify(kith.session('Di')));
    const el = await card(kith);
    button(el, 'Going')!.click();
    await waitUntil(() => el.event?.mine?.response === 'going');
    const select = root(el).querySelector('select')!;
    select.value = '2';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => root(el).querySelector('[part="error"]'));
    expect(text(root(el).querySelector('[part="error"]'))).to.match(/^Not enough spots are left/);

    meetup(kith, '/meetups/may', { status: 'cancelled' });
    await waitUntil(
      () => text(root(el).querySelector('[part="badge"]')) === 'Cancelled',
      'live cancellation',
    );
    expect(root(el).querySelector('[part~="answer"]')).to.equal(null);
    expect(root(el).querySelector('[part="calendar"]'), 'no links to add a cancelled event').to.equal(null);
    expect(text(root(el).querySelector('[part="answers"] p'))).to.equal('Answers are closed.');
    const ld = JSON.parse(el.querySelector('script[type="application/ld+json"]')!.textContent!);
    expect(ld.eventStatus).to.equal('https://schema.org/EventCancelled');

    meetup(kith, '/meetups/april', { start: inDays(-3), end: inDays(-3, 2) });
    const ended = await card(kith, '/meetups/april');
    expect(text(root(ended).querySelector('[part="badge"]'))).to.equal('This event has ended');
    expect(root(ended).querySelector('[part="answers"]')).to.equal(null);

    meetup(kith, '/meetups/now', { start: inDays(0, -1), end: inDays(0, 1) });
    const now = await card(kith, '/meetups/now');
    expect(text(root(now).querySelector('[part="badge"]'))).to.equal('Happening now');

    kith.removeEvent('/meetups/now');
    await waitUntil(
      () => text(root(now).querySelector('[part="error"]')) === 'This page has no event.',
      'a removed event leaves the page, live',
    );
    expect(now.event).to.equal(undefined);

    const none = await fixture<KithRsvp>(
      html`<kith-rsvp server=${kith.url} site="blog" thread="/nothing"></kith-rsvp>`,
    );
    await waitUntil(() => root(none).querySelector('[part="error"]'));
    expect(text(root(none).querySelector('[part="error"]'))).to.equal('This page has no event.');
    await expect(none).to.be.accessible();
  });

  it('an answer that is not an event (a `server` that is another API) is an error to retry, not a card loading for ever', async () => {
    const kith = memoryKith();
    meetup(kith);
    kith.fail = () => json({ status: 'ok', items: [] });
    const el = document.createElement('kith-rsvp') as KithRsvp;
    Object.assign(el, { server: kith.url, site: 'blog', thread: '/meetups/may' });
    const errored = oneEvent(el, 'kith-error');
    document.body.append(el);
    expect((await errored).detail.error.code).to.equal('bad-response');
    await waitUntil(() => root(el).querySelector('[part="error"]'));
    expect(text(root(el).querySelector('[part="error"]'))).to.match(/^Something went wrong/);
    kith.fail = undefined;
    button(el, 'Try again')!.click();
    await loaded(el);
    expect(text(root(el).querySelector('[part="title"]'))).to.equal('May meetup');
    el.remove();
  });

  it('an event in a zone this browser does not know shows in the reader’s zone, and can be added to a calendar', async () => {
    // As Europe/Kyiv was to browsers whose time-zone data came before 2022.
    const kith = memoryKith();
    meetup(kith, '/meetups/may', { timeZone: 'Mars/Olympus_Mons' });
    const el = await card(kith);
    // As the same event in the reader's own zone shows.
    meetup(kith, '/meetups/here', { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
    const here = await card(kith, '/meetups/here');
    const when = (card: KithRsvp) => text(root(card).querySelector('[part="details"] time'));
    expect(when(el)).to.match(/May 14, 2099/);
    expect(when(el)).to.equal(when(here));
    expect(root(el).querySelector('.here'), 'one time, the reader’s').to.equal(null);
    root(el).querySelector('summary')!.click();
    await waitUntil(() => root(el).querySelectorAll('[part="calendar"] a').length === 5, 'no calendar links');
    const google = root(el).querySelector<HTMLAnchorElement>('[part="calendar"] a')!;
    expect(google.href).to.include('dates=20990514T170000Z/20990514T193000Z');
    await expect(el).to.be.accessible();
  });

  it('an event that keeps its attendees private shows how many, not who', async () => {
    const kith = memoryKith();
    meetup(kith, '/meetups/may', { showAttendees: false });
    kith.answer('/meetups/may', 'Ada', { response: 'going' });
    const el = await card(kith);
    expect(text(root(el).querySelector('[part="capacity"]'))).to.equal('1 going');
    expect(root(el).querySelector('[part="attendees"]')).to.equal(null);
    expect(button(el, 'See everyone going (1)')).to.equal(undefined);
  });

  it('lists everyone going in a dialog that closes with Escape and gives focus back', async () => {
    const kith = memoryKith();
    meetup(kith);
    for (let i = 1; i <= 15; i++) kith.answer('/meetups/may', `Reader ${i}`, { response: 'going' });
    kith.answer('/meetups/may', 'نور', { response: 'going', guests: 2 });
    const el = await card(kith);
    expect(root(el).querySelectorAll('[part="avatar"]').length).to.equal(12);
    const open = button(el, 'See everyone going (18)')!;
    open.focus();
    open.click();
    const dialog = root(el).querySelector('dialog')!;
    await waitUntil(() => dialog.querySelectorAll('li').length === 16, 'everyone listed');
    expect(dialog.open).to.equal(true);
    expect(text(dialog.querySelector('li'))).to.equal('Reader 1');
    // A right-to-left name keeps the "+2 guests" after it, on its right in this left-to-right card
    // (unisolated, the numbers went with the name: "2+ نور guests").
    const guests = [...dialog.querySelectorAll('li')].at(-1)!;
    expect(text(guests)).to.equal('نور +2 guests');
    expect(drawnAt(guests, '+').left).to.be.at.least(drawnAt(guests, 'نور').right - 1);
    await expect(el).to.be.accessible();
    dialog.dispatchEvent(new Event('cancel'));
    dialog.close();
    expect(dialog.open).to.equal(false);
    await waitUntil(() => root(el).activeElement === open, 'focus is back on the button');
  });

  it('fits a phone’s width: a title, place, host or name with no place to break wraps', async () => {
    const long = 'Averyveryverylongnamewithoutaspace'.repeat(2).slice(0, 64); // the longest name there is
    const kith = memoryKith();
    meetup(kith, '/meetups/may', {
      title: long,
      place: { name: long, address: long },
      host: { name: long, url: 'https://example.com/' },
    });
    await signedInBySite(long, async () => {
      const el = await card(kith, '/meetups/may', 'en', 'width: 320px');
      // Signed in: "Answering as" shows the name too.
      await waitUntil(() => text(root(el).querySelector('.as')).includes(long), 'no "Answering as"');
      expect(el.scrollWidth, 'the card is wider than its 320px').to.equal(el.clientWidth);
    });
  });

  it('keeps the answer in progress when the theme changes: no reload', async () => {
    const kith = memoryKith();
    meetup(kith);
    const el = await card(kith);
    button(el, 'Going')!.click();
    await waitUntil(() => root(el).querySelector('input[name="name"]'), 'no name asked');
    root(el).querySelector<HTMLInputElement>('input[name="name"]')!.value = 'Half typed';
    const reads = () => kith.requests.filter((r) => r.method === 'GET').length;
    const before = reads();
    el.setAttribute('theme', 'dark');
    await el.updateComplete;
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    expect(root(el).querySelector<HTMLInputElement>('input[name="name"]')?.value).to.equal('Half typed');
    expect(reads()).to.equal(before, 'the event was not read again');
  });

  it('speaks the reader’s language, right to left in Arabic, with the times where the event is', async () => {
    const kith = memoryKith();
    meetup(kith, '/meetups/may', {
      capacity: 10,
      description: 'Bring a friend.',
      place: { name: 'Library hall', address: '1 Commons Square' },
    });
    const el = await card(kith, '/meetups/may', 'ar');
    await waitUntil(() => text(root(el).querySelector('legend')) === 'هل ستحضر؟', 'Arabic strings');
    expect(root(el).querySelector('[part="base"]')!.getAttribute('dir')).to.equal('rtl');
    // The event's own English text keeps its direction (its full stop at its end) in Arabic words.
    const direction = (selector: string) => getComputedStyle(root(el).querySelector(selector)!).direction;
    expect(['[part="title"]', '[part="description"]', 'dd:nth-of-type(2)'].map(direction)).to.deep.equal([
      'ltr',
      'ltr',
      'ltr',
    ]);
    expect(text(button(el, 'سأحضر'))).to.equal('سأحضر');
    const de = await card(kith, '/meetups/may', 'de');
    await waitUntil(() => text(root(de).querySelector('legend')) === 'Kommst du?');
    expect(text(root(de).querySelector('time'))).to.match(/Donnerstag, 14\. Mai 2099/);
    await expect(el).to.be.accessible();
  });

  it('on a page in a language it has no words for, says its words are English and the event’s the page’s', async () => {
    const kith = memoryKith();
    // Far from any reader's time zone, so the card adds the reader's own time.
    meetup(kith, '/meetups/may', {
      title: 'Incontro di maggio',
      description: 'Portate un amico.',
      timeZone: 'Pacific/Kiritimati',
    });
    const page = await fixture<HTMLElement>(
      html`<div lang="it"><kith-rsvp server=${kith.url} site="blog" thread="/meetups/may"></kith-rsvp></div>`,
    );
    const el = page.querySelector('kith-rsvp')!;
    await loaded(el);
    expect(text(root(el).querySelector('legend'))).to.equal('Will you come?');
    const lang = (selector: string) => root(el).querySelector(selector)!.getAttribute('lang');
    expect(lang('[part="base"]')).to.equal('en');
    expect(lang('[part="title"]')).to.equal('it');
    expect(lang('[part="description"]')).to.equal('it');
    // The date is the browser's, in the reader's language.
    expect(lang('time')).to.equal('it');
    expect(text(root(el).querySelector('time'))).to.match(/maggio 2099/);
    // The reader's own time: English words around an Italian time.
    const here = root(el).querySelector('.here');
    expect(text(here)).to.match(/^Your time: .*maggio 2099/);
    expect(here!.querySelector('span')!.getAttribute('lang')).to.equal('it');
    expect(lang('[role="status"]')).to.equal('en');
    await expect(el).to.be.accessible();
  });
});
