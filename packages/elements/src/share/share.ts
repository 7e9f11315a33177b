import type { Network, ShareData, ShareNetwork } from '@kith/core/share/util';
import { mastodonHost, withUtm } from '@kith/core/share/util';
import { normalizeThreadKey } from '@kith/protocol/thread-key';
import { html, nothing, type PropertyValues, svg } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { unsafeSVG } from 'lit/directives/unsafe-svg.js';
import { KithEvent } from '../base/events.js';
import { KithElement } from '../base/kith-element.js';
import { shareStyles } from './share.styles.js';

type Target = ShareNetwork | 'copy' | 'native';
interface NetworkModule {
  spec?: Network;
  icon: string;
  color: string;
}

// One module per network (its link builder, icon and colour): a bar loads only what it shows.
const modules: Record<Target | 'copied', () => Promise<NetworkModule>> = {
  facebook: () => import('./networks/facebook.js'),
  x: () => import('./networks/x.js'),
  reddit: () => import('./networks/reddit.js'),
  linkedin: () => import('./networks/linkedin.js'),
  mastodon: () => import('./networks/mastodon.js'),
  bluesky: () => import('./networks/bluesky.js'),
  threads: () => import('./networks/threads.js'),
  whatsapp: () => import('./networks/whatsapp.js'),
  telegram: () => import('./networks/telegram.js'),
  hackernews: () => import('./networks/hackernews.js'),
  pinterest: () => import('./networks/pinterest.js'),
  email: () => import('./networks/email.js'),
  copy: () => import('./networks/copy.js'),
  copied: () => import('./networks/copied.js'),
  native: () => import('./networks/native.js'),
};

const mastodonKey = 'kith-mastodon-instance';

