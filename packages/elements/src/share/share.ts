import type { Network, ShareData, ShareNetwork } from '@kith/core/share/util';
import { withUtm } from '@kith/core/share/util';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { KithEvent } from '../base/events.js';
import { KithElement, webAddress } from '../base/kith-element.js';
import { defineStrings, Localizer } from '../base/localize.js';
import type { MastodonPicker } from './mastodon-picker.js';
import type { ShareMenu } from './menu.js';
import { shareStyles } from './share.styles.js';
import en from './translations/en.js';

/** A button: a network, `copy` (copy link) or `native` (the system share sheet). */
export type ShareTarget = ShareNetwork | 'copy' | 'native';
type Target = ShareTarget;

/** `kith-share`'s detail: where the reader shares, and what. */
export interface KithShareDetail {
  network: ShareTarget;
  url: string;
}
interface NetworkModule {
  spec?: Network;
  /** SVG path data (24×24, stroked): a string, so network modules import nothing from Lit. */
  icon: string;
  color: string;
  /** What copy and the share sheet do on click. */
  act?: (data: ShareData, root: ShadowRoot) => Promise<boolean>;
  /** Copy's second icon, shown once the link is copied. */
  copied?: string;
}

// One module per network (its link builder, icon and colour): a bar loads only what it shows.
const modules: Record<Target, () => Promise<NetworkModule>> = {
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
  // Copy and the share sheet bring what they do on click with their icons: loaded with the button,
  // not on click, as both need the click's user activation.
  copy: () => import('./copy-link.js'),
  native: () => import('./share-sheet.js'),
};

const strings = defineStrings(en, {
  ar: () => import('./translations/ar.js'),
  de: () => import('./translations/de.js'),
  es: () => import('./translations/es.js'),
  fr: () => import('./translations/fr.js'),
  ja: () => import('./translations/ja.js'),
});

/** A reader shared the page; `detail.network` says where (cancelable: prevent it to stop the share). */
export class KithShareEvent extends KithEvent<KithShareDetail> {
  static readonly type = 'kith-share';
  constructor(network: Target, url: string) {
    super(KithShareEvent.type, { network, url }, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kith-share': KithShareEvent;
  }
}

/**
 * Share buttons for the page, private by default: nothing is requested from any network until a
 * reader clicks, and every button is a plain link where the network allows one.
 *
 * The bar itself is small; the menu, the Mastodon picker, copying and counts are loaded only by
 * bars that use them.
 *
 * @summary Share the page on the networks people use, copy its link, or use the system share sheet.
 *
 * @slot - Fallback (e.g. plain share links) shown until the buttons are: before the element is
 *   defined, without JavaScript, while the buttons load, and if they cannot; hidden once they show.
 *
 * @event {KithShareDetail} kith-share - A reader chose a network; `detail` is `{ network, url }`. Cancelable.
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
export class KithShare extends KithElement {
  static override styles = [...KithElement.styles, shareStyles];

  static override properties: PropertyDeclarations = {
    networks: {},
    url: {},
    shareTitle: { attribute: 'share-title' },
    shareText: { attribute: 'share-text' },
    image: {},
    hashtags: {},
    via: {},
    utmCampaign: { attribute: 'utm-campaign' },
    layout: { reflect: true },
    size: { reflect: true },
    colors: { reflect: true },
    popup: { type: Boolean },
    counts: { type: Boolean },
    loaded: { state: true, attribute: false },
    status: { state: true, attribute: false },
    copied: { state: true, attribute: false },
    shareCounts: { state: true, attribute: false },
  };

  /** Which buttons, in order: network ids, `copy` and `native` (the system share sheet), space separated. */
  networks = 'native x facebook linkedin reddit mastodon bluesky whatsapp email copy';

  /** The URL to share; defaults to the page's canonical URL, else its address. */
  url?: string;

  /** The title to share; defaults to the document's title. */
  shareTitle?: string;

  /** A longer text, for networks that take one. */
  shareText?: string;

