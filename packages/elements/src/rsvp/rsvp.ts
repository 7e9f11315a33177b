import {
  type Attendee,
  type EventInfo,
  type KithClient,
  type KithError,
  newIdempotencyKey,
  type RsvpResponse,
  sharedClient,
  toKithError,
} from '@kith/core';
import type { CalendarService } from '@kith/core/calendar';
import { openEventStream } from '@kith/core/event-stream';
import { followOtherTabs } from '@kith/core/other-tabs';
import { eventCalendarUrl, getAttendees, getEvent, rsvp } from '@kith/core/rsvp';
import { type SessionStore, sessionFor } from '@kith/core/session';
import { cleanDisplayName } from '@kith/protocol/display-name';
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { KithConfig } from '../base/config.js';
import { KithErrorEvent, KithEvent, KithLoadEvent, type KithLoadListeners } from '../base/events.js';
import { withName } from '../base/isolate.js';
import { KithElement } from '../base/kith-element.js';
import { defineStrings, Localizer } from '../base/localize.js';
import { followSiteSignIn } from '../base/site-sign-in.js';
import { pageThreadKey } from '../base/thread-key.js';
import { eventPhase, eventWhen, knownZone } from './event-time.js';
import { eventJsonLd, scriptText } from './json-ld.js';
import { rsvpStyles } from './rsvp.styles.js';
import en from './translations/en.js';

export type { KithErrorDetail } from '../base/events.js';

const strings = defineStrings(en, {
  ar: () => import('./translations/ar.js'),
  de: () => import('./translations/de.js'),
  es: () => import('./translations/es.js'),
  fr: () => import('./translations/fr.js'),
  ja: () => import('./translations/ja.js'),
});

/** `kith-load`'s detail on `kith-rsvp`: the page's event as loaded or last changed. */
export interface KithEventDetail {
  thread: string;
  event: EventInfo;
}

/** `kith-rsvp`'s detail: the reader's answer as the server took it. */
export interface KithRsvpDetail {
  thread: string;
  response: RsvpResponse;
  guests: number;
  /** Going, but on the waitlist (`position` says where). */
  waitlisted: boolean;
  position: number | null;
}