/** A reader shared the page; `detail.network` says where (cancelable: prevent it to stop the share). */
export class KithShareEvent extends KithEvent<{ network: Target; url: string }> {
  static readonly type = 'kith-share';
  constructor(network: Target, url: string) {
    super(KithShareEvent.type, { network, url }, { cancelable: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'kith-share': KithShareEvent;
  }
}

/**
 * Share buttons for the page, private by default: nothing is requested from any network until a
 * reader clicks, and every button is a plain link where the network allows one.
 *
 * @summary Share the page on the networks people use, copy its link, or use the system share sheet.
 *
 * @slot - Fallback shown until the element is defined (e.g. plain share links); hidden after.
 *
 * @event kith-share - A reader chose a network; `detail` is `{ network, url }`. Cancelable.
 *
 * @csspart list - The list of buttons.
 * @csspart item - Each list item.
 * @csspart button - Each link or button (also `button-<network>`, e.g. `button-reddit`).
 * @csspart icon - Each icon.
 * @csspart label - Each visible label.
 * @csspart count - A network's first-party share count (with `counts`).
 * @csspart popover - The Mastodon server picker.
 * @csspart base - Everything the element shows.
 * @csspart menu - The menu of networks (`layout="menu"`); its button is `button-menu`.
 *
 * @cssproperty [--kith-share-gap=0.5rem] - Space between buttons.
 * @cssproperty [--kith-share-button-size=2.5rem] - Height (and minimum width) of each button.
 * @cssproperty [--kith-share-icon-size=1.25rem] - Icon size.
 * @cssproperty [--kith-share-button-background=transparent] - Button background.
 * @cssproperty [--kith-share-button-color=var(--kith-color-text)] - Button text colour.
 */
@customElement('kith-share')
export class KithShare extends KithElement {
  static override styles = [...KithElement.styles, shareStyles];

  /** Which buttons, in order: network ids, `copy` and `native` (the system share sheet), space separated. */
  @property() networks = 'native x facebook linkedin reddit mastodon bluesky whatsapp email copy';

  /** The URL to share; defaults to the page's canonical URL, else its address. */
  @property() url?: string;

  /** The title to share; defaults to the document's title. */
  @property({ attribute: 'share-title' }) shareTitle?: string;

  /** A longer text, for networks that take one. */
  @property({ attribute: 'share-text' }) shareText?: string;

  /** An image URL (Pinterest). */
  @property() image?: string;

  /** Hashtags without `#`, comma separated. */
  @property() hashtags?: string;

  /** The site's X account, without `@`. */
  @property() via?: string;

  /** Adds utm_source (the network) and utm_medium=social to shared links, with this campaign. */
  @property({ attribute: 'utm-campaign' }) utmCampaign?: string;

  /**
   * `labels` (icon and name), `icons` (icon only, the name for screen readers) or `menu` (one
   * Share button opening a menu of them).
   */
  @property({ reflect: true }) layout: 'labels' | 'icons' | 'menu' = 'labels';

  /** `small`, `medium` or `large`. */
  @property({ reflect: true }) size: 'small' | 'medium' | 'large' = 'medium';

  /** `brand` colours or `mono` (the text colour). */
  @property({ reflect: true }) colors: 'brand' | 'mono' = 'brand';

  /** Open networks in a small popup window instead of a new tab. */
  @property({ type: Boolean }) popup = false;

  /** Show first-party share counts (needs a server; asks it once when shown). */
  @property({ type: Boolean }) counts = false;

  @state() private loaded: Partial<Record<Target | 'copied', NetworkModule>> = {};
  @state() private status = '';
  @state() private copied = false;
  @state() private picking = false;
  @state() private pickerError = '';
  @state() private shareCounts: Record<string, number> | undefined;
  @state() private menuOpen = false;

  @query('[part="popover"]') private pickerPanel?: HTMLElement;
  @query('.mastodon, .menu-trigger') private mastodonButton?: HTMLElement;
  @query('.menu-trigger') private menuTrigger?: HTMLElement;
  @query('[part="menu"]') private menuList?: HTMLElement;

  #copiedTimer: ReturnType<typeof setTimeout> | undefined;
  /** What is shared, read from the page once per update (every button's link uses it). */
  #shared: ShareData | undefined;

  /** The buttons shown, in order: known ids only, the system share sheet only where it works. */
  get targets(): Target[] {
    const wanted = this.networks.split(/[\s,]+/).filter((n): n is Target => n in modules && n !== 'copied');
    return wanted.filter((n) => n !== 'native' || this.#canShareNatively());
  }

  #data(): ShareData {
    const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
    return {
      url: new URL(this.url ?? canonical ?? location.href, document.baseURI).href,
      title: this.shareTitle ?? document.title,
      text: this.shareText,
      image: this.image,
      hashtags: this.hashtags
        ?.split(',')
        .map((h) => h.trim().replace(/^#/, ''))
        .filter(Boolean),
      via: this.via?.replace(/^@/, ''),
    };
  }

  #canShareNatively(): boolean {
    const data = { url: this.#data().url };
    return typeof navigator.share === 'function' && (navigator.canShare?.(data) ?? true);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#shared = this.#data();
    if (changed.has('networks')) {
      for (const target of this.targets) void this.#load(target);
      void this.#load('native'); // the menu button's icon
      if (this.targets.includes('copy')) void this.#load('copied');
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if ((changed.has('counts') || changed.has('url')) && this.counts) void this.#fetchCounts();
  }

  async #load(target: Target | 'copied'): Promise<void> {
    if (this.loaded[target]) return;
    const module = await modules[target]();
    this.loaded = { ...this.loaded, [target]: module };
  }

  #mastodonInstance(): string | undefined {
    try {
      return localStorage.getItem(mastodonKey) ?? undefined;
    } catch {
      return undefined; // storage blocked: the reader is asked each time
    }
  }

  /** The network's link, from its own loaded module (not shareUrl, which would bundle every network). */
  #href(
    target: ShareNetwork,
    instance = target === 'mastodon' ? this.#mastodonInstance() : undefined,
  ): string {
    const data = this.#shared ?? this.#data();
    const url = this.utmCampaign ? withUtm(data.url, target, { campaign: this.utmCampaign }) : data.url;
    return this.loaded[target]!.spec!.build({ ...data, url }, { mastodonInstance: instance });
  }

  #countsUrl(): string | undefined {
    const { server, site } = this.config;
    if (!server || !site) return undefined;
    const key = normalizeThreadKey(this.#data().url);
    return `${server.replace(/\/+$/, '')}/v1/sites/${encodeURIComponent(site)}/threads/${encodeURIComponent(key)}/shares`;
  }

  async #fetchCounts(): Promise<void> {
    const url = this.#countsUrl();
    if (!url) return;
    try {
      const response = await fetch(url);
      if (response.ok) this.shareCounts = (await response.json()).counts;
    } catch {
      // Counts are decoration: the buttons work without them.
    }
  }

  /** Counts the click on the site's own server, if one is configured; never blocks the share. */
  #count(network: Target): void {
    const url = this.#countsUrl();
    if (!url) return;
    fetch(url, {
      method: 'POST',
      keepalive: true,
      headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({ network }),
    })
      .then(async (response) => {
        if (response.ok && this.counts) this.shareCounts = (await response.json()).counts;
      })
      .catch(() => {});
  }

