import { ContextProvider } from '@lit/context';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { configContext, type KithConfig } from './config.js';

/**
 * Configures every Kith element inside it: server, site, language and theme in one place.
 * An element's own attributes still win over these.
 *
 * @summary One configuration for a whole page or section.
 * @slot - The page content holding Kith elements.
 *
 * @example
 * <kith-config server="https://comments.example" site="blog" locale="de">
 *   <kith-comment-count thread="/posts/hello"></kith-comment-count>
 * </kith-config>
 */
@customElement('kith-config')
export class KithConfigElement extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Base URL of the Kith server. */
  @property() server?: string;
  /** Site id on the server. */
  @property() site?: string;
  /** Language (BCP 47) for the elements inside. */
  @property() locale?: string;
  /** `light`, `dark` or `auto`. */
  @property() theme?: KithConfig['theme'];

  #provider = new ContextProvider(this, { context: configContext, initialValue: {} });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#provider.setValue({ server: this.server, site: this.site, locale: this.locale, theme: this.theme });
  }

  override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kith-config': KithConfigElement;
  }
}