  /** An image URL (Pinterest). */
  image?: string;

  /** Hashtags without `#`, comma separated. */
  hashtags?: string;

  /** The site's X account, without `@`. */
  via?: string;

  /** Adds utm_source (the network) and utm_medium=social to shared links, with this campaign. */
  utmCampaign?: string;

  /**
   * `labels` (icon and name), `icons` (icon only, the name for screen readers) or `menu` (one
   * Share button opening a menu of them).
   */
  layout: 'labels' | 'icons' | 'menu' = 'labels';

  /** `small`, `medium` or `large`. */
  size: 'small' | 'medium' | 'large' = 'medium';

  /** `brand` colours or `mono` (the text colour). */
  colors: 'brand' | 'mono' = 'brand';

  /** Open networks in a small popup window instead of a new tab. */
  popup = false;

  /** Show first-party share counts (needs a server; asks it once per page shared). */
  counts = false;

  protected readonly localize = new Localizer(this, strings, () => this.config.locale);

  private loaded: Partial<Record<Target, NetworkModule>> = {};
  private status = '';
  private copied = false;
  private shareCounts: Record<string, number> | undefined;

  #menu: ShareMenu | undefined;
  #picker: MastodonPicker | undefined;
  #copiedTimer: ReturnType<typeof setTimeout> | undefined;
  /** What is shared, read from the page once per update (every button's link uses it). */
  #shared: ShareData | undefined;
  /** The page whose share counts were last asked for. */
  #countsOf: string | undefined;

  /** The buttons shown, in order: known ids only, the system share sheet only where it works. */
  get targets(): Target[] {
    // In any case (`X Facebook`), each once.
    return this.networks
      .toLowerCase()
      .split(/[\s,]+/)
      .filter(
        (n, i, all): n is Target =>
          Object.hasOwn(modules, n) &&
          all.indexOf(n) === i &&
          (n !== 'native' ||
            (typeof navigator.share === 'function' &&
              (navigator.canShare?.({ url: (this.#shared ?? this.#data()).url }) ?? true))),
      );
  }

  #data(): ShareData {
    const canonical = document.querySelector('link[rel=canonical]')?.getAttribute('href');
    return {
      url: webAddress(this.url) ?? webAddress(canonical) ?? location.href,
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

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#shared = this.#data();
    // A site owner's mistakes: said in the console, and the bar works with what is right.
    if (changed.has('networks')) {
      const unknown = this.networks
        .toLowerCase()
        .split(/[\s,]+/)
        .filter((n) => n && !Object.hasOwn(modules, n));
      if (unknown.length) console.warn(`<kith-share> knows no network ${unknown.join(', ')}`);
    }
    const menu = this.layout === 'menu';
    // With the menu, the share-sheet icon (its button's) comes in the same batch as the networks.
    if (changed.has('networks') || changed.has('layout'))
      void this.#load(menu ? [...this.targets, 'native'] : this.targets);
    if (changed.has('layout') && menu && !this.#menu) {
      void import('./menu.js').then(
        ({ ShareMenu }) => {
          this.#menu = new ShareMenu(this);
          this.requestUpdate();
        },
        // Without the menu's code (offline, say), the buttons show as icons, each named for screen
        // readers; setting the layout again tries the menu again.
        () => {
          if (this.layout === 'menu') this.layout = 'icons';
        },
      );
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Totals for the page shared now, asked once per page (a single-page app moves on).
    const shared = this.#shared!.url;
    if (this.counts && shared !== this.#countsOf) {
      this.#countsOf = shared;
      this.#counting(async ({ countsUrl, fetchCounts }) => {
        const url = countsUrl(this.config, shared);
        if (url) this.shareCounts = (await fetchCounts(url)) ?? this.shareCounts;
        else this.#countsOf = undefined; // no server yet: asked again when the configuration comes
      });
    }
  }

  /**
   * Loads the buttons' modules together, so the bar appears once, whole and in order. One that
   * fails to load (offline) is left out, and tried again when the networks change. Nothing to load
   * (a layout change, say) changes nothing, so costs no render.
   */
  async #load(targets: Target[]): Promise<void> {
    const missing = targets.filter((target) => !this.loaded[target]);
    if (!missing.length) return;
    const loaded = await Promise.all(
      missing.map(async (target) => [target, await modules[target]().catch(() => undefined)]),
    );
    this.loaded = { ...this.loaded, ...Object.fromEntries(loaded) };
  }

  /** Runs `use` with the counts' code, loaded on first use; without it (offline), no counts. */
  #counting(use: (counts: typeof import('./counts.js')) => Promise<void>): void {
    import('./counts.js').then(use, () => {});
  }

  #refresh = () => this.requestUpdate();

  /** Counts the click on the site's own server, if one is configured; never blocks the share. */
  #count(network: Target): void {
    this.#counting(async ({ countsUrl, postCount }) => {
      const url = countsUrl(this.config, this.#data().url);
      const counts = url && (await postCount(url, network));
      if (counts && this.counts) this.shareCounts = counts;
    });
  }

  /** The network's link, from its own loaded module (not shareUrl, which would bundle every network). */
  #href(target: ShareNetwork, instance?: string): string {
    const data = this.#shared ?? this.#data();
    const url = this.utmCampaign ? withUtm(data.url, target, { campaign: this.utmCampaign }) : data.url;
    return this.loaded[target]!.spec!.build({ ...data, url }, { mastodonInstance: instance });
  }