/** The reader answered the event (and the server took it). */
export class KithRsvpEvent extends KithEvent<KithRsvpDetail> {
  static readonly type = 'kith-rsvp';
  constructor(detail: KithRsvpDetail) {
    super(KithRsvpEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kith-rsvp': KithRsvpEvent;
  }
}

/** The words for each failure a reader can do something about. */
const errorTerms: Record<
  string,
  | 'errorNetwork'
  | 'errorTimeout'
  | 'errorSignIn'
  | 'errorFull'
  | 'errorCancelled'
  | 'errorClosed'
  | 'errorBlocked'
  | 'signInRequired'
> = {
  forbidden: 'signInRequired', // the site takes no guests: its own sign-in is needed
  network: 'errorNetwork',
  timeout: 'errorTimeout',
  unauthorized: 'errorSignIn',
  'invalid-token': 'errorSignIn',
  'token-expired': 'errorSignIn',
  'event-full': 'errorFull',
  'event-cancelled': 'errorCancelled',
  'rsvp-closed': 'errorClosed',
  'user-blocked': 'errorBlocked',
};

const calendarNames: Record<CalendarService, string> = {
  google: 'Google Calendar',
  outlook: 'Outlook.com',
  office365: 'Microsoft 365',
  yahoo: 'Yahoo Calendar',
};

const answers: RsvpResponse[] = ['going', 'maybe', 'not-going'];
const answerTerm = { going: 'going', maybe: 'maybe', 'not-going': 'notGoing' } as const;

/**
 * An event card for the meetup a page announces: when (in the event's zone and the reader's),
 * where, who hosts, seats left; readers answer Going, Maybe or Can't go (with guests), join the
 * waitlist when it is full and are seated in turn; add it to their calendar; see who is going.
 * Answers are given under the same identity as comments, and changes arrive live.
 *
 * The event is the one the site owner put on the page's thread (`kith-server event put`). The
 * card also adds schema.org Event data for search engines.
 *
 * @summary An event card with RSVP, a waitlist, attendees and "Add to calendar".
 *
 * @event {KithEventDetail} kith-load - The event arrived or changed; `detail` is `{ thread, event }`.
 * @event {KithRsvpDetail} kith-rsvp - The reader's answer was taken; `detail` is `{ thread, response, guests, waitlisted, position }`.
 * @event {KithErrorDetail} kith-error - Loading or answering failed; `detail.error` is a `KithError`.
 *
 * @csspart base - The card.
 * @csspart image - The cover image.
 * @csspart badge - The state, when not upcoming: cancelled, happening now, ended, full.
 * @csspart title - The event's title.
 * @csspart details - When, where and who hosts.
 * @csspart description - The event's description.
 * @csspart capacity - Spots left and how many are going.
 * @csspart answers - The answer buttons, the guests picker and the reader's answer.
 * @csspart answer - Each answer button (also `answer-going`, `answer-maybe`, `answer-not-going`).
 * @csspart name-form - The name a guest answers under.
 * @csspart attendees - The faces of the first readers going.
 * @csspart avatar - Each face.
 * @csspart dialog - The list of everyone going.
 * @csspart calendar - The "Add to calendar" menu.
 * @csspart error - A failure, with a button to try again.
 *
 * @cssproperty [--kith-rsvp-max-width=36rem] - The card's widest.
 * @cssproperty [--kith-rsvp-background=var(--kith-color-surface)] - The card's background.
 * @cssproperty [--kith-rsvp-avatar-size=2rem] - The attendees' faces.
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface below only narrows listeners
export class KithRsvp extends KithElement {
  static override styles = [...KithElement.styles, rsvpStyles];

  static override properties: PropertyDeclarations = {
    thread: { reflect: true },
    loaded: { state: true, attribute: false },
    failure: { state: true, attribute: false },
    answerFailure: { state: true, attribute: false },
    askName: { state: true, attribute: false },
    nameMissing: { state: true, attribute: false },
    sending: { state: true, attribute: false },
    guests: { state: true, attribute: false },
    status: { state: true, attribute: false },
    everyone: { state: true, attribute: false },
  };

  /** The thread key of the page whose event to show; defaults to the page's (as `kith-thread`). */
  thread?: string;

  protected readonly localize = new Localizer(this, strings, () => this.config.locale);

  /** The event as last loaded or changed (with the reader's own answer); undefined until then. */
  get event(): EventInfo | undefined {
    return this.loaded;
  }

  private loaded: EventInfo | undefined;

  private failure: KithError | undefined;
  private answerFailure: KithError | undefined;
  private askName = false;
  private nameMissing = false;
  private sending = false;
  private guests = 0;
  private status = '';
  /** The full list of everyone going, as far as it is loaded (the dialog). */
  private everyone: { items: Attendee[]; next: string | null } | undefined;

  #client: KithClient | undefined;
  #session: SessionStore | undefined;
  #unlisten: (() => void) | undefined;
  /** Closes the live stream. */
  #stream: (() => void) | undefined;
  #key = '';
  /** The answer waiting for a name, or for a retry. */
  #answer: { response: RsvpResponse; guests: number } | undefined;
  #signInKey = newIdempotencyKey();
  #jsonLd: HTMLScriptElement | undefined;
  /** Counts the answers taken, so a read that started before one cannot undo it on screen. */
  #answered = 0;

  /** The thread key whose event this card shows. */
  get threadKey(): string {
    return this.thread || pageThreadKey();
  }

