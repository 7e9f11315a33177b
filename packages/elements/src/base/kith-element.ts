import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import { closestConfig, configChangeEvent, configKeys, type KithConfig, mergeConfig } from './config.js';
import { type Localizer, type Strings, watchLanguage } from './localize.js';
import { themeStyles } from './theme.styles.js';

/**
 * The base of every Kith element: resolves its configuration (own attributes, then the closest
 * `<kith-config>`, then the page defaults), localizes, and applies the theme.
 *
 * `<kith-config>` is found by walking up through shadow roots and read from its attributes, rather
 * than through a context protocol: it costs a few lines instead of a library in every element's
 * bundle, and works before `<kith-config>` itself is defined.
 *
 * Properties are declared with `static properties` rather than decorators: the same behaviour
 * without the decorator helpers in every element's bundle.
 */
export abstract class KithElement extends LitElement {
  static override styles = [themeStyles];

  static override properties: PropertyDeclarations = {
    server: { reflect: true },
    site: { reflect: true },
    locale: { reflect: true },
    theme: { reflect: true },
    // `attribute: false` too, so the manifest analyzer does not list internal state as attributes.
    config: { state: true, attribute: false },
  };

  /** Base URL of the Kith server; inherited from `<kith-config>` or the script tag when left out. */
  server?: string;

  /** Site id on the server; inherited like `server`. */
  site?: string;

  /** Language (BCP 47), e.g. `de`; defaults to the nearest `lang` attribute, then the document's. */
  locale?: string;

  /**
   * `light`, `dark` or `auto` (the default: as the page, by its `color-scheme`, so the reader's
   * system preference on a page that has a dark mode and says so, light on a page without one).
   */
  theme?: 'light' | 'dark' | 'auto';

  /** The configuration in effect, closest source first. */
  protected config: KithConfig = {};

  /** The element's strings, in the reader's language. */
  protected abstract readonly localize: Localizer<Strings>;

  #onConfigChange = () => this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener(configChangeEvent, this.#onConfigChange);
    watchLanguage(this, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener(configChangeEvent, this.#onConfigChange);
    watchLanguage(this, false);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const next = mergeConfig(
      { server: this.server, site: this.site, locale: this.locale, theme: this.theme },
      closestConfig(this),
    );
    const previous = this.config;
    if (configKeys.some((key) => next[key] !== previous[key])) {
      this.config = next;
      this.configChanged(next, previous);
    }
    // Cheap when loaded; also catches a `lang` changed around the element.
    void this.localize.load();
  }

  /** Called when the resolved configuration changes; elements reconnect their stores here. */
  protected configChanged(next: KithConfig, _previous: KithConfig): void {
    this.style.colorScheme = next.theme === 'light' || next.theme === 'dark' ? next.theme : '';
  }
}

// Here rather than in a module of its own: every element imports this one, so the check rides in
// the shared base chunk (a module of its own made the bundler cut a new chunk for the thread).
const warned = new Set<string>();

/**
 * `value` as an absolute http(s) address, resolved against the page; undefined when it is none
 * (a site owner's mistake: said once in the console, and the caller falls back to the page).
 */
export function webAddress(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, document.baseURI);
    if (/^https?:$/.test(url.protocol)) return url.href;
  } catch {
    // Said below.
  }
  if (!warned.has(value)) console.warn(`Kith: "${value}" is not a web address`);
  warned.add(value);
  return undefined;
}
