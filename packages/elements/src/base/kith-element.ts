import { type KithClient, sharedClient } from '@kith/core';
import { ContextConsumer, ContextRoot } from '@lit/context';
import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { configContext, type KithConfig, mergeConfig } from './config.js';
import { KithLocalize, loadTranslation } from './localize.js';
import { themeStyles } from './theme.styles.js';

// A <kith-config> may upgrade after the elements inside it (lazy chunks): the root replays their
// requests for configuration once it does.
if (typeof document !== 'undefined' && !(globalThis as { __kithContextRoot?: boolean }).__kithContextRoot) {
  (globalThis as { __kithContextRoot?: boolean }).__kithContextRoot = true;
  new ContextRoot().attach(document.documentElement);
}

/**
 * The base of every Kith element: resolves its configuration (own attributes, then the closest
 * `<kith-config>`, then the page defaults), localizes, and applies the theme.
 */
export class KithElement extends LitElement {
  static override styles = [themeStyles];

  /** Base URL of the Kith server; inherited from `<kith-config>` or the script tag when left out. */
  @property({ reflect: true }) server?: string;

  /** Site id on the server; inherited like `server`. */
  @property({ reflect: true }) site?: string;

  /** Language (BCP 47), e.g. `de`; defaults to the nearest `lang` attribute, then the document's. */
  @property({ reflect: true }) locale?: string;

  /** `light`, `dark` or `auto` (the reader's system preference, the default). */
  @property({ reflect: true }) theme?: 'light' | 'dark' | 'auto';

  /** The configuration in effect, closest source first. */
  @state() protected config: KithConfig = {};

  @state() private provided: KithConfig | undefined;

  protected readonly localize = new KithLocalize(this, () => this.config.locale);

  constructor() {
    super();
    new ContextConsumer(this, {
      context: configContext,
      subscribe: true,
      callback: (value) => {
        this.provided = value;
      },
    });
  }

  #onDefaults = () => this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('kith-defaults-change', this.#onDefaults);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('kith-defaults-change', this.#onDefaults);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const next = mergeConfig(
      { server: this.server, site: this.site, locale: this.locale, theme: this.theme },
      this.provided,
    );
    const previous = this.config;
    if (
      next.server !== previous.server ||
      next.site !== previous.site ||
      next.locale !== previous.locale ||
      next.theme !== previous.theme
    ) {
      this.config = next;
      this.configChanged(next, previous);
    }
  }

  /** Called when the resolved configuration changes; elements reconnect their stores here. */
  protected configChanged(next: KithConfig, _previous: KithConfig): void {
    const lang = this.localize.lang();
    loadTranslation(lang).then(() => this.requestUpdate());
    this.style.colorScheme = next.theme === 'light' || next.theme === 'dark' ? next.theme : '';
  }

  /** The shared client for the configured server and site, or undefined until both are known. */
  protected get client(): KithClient | undefined {
    const { server, site } = this.config;
    return server && site ? sharedClient({ server, site }) : undefined;
  }
}