  protected override configChanged(next: KithConfig, previous: KithConfig): void {
    super.configChanged(next, previous);
    // Another theme or language keeps the event, its stream and the reader's answer in progress.
    if (next.server === previous.server && next.site === previous.site) return;
    this.#client =
      next.server && next.site ? sharedClient({ server: next.server, site: next.site }) : undefined;
    this.#unlisten?.();
    // Another server or site: its own stream and event.
    this.#stream?.();
    this.#stream = undefined;
    this.#key = '';
    this.#session = this.#client && sessionFor(this.#client);
    if (this.#session) followSiteSignIn(this.#session);
    this.#unlisten = this.#follow();
    if (!this.#client && this.isConnected) {
      console.warn('<kith-rsvp>: set `server` and `site` (attributes, <kith-config> or the script tag).');
    }
    void this.load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('thread') && this.#key && this.#key !== this.threadKey) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stream?.();
    this.#stream = undefined;
    this.#unlisten?.();
    this.#unlisten = undefined;
    this.#jsonLd?.remove();
    this.#jsonLd = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page after a move: listen and read again.
    if (this.#client && !this.#unlisten) {
      this.#unlisten = this.#follow();
      void this.load();
    }
  }

  /**
   * Signing in or out anywhere on the page (the thread's form, say) or in another tab changes
   * `mine`: read again. So may an answer given in another tab, or on another device, which the
   * live stream does not carry (it carries the counts): read again when a signed-in reader comes
   * back to this tab. Gives what stops it.
   */
  #follow(): (() => void) | undefined {
    const session = this.#session;
    if (!session) return;
    // First, so a session from another tab is here for the read that follows.
    const unfollow = followOtherTabs(session);
    const unlisten = session.$session.listen(() => void this.load());
    const back = () => {
      if (document.visibilityState === 'visible' && session.$session.get()) void this.load();
    };
    document.addEventListener('visibilitychange', back);
    return () => {
      unfollow();
      unlisten();
      document.removeEventListener('visibilitychange', back);
    };
  }

  /** Loads the event again (after a failure, or to refresh it). */
  async load(): Promise<void> {
    const client = this.#client;
    if (!client) return;
    const key = this.threadKey;
    if (key !== this.#key) {
      this.#stream?.();
      this.#stream = undefined;
      this.loaded = undefined;
      this.#key = key;
    }
    const answered = this.#answered;
    const signedIn = this.#session?.$session.get();
    try {
      const event = await getEvent(client, key);
      if (answered !== this.#answered || this.sending) return;
      this.#show(event);
      this.failure = undefined;
    } catch (error) {
      const failure = await toKithError(error);
      if (client !== this.#client || key !== this.#key) return;
      // Reading needs no session: one the server no longer takes (expired, or signed out by the
      // site meanwhile) is forgotten, and forgetting it loads the card again without it.
      if (signedIn && failure.status === 401) return this.#session!.expire();
      this.failure = failure;
      this.dispatchEvent(new KithErrorEvent(this.failure));
    }
  }

  #show(event: EventInfo): void {
    const wasWaiting = this.loaded?.mine?.waitlisted;
    this.loaded = event;
    if (!this.sending && !this.answerFailure) this.guests = event.mine?.guests ?? 0;
    if (wasWaiting && event.mine?.waitlisted === false && event.mine.response === 'going') {
      void this.#announce(this.localize.term('promoted'));
    }
    this.dispatchEvent(new KithLoadEvent<KithEventDetail>({ thread: this.#key, event }));
    this.#listen(event.position);
  }

  /**
   * Live changes: the tally as everyone sees it; the reader's own answer is read again only if
   * waiting. From where the event was read, so no answer given in between is missed.
   */
  #listen(lastEventId: string | undefined): void {
    if (this.#stream || !this.#client || !this.isConnected) return;
    this.#stream = openEventStream(this.#client.eventsUrl(this.#key), {
      lastEventId,
      onEvent: ({ type, data }) => {
        if (type === 'event.removed') {
          this.loaded = undefined;
          void this.load(); // says "This page has no event", or shows one put back since
        }
        if (type === 'reset') void this.load(); // the news missed while away is gone: read it again
        if (type !== 'event.changed') return;
        const { event } = JSON.parse(data) as { event: EventInfo };
        const mine = this.loaded?.mine;
        this.#show(mine === undefined ? event : { ...event, mine });
        // Only the reader's own answer can say whether a freed seat went to them.
        if (mine?.waitlisted) void this.load();
      },
    });
  }

  async #announce(message: string): Promise<void> {
    // Cleared and rendered first, so the same message is announced again.
    this.status = '';
    await this.updateComplete;
    this.status = message;
  }

  #answerText(event: EventInfo): string {
    const mine = event.mine;
    const t = this.localize;
    if (!mine) return '';
    if (mine.response === 'going') {
      return mine.waitlisted
        ? t.term('youreWaiting', mine.position ?? 0, t.number(mine.position ?? 0))
        : t.term('youreGoing', mine.guests);
    }
    return t.term(mine.response === 'maybe' ? 'youreMaybe' : 'youreNotGoing');
  }