  async #announce(message: string): Promise<void> {
    // Cleared and rendered first, so the same message is announced again.
    this.status = '';
    await this.updateComplete;
    this.status = message;
  }

  #onLink = (event: MouseEvent) => {
    const link = event.currentTarget as HTMLAnchorElement;
    this.#menu?.close(false);
    const network = link.dataset.network as ShareNetwork;
    // Read the page again: a single-page app may have moved on since the bar was drawn.
    this.#shared = this.#data();
    link.href = this.#href(network);
    if (!this.dispatchEvent(new KithShareEvent(network, this.#shared.url))) {
      event.preventDefault();
      return;
    }
    if (network === 'mastodon' && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      event.preventDefault();
      // Without the picker's code (offline, say), the link goes where it would have gone.
      this.#openPicker().catch(() => open(link.href, '_blank', 'noreferrer'));
      return;
    }
    this.#count(network);
    if (this.popup && network !== 'email') {
      event.preventDefault();
      // `noreferrer` implies `noopener` in window features, as `rel` says on the link.
      open(link.href, 'kith-share', 'popup,width=640,height=560,noreferrer');
    }
  };

  async #openPicker(): Promise<void> {
    if (!this.#picker) {
      const { MastodonPicker } = await import('./mastodon-picker.js');
      this.#picker ??= new MastodonPicker(this, {
        locale: () => this.config.locale,
        href: (instance) => this.#href('mastodon', instance),
        shared: () => this.#count('mastodon'),
      });
    }
    await this.#picker.show();
  }

  /** Copy link and the system share sheet: buttons, not links. */
  async #act(target: 'copy' | 'native'): Promise<void> {
    this.#menu?.close(true);
    const data = this.#data();
    if (!this.dispatchEvent(new KithShareEvent(target, data.url))) return;
    const done = await this.loaded[target]!.act!(data, this.renderRoot as ShadowRoot);
    if (done) this.#count(target);
    if (target === 'copy') {
      this.copied = done;
      void this.#announce(this.localize.term(done ? 'linkCopied' : 'copyFailed'));
      clearTimeout(this.#copiedTimer);
      this.#copiedTimer = setTimeout(() => {
        this.copied = false;
      }, 2000);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#menu?.close(false);
  }

  #icon(path: string | undefined) {
    return path
      ? html`<svg part="icon" viewBox="0 0 24 24" aria-hidden="true"><path d=${path} /></svg>`
      : nothing;
  }

  #item(target: Target) {
    const module = this.loaded[target];
    if (!module) return nothing;
    const { layout } = this;
    const iconsOnly = layout === 'icons';
    const role = layout === 'menu' ? 'menuitem' : nothing;
    const tabindex = layout === 'menu' ? '-1' : nothing;
    const shareCount = this.counts ? this.shareCounts?.[target] : undefined;
    // The space keeps the visible text ("X 12") inside the accessible name ("Share on X, 12
    // shares"), as WCAG's label in name asks; it is not drawn (start of a flex item).
    const count = shareCount
      ? html`<span part="count" aria-hidden="true">${` ${this.localize.number(shareCount)}`}</span>`
      : nothing;
    // The count is read out as words ("5 shares") with the button's name.
    const counted = (label: string) =>
      shareCount
        ? `${label}, ${this.localize.term('shares', shareCount, this.localize.number(shareCount))}`
        : label;
    if (target === 'copy' || target === 'native') {
      const label = this.localize.term(target === 'copy' ? 'copyLink' : 'shareVia');
      return html`<li part="item" role=${layout === 'menu' ? 'none' : nothing}>
        <button
          part="button button-${target}"
          type="button"
          role=${role}
          tabindex=${tabindex}
          aria-label=${iconsOnly || shareCount ? counted(label) : nothing}
          @click=${() => this.#act(target)}
        >
          ${this.#icon((this.copied && module.copied) || module.icon)}
          ${iconsOnly ? nothing : html`<span part="label">${label}</span>`}${count}
        </button>
      </li>`;
    }
    const name = target === 'email' ? this.localize.term('email') : module.spec!.name;
    const label = target === 'email' ? name : this.localize.term('shareOn', name);
    const newTab = target !== 'email';
    // `.style`, not a style attribute: set through the CSSOM, which a Content-Security-Policy
    // without 'unsafe-inline' allows (docs/site-owner.md).
    return html`<li part="item" role=${layout === 'menu' ? 'none' : nothing}>
      <a
        part="button button-${target}"
        class=${target}
        role=${role}
        tabindex=${tabindex}
        .style=${`--_brand:${this.colors === 'brand' ? module.color : 'currentColor'}`}
        href=${this.#href(target)}
        data-network=${target}
        target=${newTab ? '_blank' : nothing}
        rel="noopener noreferrer"
        aria-label=${iconsOnly || newTab || shareCount ? `${counted(label)} ${newTab ? this.localize.term('opensInNewTab') : ''}`.trim() : nothing}
        aria-haspopup=${target === 'mastodon' ? 'dialog' : nothing}
        aria-expanded=${target === 'mastodon' ? !!this.#picker?.open : nothing}
        @click=${this.#onLink}
      >
        ${this.#icon(module.icon)}${iconsOnly ? nothing : html`<span part="label">${name}</span>`}${count}
      </a>
    </li>`;
  }

  override render() {
    const { targets } = this;
    // Until a button can be shown, the bar shows what the page put inside it (plain links, say).
    const menu = this.layout === 'menu';
    if (!targets.some((target) => this.loaded[target]) || (menu && !this.#menu)) return html`<slot></slot>`;
    const items = targets.map((target) => this.#item(target));
    const label = this.localize.term('share');
    // Pointing at or focusing a button redraws the links from the page as it is now: a single-page
    // app may have moved on (and a middle click or "open in new tab" uses the drawn link).
    return html`<div part="base" dir=${this.localize.dir()} lang=${this.localize.textLang()} @pointerover=${this.#refresh} @focusin=${this.#refresh}>
        ${
          menu
            ? this.#menu!.render(label, this.#icon(this.loaded.native?.icon), items as TemplateResult[])
            : html`<ul part="list" role="list" aria-label=${label}>${items}</ul>`
        }
        ${this.#picker?.render()}
        <div role="status" class="visually-hidden">${this.status}</div>
      </div>`;
  }
}

if (!customElements.get('kith-share')) customElements.define('kith-share', KithShare);

declare global {
  interface HTMLElementTagNameMap {
    'kith-share': KithShare;
  }
}
