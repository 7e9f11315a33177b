import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { closestConfig, configChangeEvent, type KithConfig, mergeConfig } from './config.js';
import { KithLocalize, loadTranslation } from './localize.js';
import { themeStyles } from './theme.styles.js';

/**
 * The base of every Kith element: resolves its configuration (own attributes, then the closest
 * `<kith-config>`, then the page defaults), localizes, and applies the theme.
 *
 * `<kith-config>` is found by walking up through shadow roots and read from its attributes, rather
 * than through a context protocol: it costs a few lines instead of a library in every element's
 * bundle, and works before `<kith-config>` itself is defined.
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

  protected readonly localize = new KithLocalize(this, () => this.config.locale);

  #onConfigChange = () => this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener(configChangeEvent, this.#onConfigChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener(configChangeEvent, this.#onConfigChange);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const next = mergeConfig(
      { server: this.server, site: this.site, locale: this.locale, theme: this.theme },
      closestConfig(this),
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
}
