import { type CountsStore, countsFor, type KithError, sharedClient } from '@kith/core';
import { html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { KithConfig } from '../base/config.js';
import {
  type KithCountDetail,
  KithErrorEvent,
  KithLoadEvent,
  type KithLoadListeners,
} from '../base/events.js';
import { KithElement } from '../base/kith-element.js';
import { defineStrings, Localizer } from '../base/localize.js';
import { StoreController } from '../base/store-controller.js';
import { pageThreadKey } from '../base/thread-key.js';
import { commentCountStyles } from './comment-count.styles.js';
import en from './translations/en.js';

export type { KithCountDetail, KithErrorDetail } from '../base/events.js';

const strings = defineStrings(en, {
  ar: () => import('./translations/ar.js'),
  de: () => import('./translations/de.js'),
  es: () => import('./translations/es.js'),
  fr: () => import('./translations/fr.js'),
  ja: () => import('./translations/ja.js'),
});

/**
 * The number of comments on one thread. Put one beside every post on a listing page: every count
 * on the page is fetched in a single request.
 *
 * The thread is the `thread` attribute, else the path of `href`, else the link the element sits
 * in, else the current page (its canonical URL when it has one).
 *
 * @summary A thread's comment count, batched with every other count on the page.
 *
 * @event {KithCountDetail} kith-load - The count arrived or changed; `detail` is `{ thread, count }`.
 * @event {KithErrorDetail} kith-error - The count could not be loaded; `detail.error` is a `KithError`.
 *
 * @csspart base - The wrapper of everything the element shows.
 * @csspart count - The count, e.g. "5 comments" (or "5" with `format="short"`).
 * @csspart retry - The button that loads the count again after a failure.
 *
 * @cssproperty [--kith-comment-count-color=inherit] - Colour of the count.
 * @cssproperty [--kith-comment-count-font-size=inherit] - Font size of the count.
 * @cssproperty [--kith-comment-count-placeholder-width=2ch] - Width kept while the count loads.
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface below only narrows listeners
export class KithCommentCount extends KithElement {
  static override styles = [...KithElement.styles, commentCountStyles];

  static override properties: PropertyDeclarations = {
    thread: { reflect: true },
    href: {},
    format: { reflect: true },
  };

  /** The thread key, exactly as the thread element uses it. */
  thread?: string;

  /** A URL (absolute or relative) whose path is the thread key, e.g. the post's link. */
  href?: string;

  /** `long` ("5 comments") or `short` ("5", with the long form for screen readers). */
  format: 'long' | 'short' = 'long';

  protected readonly localize = new Localizer(this, strings, () => this.config.locale);

  /** Derived in willUpdate: the failure to show, if the count is not there. */
  private error: KithError | null = null;
  #lastError: KithError | null = null;

  #counts = new StoreController<Record<string, number>>(this);
  #errors = new StoreController<KithError | null>(this);
  #store: CountsStore | undefined;
  #lastAnnounced: number | undefined;

  /** The thread key this element shows the count of. */
  get threadKey(): string {
    return this.thread || pageThreadKey(this.href ?? this.closest('a[href]')?.getAttribute('href'));
  }

  /** The loaded count, or undefined while loading or after a failure. */
  get count(): number | undefined {
    return this.#counts.value?.[this.threadKey];
  }

  protected override configChanged(next: KithConfig, previous: KithConfig): void {
    super.configChanged(next, previous);
    const client =
      next.server && next.site ? sharedClient({ server: next.server, site: next.site }) : undefined;
    this.#store = client ? countsFor(client) : undefined;
    this.#counts.store = this.#store?.$counts;
    this.#errors.store = this.#store?.$error;
    if (!client && this.isConnected) {
      console.warn(
        '<kith-comment-count>: set `server` and `site` (attributes, <kith-config> or the script tag).',
      );
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.error = this.count === undefined ? (this.#errors.value ?? null) : null;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const key = this.threadKey;
    this.#store?.want(key);
    const count = this.count;
    if (count !== undefined && count !== this.#lastAnnounced) {
      this.#lastAnnounced = count;
      this.dispatchEvent(new KithLoadEvent({ thread: key, count }));
    }
    if (this.error && this.error !== this.#lastError) this.dispatchEvent(new KithErrorEvent(this.error));
    this.#lastError = this.error;
  }

  /** Loads the count again (after a failure, or to refresh it). */
  async reload(): Promise<void> {
    await this.#store?.refresh();
  }

  #retry = () => {
    void this.#store?.retry();
  };

  override render() {
    const count = this.count;
    if (count === undefined && this.error) {
      const label = this.localize.term('commentCountUnavailable');
      // A button cannot sit inside a link: there, the text alone says what happened.
      const inLink = this.closest('a') !== null;
      return html`<span part="base" dir=${this.localize.dir()} lang=${this.localize.textLang()} class="unavailable"
        ><span part="count" title=${label}>${inLink ? label : '—'}</span
        >${
          inLink
            ? nothing
            : html`<button part="retry" type="button" aria-label="${label}. ${this.localize.term('retry')}" @click=${this.#retry}>
              ${this.localize.term('retry')}
            </button>`
        }</span
      >`;
    }
    if (count === undefined) {
      return html`<span part="base" dir=${this.localize.dir()} lang=${this.localize.textLang()} aria-busy="true"
        ><span part="count" class="placeholder" aria-hidden="true">…</span
        ><span class="visually-hidden">${this.localize.term('loadingCommentCount')}</span></span
      >`;
    }
    const text = this.localize.term('commentCount', count, this.localize.number(count));
    if (this.format === 'short') {
      return html`<span part="base" dir=${this.localize.dir()} lang=${this.localize.textLang()}
        ><span part="count" aria-hidden="true">${this.localize.number(count)}</span
        ><span class="visually-hidden">${text}</span></span
      >`;
    }
    return html`<span part="base" dir=${this.localize.dir()} lang=${this.localize.textLang()}><span part="count">${text}</span></span>`;
  }
}

// Typed `kith-load` listeners (see KithLoadListeners): overloads only, nothing at run time.
export interface KithCommentCount {
  addEventListener: KithLoadListeners<KithCountDetail>['addEventListener'];
  removeEventListener: KithLoadListeners<KithCountDetail>['removeEventListener'];
}

if (!customElements.get('kith-comment-count')) customElements.define('kith-comment-count', KithCommentCount);

declare global {
  interface HTMLElementTagNameMap {
    'kith-comment-count': KithCommentCount;
  }
}
