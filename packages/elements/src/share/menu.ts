import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { adoptPopupStyles, place } from './place.js';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

/**
 * The `layout="menu"` button and its menu, following the WAI-ARIA menu button pattern: Enter,
 * Space or the arrows open it, arrows, Home and End move, Escape closes and returns focus, Tab
 * leaves. Loaded only by bars using that layout.
 */
export class ShareMenu {
  open = false;

  constructor(private host: Host) {
    adoptPopupStyles(host.renderRoot);
  }

  #trigger(): HTMLElement | null {
    return this.host.renderRoot.querySelector('.menu-trigger');
  }

  #items(): HTMLElement[] {
    return [...this.host.renderRoot.querySelectorAll<HTMLElement>('[part="menu"] [role="menuitem"]')];
  }

  async show(focus: 'first' | 'last'): Promise<void> {
    this.open = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const items = this.#items();
    (focus === 'first' ? items[0] : items.at(-1))?.focus();
    document.addEventListener('pointerdown', this.#onOutside, true);
    await place(
      this.#trigger() ?? undefined,
      this.host.renderRoot.querySelector<HTMLElement>('[part="menu"]') ?? undefined,
    );
  }

  close(returnFocus: boolean): void {
    if (!this.open) return;
    this.open = false;
    this.host.requestUpdate();
    document.removeEventListener('pointerdown', this.#onOutside, true);
    if (returnFocus) this.#trigger()?.focus();
  }

  #onOutside = (event: PointerEvent) => {
    if (!event.composedPath().includes(this.host)) this.close(false);
  };

  #onTriggerKeydown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      void this.show(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  };

  #onMenuKeydown = (event: KeyboardEvent) => {
    const items = this.#items();
    const current = items.indexOf((this.host.renderRoot as ShadowRoot).activeElement as HTMLElement);
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
      this.close(true);
    } else if (event.key === 'Tab') this.close(false);
    else if (event.key === ' ' && items[current]?.localName === 'a') {
      event.preventDefault();
      items[current]!.click();
    }
  };

  render(label: string, icon: unknown, items: TemplateResult[]) {
    return html`<button
        part="button button-menu"
        class="menu-trigger"
        type="button"
        aria-haspopup="menu"
        aria-expanded=${String(this.open)}
        aria-controls="menu"
        @click=${() => (this.open ? this.close(true) : this.show('first'))}
        @keydown=${this.#onTriggerKeydown}
      >
        ${icon}<span part="label">${label}</span>
      </button>
      ${
        this.open
          ? html`<ul id="menu" part="menu" role="menu" aria-label=${label} @keydown=${this.#onMenuKeydown}>
              ${items}
            </ul>`
          : nothing
      }`;
  }
}
