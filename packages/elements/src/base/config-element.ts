import { configChangeEvent, configKeys } from './config.js';

// Server rendering (Next.js, Astro, SvelteKit…) imports this in Node, which has no HTMLElement:
// the class must still be made there, as Lit's elements are, and is defined only in a browser.
const SsrStandIn = class {} as typeof HTMLElement;

/**
 * Configures every Kith element inside it (also inside their shadow roots): server, site,
 * language and theme in one place. An element's own attributes still win over these.
 *
 * @summary One configuration for a whole page or section.
 * @slot - The page content holding Kith elements.
 *
 * @example
 * <kith-config server="https://comments.example" site="blog" locale="de">
 *   <kith-comment-count thread="/posts/hello"></kith-comment-count>
 * </kith-config>
 */
export class KithConfigElement extends (globalThis.HTMLElement ?? SsrStandIn) {
  static observedAttributes = [...configKeys];

  /**
   * Base URL of the Kith server.
   * @attr
   */
  get server(): string | null {
    return this.getAttribute('server');
  }
  set server(value: string | null) {
    this.#set('server', value);
  }

  /**
   * Site id on the server.
   * @attr
   */
  get site(): string | null {
    return this.getAttribute('site');
  }
  set site(value: string | null) {
    this.#set('site', value);
  }

  /**
   * Language (BCP 47) for the elements inside.
   * @attr
   */
  get locale(): string | null {
    return this.getAttribute('locale');
  }
  set locale(value: string | null) {
    this.#set('locale', value);
  }

  /**
   * `light`, `dark` or `auto` (as the page, by its `color-scheme`).
   * @attr
   */
  get theme(): 'light' | 'dark' | 'auto' | null {
    return this.getAttribute('theme') as 'light' | 'dark' | 'auto' | null;
  }
  set theme(value: 'light' | 'dark' | 'auto' | null) {
    this.#set('theme', value);
  }

  #set(name: string, value: string | null): void {
    if (value === null) this.removeAttribute(name);
    else this.setAttribute(name, value);
  }

  connectedCallback(): void {
    // Takes no room of its own: its children lay out as if it were not there.
    this.style.display = 'contents';
  }

  attributeChangedCallback(): void {
    document.dispatchEvent(new Event(configChangeEvent));
  }
}

if (globalThis.customElements && !customElements.get('kith-config'))
  customElements.define('kith-config', KithConfigElement);

declare global {
  interface HTMLElementTagNameMap {
    'kith-config': KithConfigElement;
  }
}
