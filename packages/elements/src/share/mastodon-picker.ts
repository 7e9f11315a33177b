import { mastodonHost } from '@kith/core/share/mastodon-host';
import { html, nothing, type ReactiveControllerHost } from 'lit';
import { defineStrings, Localizer } from '../base/localize.js';
import { rememberedInstance, rememberInstance } from './networks/mastodon.js';
import en, { type PickerStrings } from './picker-translations/en.js';
import { adoptPopupStyles, place } from './place.js';

/**
 * The picker's translations ride in the bar's own (`translations/<lang>.js`, as `picker`): the
 * bar has loaded them already for a reader of that language, and the build's chunks are counted.
 */
const withBar = (load: () => Promise<{ picker: PickerStrings }>) => (): Promise<{ default: PickerStrings }> =>
  load().then(({ picker }) => ({ default: picker }));

const strings = defineStrings(en, {
  ar: withBar(() => import('./translations/ar.js')),
  de: withBar(() => import('./translations/de.js')),
  es: withBar(() => import('./translations/es.js')),
  fr: withBar(() => import('./translations/fr.js')),
  ja: withBar(() => import('./translations/ja.js')),
});

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

interface PickerOptions {
  /** The element's configured language, if any. */
  locale(): string | undefined;
  /** The share link on `instance`; with `''`, the Mastodon share hub. */
  href(instance: string): string;
  /** The reader shared (to count it). */
  shared(): void;
}

/**
 * Asks for the reader's Mastodon server in a small dialog (WAI-ARIA dialog pattern: focus moves in
 * and stays, Escape closes, focus returns to the button), remembers it on this device, and opens
 * the share there. Loaded on the first click on the Mastodon button.
 */
export class MastodonPicker {
  open = false;
  #error = '';

  #localize: Localizer<typeof en>;

  constructor(
    private host: Host,
    private options: PickerOptions,
  ) {
    this.#localize = new Localizer(host, strings, options.locale);
    adoptPopupStyles(host.renderRoot);
  }

  #panel(): HTMLElement | undefined {
    return this.host.renderRoot.querySelector<HTMLElement>('[part="popover"]') ?? undefined;
  }

  #button(): HTMLElement | undefined {
    return this.host.renderRoot.querySelector<HTMLElement>('.mastodon, .menu-trigger') ?? undefined;
  }

  async show(): Promise<void> {
    this.open = true;
    this.#error = '';
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.#panel()?.querySelector('input')?.focus();
    await place(this.#button(), this.#panel());
  }

  close(): void {
    this.open = false;
    this.host.requestUpdate();
    this.#button()?.focus();
  }

  #onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const input = (event.target as HTMLFormElement).querySelector('input')!;
    const host = mastodonHost(input.value);
    if (!host) {
      this.#error = this.#localize.term('mastodonInvalid');
      this.host.requestUpdate();
      input.focus();
      return;
    }
    rememberInstance(host);
    this.options.shared();
    // Focus back on the button first: Firefox leaves it on the body when the new tab has it.
    this.close();
    window.open(this.options.href(host), '_blank', 'noreferrer');
  };

  #onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.close();
      return;
    }
    if (event.key !== 'Tab') return;
    // Keep focus inside the dialog while it is open.
    const focusable = [...(this.#panel()?.querySelectorAll<HTMLElement>('input, button, a[href]') ?? [])];
    const first = focusable[0];
    const last = focusable.at(-1);
    const active = (this.host.renderRoot as ShadowRoot).activeElement;
    if (event.shiftKey && active === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  render() {
    if (!this.open) return nothing;
    const localize = this.#localize;
    void localize.load();
    const error = this.#error;
    return html`<div part="popover" role="dialog" aria-labelledby="mastodon-label" @keydown=${this.#onKeydown}>
      <form @submit=${this.#onSubmit} novalidate>
        <label id="mastodon-label" for="mastodon-server">${localize.term('mastodonServer')}</label>
        <input
          id="mastodon-server"
          type="text"
          inputmode="url"
          autocomplete="off"
          spellcheck="false"
          placeholder=${localize.term('mastodonHint')}
          .value=${rememberedInstance() ?? ''}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? 'mastodon-error' : nothing}
        />
        ${error ? html`<p id="mastodon-error" class="error">${error}</p>` : nothing}
        <div class="actions">
          <button type="button" @click=${() => this.close()}>${localize.term('cancel')}</button>
          <button type="submit">${localize.term('share')}</button>
        </div>
        <a href=${this.options.href('')} target="_blank" rel="noopener noreferrer" @click=${() => this.close()}
          >${localize.term('mastodonHub')}</a
        >
      </form>
    </div>`;
  }
}