  #errorText(error: KithError): string {
    const t = this.localize;
    if (error.code === 'rate-limited') return t.term('errorRateLimited', error.retryAfter ?? 0);
    const key = errorTerms[error.code];
    if (key) return t.term(key);
    return error.status >= 500 ? t.term('errorServer') : error.problem?.detail || t.term('errorGeneric');
  }

  #choose(response: RsvpResponse): void {
    this.#answer = { response, guests: response === 'going' ? this.guests : 0 };
    if (!this.#session?.$session.get()) {
      this.askName = true;
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLInputElement>('input[name="name"]')?.focus(),
      );
      return;
    }
    void this.#send();
  }

  #onGuests = (event: Event) => {
    this.guests = Number((event.target as HTMLSelectElement).value);
    if (this.loaded?.mine?.response === 'going') this.#choose('going');
  };

  #onName = async (event: SubmitEvent) => {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('input[name="name"]')!;
    const name = cleanDisplayName(input.value); // less what no name holds; '' if blank
    this.nameMissing = !name;
    if (!name) {
      input.focus();
      return;
    }
    this.sending = true;
    try {
      await this.#session!.signInAsGuest({ name }, this.#signInKey);
      this.#signInKey = newIdempotencyKey();
      this.askName = false;
    } catch (error) {
      this.sending = false;
      this.answerFailure = await toKithError(error);
      void this.#announce(this.#errorText(this.answerFailure));
      return;
    }
    await this.#send();
  };

  /** Sends the answer; on failure it is kept, with a way to try again (the same answer twice is one). */
  async #send(): Promise<void> {
    const answer = this.#answer;
    const client = this.#client;
    if (!answer || !client) return;
    const focused = (this.renderRoot as ShadowRoot).activeElement as HTMLElement | null;
    this.sending = true;
    this.answerFailure = undefined;
    try {
      const event = await rsvp(client, this.#key, answer);
      this.#answered += 1;
      this.#answer = undefined;
      this.sending = false;
      this.#show(event);
      void this.#announce(this.#answerText(event));
      const mine = event.mine!;
      this.dispatchEvent(
        new KithRsvpEvent({
          thread: this.#key,
          response: mine.response,
          guests: mine.guests,
          waitlisted: mine.waitlisted,
          position: mine.position,
        }),
      );
    } catch (error) {
      const failure = await toKithError(error);
      this.sending = false;
      if (
        failure.code === 'unauthorized' ||
        failure.code === 'invalid-token' ||
        failure.code === 'token-expired'
      ) {
        this.#session?.expire();
        this.askName = true;
      }
      this.answerFailure = failure;
      void this.#announce(this.#errorText(failure));
      this.dispatchEvent(new KithErrorEvent(failure));
      if (failure.code === 'event-cancelled' || failure.code === 'rsvp-closed') void this.load();
    }
    // The answers are disabled while one is sent, and the name's field goes once given: either
    // way the reader's focus fell to the page. It goes back to where they were, else to the
    // answer they gave, unless they have gone on elsewhere since.
    await this.updateComplete;
    if (document.activeElement === document.body)
      (focused?.isConnected
        ? focused
        : this.renderRoot.querySelector<HTMLElement>(`[part~=answer-${answer.response}]`)
      )?.focus();
  }

  #retry = () => {
    if (this.#answer && !this.askName) void this.#send();
    else if (!this.#answer) {
      this.failure = undefined;
      void this.load();
    }
  };

  async #openEveryone(): Promise<void> {
    const dialog = this.renderRoot.querySelector('dialog');
    if (!dialog || !this.#client) return;
    this.everyone = { items: [], next: null };
    dialog.showModal();
    await this.#more();
  }

  #more = async () => {
    if (!this.#client || !this.everyone) return;
    try {
      const cursor = this.everyone.next;
      const page = await getAttendees(this.#client, this.#key, { limit: 50, cursor });
      this.everyone = { items: [...this.everyone.items, ...page.items], next: page.nextCursor };
    } catch (error) {
      this.dispatchEvent(new KithErrorEvent(await toKithError(error)));
    }
  };

  #closeEveryone = () => this.renderRoot.querySelector('dialog')?.close();

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if ((changed as PropertyValues).has('loaded') && this.loaded) this.#writeJsonLd(this.loaded);
  }

  /** schema.org Event data in the page (light DOM), for search engines' event listings. */
  #writeJsonLd(event: EventInfo): void {
    if (!this.#jsonLd) {
      this.#jsonLd = document.createElement('script');
      this.#jsonLd.type = 'application/ld+json';
      this.append(this.#jsonLd);
    }
    try {
      this.#jsonLd.textContent = scriptText(eventJsonLd(event, location.href));
    } catch {
      // Trusted Types enforced without `kith` allowed: the card goes on without search data.
    }
  }

  #avatar(attendee: Attendee) {
    const initials = [...attendee.name.trim()].slice(0, 1).join('').toUpperCase();
    return html`<li part="avatar" title=${attendee.name}>
      ${
        attendee.avatarUrl?.startsWith('https://')
          ? html`<img src=${attendee.avatarUrl} alt="" loading="lazy" referrerpolicy="no-referrer" />`
          : html`<span aria-hidden="true">${initials}</span>`
      }<span class="visually-hidden">${attendee.guests ? this.localize.term('attendeeGuests', attendee.name, attendee.guests) : attendee.name}</span>
    </li>`;
  }

  /** The calendars' link builders, loaded when the reader opens "Add to calendar" (1 KB the card need not carry). */
  #calendars: Pick<typeof import('@kith/core/calendar'), 'calendarServices' | 'calendarUrl'> | undefined;

  #onCalendarToggle = async (event: Event) => {
    if (!(event.target as HTMLDetailsElement).open || this.#calendars) return;
    try {
      // Named, so the bundler leaves the ICS writer out of the chunk.
      const { calendarServices, calendarUrl } = await import('@kith/core/calendar');
      this.#calendars = { calendarServices, calendarUrl };
      this.requestUpdate();
    } catch {
      // Not to be had (offline, say): the calendar file is still there, and opening again tries again.
    }
  };

  #calendar(event: EventInfo) {
    if (event.status === 'cancelled' || !this.#client) return nothing;
    const t = this.localize;
    const calendars = this.#calendars;
    const calendarEvent = {
      uid: event.uid,
      title: event.title,
      start: event.start,
      end: event.end,
      timeZone: knownZone(event.timeZone),
      description: event.description ?? undefined,
      location:
        [event.place?.name, event.place?.address, event.place?.online].filter(Boolean).join(', ') ||
        undefined,
      url: event.url ?? undefined,
    };
    return html`<details part="calendar" @toggle=${this.#onCalendarToggle}>
      <summary>${t.term('addToCalendar')}</summary>
      <ul role="list">
        ${(calendars?.calendarServices ?? []).map(
          (service) =>
            html`<li><a href=${calendars!.calendarUrl(service, calendarEvent)} target="_blank" rel="noopener noreferrer">${calendarNames[service]}</a></li>`,
        )}
        <li><a href=${eventCalendarUrl(this.#client, this.#key)} download="event.ics">${t.term('calendarFile')}</a></li>
      </ul>
    </details>`;
  }

  /** The answer buttons, the guests picker, the name form (checked by the card, not the browser, so its message is in the page's language) and the failure, if any. */
  #answers(event: EventInfo) {
    const t = this.localize;
    const mine = event.mine;
    const open = event.rsvp.open;
    const session = this.#session?.$session.get();
    const retry = html`<button type="button" @click=${this.#retry}>${t.term('retry')}</button>`;
    return html`<div part="answers">
      ${
        open
          ? html`<fieldset>
              <legend>${t.term('yourAnswer')}</legend>
              <div class="buttons">
                ${answers.map(
                  (response) => html`<button
                    type="button"
                    part="answer answer-${response}"
                    aria-pressed=${mine?.response === response ? 'true' : 'false'}
                    ?disabled=${this.sending}
                    @click=${() => this.#choose(response)}
                  >
                    ${t.term(answerTerm[response])}
                  </button>`,
                )}
              </div>
              ${
                event.maxGuests > 0
                  ? html`<label class="guests"
                      >${t.term('guests')}
                      <select .value=${String(this.guests)} ?disabled=${this.sending} @change=${this.#onGuests}>
                        ${Array.from(
                          { length: event.maxGuests + 1 },
                          (_, n) =>
                            html`<option value=${n} ?selected=${n === this.guests}>${t.number(n)}</option>`,
                        )}
                      </select></label
                    >`
                  : nothing
              }
            </fieldset>`
          : html`<p>${t.term('answersClosed')}</p>`
      }
      ${mine ? html`<p class="mine">${this.#answerText(event)}</p>` : nothing}
      ${
        this.askName && open
          ? html`<form part="name-form" novalidate @submit=${this.#onName}>
              <label
                >${t.term('nameLabel')}
                <input
                  name="name"
                  autocomplete="nickname"
                  aria-required="true"
                  maxlength="64"
                  aria-invalid=${this.nameMissing ? 'true' : 'false'}
                  aria-describedby="name-missing"
              /></label>
              <button type="submit" ?disabled=${this.sending}>${t.term('send')}</button>
              <p id="name-missing" role="alert">${this.nameMissing ? t.term('nameToAnswer') : ''}</p>
            </form>`
          : session && open
            ? html`<p class="as">${withName((name) => t.term('answerAs', name), session.user.name)}</p>`
            : nothing
      }
      ${this.sending ? html`<p class="sending">${t.term('sending')}</p>` : nothing}
      ${
        this.answerFailure
          ? html`<p part="error" role="alert">
              ${this.#errorText(this.answerFailure)} ${this.#answer && !this.askName ? retry : nothing}
            </p>`
          : nothing
      }
    </div>`;
  }

  /** "Your time: …" in the card's words, the time in the reader's language (they differ in a fallback). */
  #yourTime(time: string) {
    const [before, after] = this.localize.term('yourTime', '\0').split('\0');
    return html`${before}<span lang=${this.localize.lang()}>${time}</span>${after}`;
  }

  #card(event: EventInfo) {
    const t = this.localize;
    const lang = t.lang();
    const phase = eventPhase(event);
    const { there, here } = eventWhen(event, lang);
    const { rsvp: tally, place, host } = event;
    const full = tally.spotsLeft === 0;
    const badge =
      phase === 'cancelled'
        ? t.term('cancelled')
        : phase === 'now'
          ? t.term('happeningNow')
          : phase === 'ended'
            ? t.term('ended')
            : full
              ? t.term('full')
              : undefined;
    const counts = [
      t.term('goingCount', tally.going, t.number(tally.going)),
      tally.maybe ? t.term('maybeCount', tally.maybe, t.number(tally.maybe)) : '',
      tally.waitlist ? t.term('waitlistCount', tally.waitlist, t.number(tally.waitlist)) : '',
    ].filter(Boolean);
    return html`<article part="base" aria-labelledby="title" dir=${t.dir()} lang=${t.textLang()} class=${phase}>
      ${event.image ? html`<img part="image" src=${event.image} alt="" loading="lazy" />` : nothing}
      ${badge ? html`<p part="badge">${badge}</p>` : nothing}
      <h2 part="title" id="title" dir="auto" lang=${t.around()}>${event.title}</h2>
      <dl part="details">
        <dt>${t.term('when')}</dt>
        <dd>
          <time datetime=${event.start} lang=${t.lang()}>${there}</time>
          ${here ? html`<br /><span class="here">${this.#yourTime(here)}</span>` : nothing}
        </dd>
        ${
          place
            ? html`<dt>${t.term('where')}</dt>
                <dd dir="auto">
                  ${[place.name, place.address].filter(Boolean).join(', ')}
                  ${
                    place.online
                      ? html`${place.name || place.address ? html`<br />` : nothing}<a
                            href=${place.online}
                            target="_blank"
                            rel="noopener noreferrer"
                            >${t.term('joinOnline')}</a
                          >`
                      : nothing
                  }
                </dd>`
            : nothing
        }
        ${
          host
            ? html`<dt>${t.term('host')}</dt>
                <dd dir="auto">
                  ${host.url ? html`<a href=${host.url} target="_blank" rel="noopener noreferrer">${host.name}</a>` : host.name}
                </dd>`
            : nothing
        }
      </dl>
      ${event.description ? html`<p part="description" dir="auto" lang=${t.around()}>${event.description}</p>` : nothing}
      <p part="capacity">
        ${counts.join(' · ')}${
          tally.spotsLeft !== null && phase === 'upcoming'
            ? html` · <strong>${full ? t.term('full') : t.term('spotsLeft', tally.spotsLeft, t.number(tally.spotsLeft))}</strong>`
            : nothing
        }
      </p>
      ${full && tally.open ? html`<p class="hint">${t.term('fullWaitlist')}</p>` : nothing}
      ${
        event.attendees.length
          ? html`<ul part="attendees" role="list">
                ${event.attendees.map((attendee) => this.#avatar(attendee))}
              </ul>
              <button type="button" class="everyone" @click=${this.#openEveryone}>
                ${t.term('seeAttendees', tally.going, t.number(tally.going))}
              </button>`
          : nothing
      }
      ${phase === 'ended' && !tally.open ? nothing : this.#answers(event)} ${this.#calendar(event)}
      <dialog part="dialog" aria-labelledby="everyone" @click=${this.#closeOnBackdrop}>
        <h3 id="everyone">${t.term('attendeesTitle')}</h3>
        <ul role="list">
          ${(this.everyone?.items ?? []).map(
            (a) =>
              html`<li>${a.guests ? withName((name) => t.term('attendeeGuests', name, a.guests), a.name) : a.name}</li>`,
          )}
        </ul>
        ${this.everyone?.next ? html`<button type="button" @click=${this.#more}>${t.term('more')}</button>` : nothing}
        <button type="button" @click=${this.#closeEveryone}>${t.term('close')}</button>
      </dialog>
    </article>`;
  }

  #closeOnBackdrop = (event: MouseEvent) => {
    if (event.target === event.currentTarget) this.#closeEveryone();
  };

  override render() {
    const t = this.localize;
    const event = this.loaded;
    const failure = this.failure;
    const body = event
      ? this.#card(event)
      : failure
        ? html`<p part="error" role="alert" lang=${t.textLang()}>
            ${failure.code === 'event-not-found' ? t.term('noEvent') : this.#errorText(failure)}
            ${failure.code === 'event-not-found' ? nothing : html`<button type="button" @click=${this.#retry}>${t.term('retry')}</button>`}
          </p>`
        : html`<p class="loading" aria-busy="true" lang=${t.textLang()}>${t.term('eventLoading')}</p>`;
    return html`${body}<div role="status" class="visually-hidden" lang=${t.textLang()}>${this.status}</div>`;
  }
}

// Typed `kith-load` listeners (see KithLoadListeners): overloads only, nothing at run time.
export interface KithRsvp {
  addEventListener: KithLoadListeners<KithEventDetail>['addEventListener'];
  removeEventListener: KithLoadListeners<KithEventDetail>['removeEventListener'];
}

if (!customElements.get('kith-rsvp')) customElements.define('kith-rsvp', KithRsvp);

declare global {
  interface HTMLElementTagNameMap {
    'kith-rsvp': KithRsvp;
  }
}
