import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReadableAtom } from 'nanostores';

/**
 * Subscribes a Lit element to a nanostores store while it is connected; the element re-renders
 * on every change. The store can be swapped (e.g. when the element's server or site changes).
 */
export class StoreController<T> implements ReactiveController {
  #store: ReadableAtom<T> | undefined;
  #unsubscribe: (() => void) | undefined;
  #connected = false;

  constructor(
    private host: ReactiveControllerHost,
    store?: ReadableAtom<T>,
  ) {
    this.#store = store;
    host.addController(this);
  }

  get value(): T | undefined {
    return this.#store?.get();
  }

  set store(store: ReadableAtom<T> | undefined) {
    if (store === this.#store) return;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#store = store;
    if (this.#connected) this.#subscribe();
    this.host.requestUpdate();
  }

  #subscribe(): void {
    // listen, not subscribe: the first value is read in render, no extra update needed.
    this.#unsubscribe = this.#store?.listen(() => this.host.requestUpdate());
  }

  hostConnected(): void {
    this.#connected = true;
    this.#subscribe();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}