  async #announce(message: string): Promise<void> {
    // Cleared and rendered first, so the same message is announced again.
    this.status = '';
    await this.updateComplete;
    this.status = message;
  }

  #onLink = (event: MouseEvent) => {
    const link = event.currentTarget as HTMLAnchorElement;
    this.#closeMenu(false);
    const network = link.dataset.network as ShareNetwork;
    if (!this.dispatchEvent(new KithShareEvent(network, this.#data().url))) {
      event.preventDefault();
      return;
    }
    if (network === 'mastodon' && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      event.preventDefault();
      void this.#openPicker();
      return;
    }
    this.#count(network);
    if (this.popup && network !== 'email') {
      event.preventDefault();
      window.open(link.href, 'kith-share', 'popup,width=640,height=560,noopener,noreferrer');
    }
  };

  async #copy(): Promise<void> {
    this.#closeMenu(true);
    const { url } = this.#data();
    if (!this.dispatchEvent(new KithShareEvent('copy', url))) return;
    let done = false;
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(url);
        done = true;
      }
    } catch {
      // Denied or unavailable: fall back below.
    }
    if (!done) done = copyWithSelection(url, this.renderRoot as ShadowRoot);
    if (done) {
      this.#count('copy');
      this.copied = true;
      void this.#announce(this.localize.term('linkCopied'));
      clearTimeout(this.#copiedTimer);
      this.#copiedTimer = setTimeout(() => {
        this.copied = false;
      }, 2000);
    } else {
      void this.#announce(this.localize.term('copyFailed'));
    }
  }

  async #native(): Promise<void> {
    this.#closeMenu(true);
    const data = this.#data();
    if (!this.dispatchEvent(new KithShareEvent('native', data.url))) return;
    try {
      await navigator.share({ title: data.title, text: data.text, url: data.url });
      this.#count('native');
    } catch (error) {
      if ((error as Error).name !== 'AbortError') console.warn('kith-share: the share sheet failed', error);
    }
  }

  #menuItems(): HTMLElement[] {
    return [...(this.menuList?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  }

  async #openMenu(focus: 'first' | 'last'): Promise<void> {
    this.menuOpen = true;
    await this.updateComplete;
    const items = this.#menuItems();
    (focus === 'first' ? items[0] : items.at(-1))?.focus();
    document.addEventListener('pointerdown', this.#onOutside, true);
    await place(this.menuTrigger, this.menuList);
  }

  #closeMenu(returnFocus: boolean): void {
    if (!this.menuOpen) return;
    this.menuOpen = false;
    document.removeEventListener('pointerdown', this.#onOutside, true);
    if (returnFocus) this.menuTrigger?.focus();
  }

  #onOutside = (event: PointerEvent) => {
    if (!event.composedPath().includes(this)) this.#closeMenu(false);
  };

  #onTriggerKeydown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      void this.#openMenu(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

  /** The WAI-ARIA menu pattern: arrows, Home and End move; Escape closes; Tab leaves. */
  #onMenuKeydown = (event: KeyboardEvent) => {
    const items = this.#menuItems();
    const current = items.indexOf((this.renderRoot as ShadowRoot).activeElement as HTMLElement);
    const move = (index: number) => {
      event.preventDefault();
      items[(index + items.length) % items.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(current + 1);
    else if (event.key === 'ArrowUp') move(current - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(items.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      this.#closeMenu(true);
    } else if (event.key === 'Tab') this.#closeMenu(false);
    else if (event.key === ' ' && items[current]?.localName === 'a') {
      event.preventDefault();
      items[current]!.click();
    }
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.#onOutside, true);
  }

  async #openPicker(): Promise<void> {
    this.picking = true;
    this.pickerError = '';
    await this.updateComplete;
    const popover = this.pickerPanel;
    const anchor = this.mastodonButton;
    if (!popover || !anchor) return;
    popover.querySelector('input')?.focus();
    await place(anchor, popover);
  }

  #closePicker(): void {
    this.picking = false;
    this.mastodonButton?.focus();
  }

  #onPickerSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).querySelector('input')!;
    const host = mastodonHost(input.value);
    if (!host) {
      this.pickerError = this.localize.term('mastodonInvalid');
      input.focus();
      return;
    }
    try {
      localStorage.setItem(mastodonKey, host);
    } catch {
      // Not remembered, still shared.
    }
    this.#count('mastodon');
    window.open(this.#href('mastodon'), '_blank', 'noopener,noreferrer');
    this.#closePicker();
  };

  #onPickerKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.#closePicker();
      return;
    }
    if (event.key !== 'Tab') return;
    // Keep focus inside the dialog while it is open.
    const focusable = [...(this.pickerPanel?.querySelectorAll<HTMLElement>('input, button, a[href]') ?? [])];
    const first = focusable[0];
    const last = focusable.at(-1);
    const active = this.renderRoot instanceof ShadowRoot ? this.renderRoot.activeElement : null;
    if (event.shiftKey && active === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  #icon(target: Target | 'copied') {
    const module = this.loaded[target];
    return module
      ? svg`<svg part="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${unsafeSVG(module.icon)}</svg>`
      : nothing;
  }

  #shareCount(target: Target) {
    const count = this.shareCounts?.[target];
    return this.counts && count ? html`<span part="count">${this.localize.number(count)}</span>` : nothing;
  }

  #item(target: Target) {
    const module = this.loaded[target];
    if (!module) return nothing;
    const iconsOnly = this.layout === 'icons';
    const inMenu = this.layout === 'menu';
    const role = inMenu ? 'menuitem' : nothing;
    const tabindex = inMenu ? '-1' : nothing;
    if (target === 'copy' || target === 'native') {
      const label = this.localize.term(target === 'copy' ? 'copyLink' : 'shareVia');
      return html`<li part="item" role=${inMenu ? 'none' : nothing}>
        <button
          part="button button-${target}"
          type="button"
          role=${role}
          tabindex=${tabindex}
          aria-label=${iconsOnly ? label : nothing}
          @click=${target === 'copy' ? () => this.#copy() : () => this.#native()}
        >
          ${this.#icon(target === 'copy' && this.copied ? 'copied' : target)}
          ${iconsOnly ? nothing : html`<span part="label">${label}</span>`}${this.#shareCount(target)}
        </button>
      </li>`;
    }
    const name = target === 'email' ? this.localize.term('email') : module.spec!.name;
    const label = target === 'email' ? name : this.localize.term('shareOn', name);
    const newTab = target !== 'email';
    return html`<li part="item" role=${inMenu ? 'none' : nothing}>
      <a
        part="button button-${target}"
        class=${target}
        role=${role}
        tabindex=${tabindex}
        style="--_brand: ${this.colors === 'brand' ? module.color : 'currentColor'}"
        href=${this.#href(target)}
        data-network=${target}
        target=${newTab ? '_blank' : nothing}
        rel="noopener noreferrer"
        aria-label=${iconsOnly || target !== 'email' ? `${label} ${newTab ? this.localize.term('opensInNewTab') : ''}`.trim() : nothing}
        aria-haspopup=${target === 'mastodon' ? 'dialog' : nothing}
        aria-expanded=${target === 'mastodon' ? String(this.picking) : nothing}
        @click=${this.#onLink}
      >
        ${this.#icon(target)}${iconsOnly ? nothing : html`<span part="label">${name}</span>`}${this.#shareCount(target)}
      </a>
    </li>`;
  }

  #picker() {
    if (!this.picking) return nothing;
    const hub = this.#href('mastodon', '');
    return html`<div
      part="popover"
      role="dialog"
      aria-labelledby="mastodon-label"
      @keydown=${this.#onPickerKeydown}
    >
      <form @submit=${this.#onPickerSubmit} novalidate>
        <label id="mastodon-label" for="mastodon-server">${this.localize.term('mastodonServer')}</label>
        <input
          id="mastodon-server"
          type="text"
          inputmode="url"
          autocomplete="off"
          spellcheck="false"
          placeholder=${this.localize.term('mastodonHint')}
          .value=${this.#mastodonInstance() ?? ''}
          aria-invalid=${this.pickerError ? 'true' : 'false'}
          aria-describedby=${this.pickerError ? 'mastodon-error' : nothing}
        />
        ${this.pickerError ? html`<p id="mastodon-error" class="error">${this.pickerError}</p>` : nothing}
        <div class="actions">
          <button type="button" @click=${() => this.#closePicker()}>${this.localize.term('cancel')}</button>
          <button type="submit">${this.localize.term('share')}</button>
        </div>
        <a href=${hub} target="_blank" rel="noopener noreferrer" @click=${() => this.#closePicker()}
          >${this.localize.term('mastodonHub')}</a
        >
      </form>
    </div>`;
  }

  #menu() {
    const label = this.localize.term('share');
    return html`<button
        part="button button-menu"
        class="menu-trigger"
        type="button"
        aria-haspopup="menu"
        aria-expanded=${String(this.menuOpen)}
        aria-controls="menu"
        @click=${() => (this.menuOpen ? this.#closeMenu(true) : this.#openMenu('first'))}
        @keydown=${this.#onTriggerKeydown}
      >
        ${this.#icon('native')}<span part="label">${label}</span>
      </button>
      ${
        this.menuOpen
          ? html`<ul id="menu" part="menu" role="menu" aria-label=${label} @keydown=${this.#onMenuKeydown}>
              ${this.targets.map((target) => this.#item(target))}
            </ul>`
          : nothing
      }`;
  }

  override render() {
    return html`<div part="base" dir=${this.localize.dir()}>
        ${
          this.layout === 'menu'
            ? this.#menu()
            : html`<ul part="list" role="list" aria-label=${this.localize.term('share')}>
                ${this.targets.map((target) => this.#item(target))}
              </ul>`
        }
        ${this.#picker()}
      </div>
      <div role="status" class="visually-hidden">${this.status}</div>`;
  }
}

/** Places a popover under its anchor, flipping and shifting to stay in view (loaded on first use). */
async function place(anchor: HTMLElement | undefined, floating: HTMLElement | undefined): Promise<void> {
  if (!anchor || !floating) return;
  const { computePosition, flip, shift, offset } = await import('@floating-ui/dom');
  const { x, y } = await computePosition(anchor, floating, {
    placement: 'bottom-start',
    middleware: [offset(6), flip(), shift({ padding: 8 })],
  });
  Object.assign(floating.style, { left: `${x}px`, top: `${y}px` });
}

/** The copy fallback where the Clipboard API is missing or refused: select a field and copy it. */
function copyWithSelection(text: string, root: ShadowRoot): boolean {
  const field = document.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  field.style.cssText = 'position:fixed;top:0;left:0;opacity:0;pointer-events:none';
  root.append(field);
  field.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  field.remove();
  return ok;
}

declare global {
  interface HTMLElementTagNameMap {
    'kith-share': KithShare;
  }
}
