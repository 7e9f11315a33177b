import type { KithError } from '@kith/core';

/** Base of every Kith event: bubbles and crosses shadow roots, so a page can listen on `document`. */
export class KithEvent<T = undefined> extends Event {
  readonly detail: T;
  constructor(type: string, detail: T, init: EventInit = {}) {
    super(type, { bubbles: true, composed: true, ...init });
    this.detail = detail;
  }
}

/** `kith-load`'s detail on `kith-comment-count` and `kith-thread`: the thread and its count. */
export interface KithCountDetail {
  thread: string;
  count: number;
}

/** `kith-error`'s detail: a `KithError` with a stable `code`. */
export interface KithErrorDetail {
  error: KithError;
}

/** Data an element asked for has arrived. */
export class KithLoadEvent<T = unknown> extends KithEvent<T> {
  static readonly type = 'kith-load';
  constructor(detail: T) {
    super(KithLoadEvent.type, detail);
  }
}

/** A request failed; `detail.error` says why (a `KithError` with a stable `code`). */
export class KithErrorEvent extends KithEvent<KithErrorDetail> {
  static readonly type = 'kith-error';
  constructor(error: KithError) {
    super(KithErrorEvent.type, { error });
  }
}

/** The page's events, with `kith-load` carrying `Detail`. */
type EventsLoading<Detail> = Omit<HTMLElementEventMap, 'kith-load'> & { 'kith-load': KithLoadEvent<Detail> };

/** `addEventListener` or `removeEventListener` (by their options), with `kith-load` carrying `Detail`. */
interface Listening<Detail, Options> {
  <K extends keyof EventsLoading<Detail>>(
    type: K,
    listener: (this: HTMLElement, event: EventsLoading<Detail>[K]) => unknown,
    options?: boolean | Options,
  ): void;
  (type: string, listener: EventListenerOrEventListenerObject, options?: boolean | Options): void;
}

/**
 * `addEventListener` and `removeEventListener` knowing what an element's `kith-load` carries, so
 * `thread.addEventListener('kith-load', (e) => e.detail.count)` type-checks in plain TypeScript (as
 * in an Astro page's script): the global event map gives the event one type, and each element
 * loads something else. Types only, merged into each element's class.
 */
export interface KithLoadListeners<Detail> {
  addEventListener: Listening<Detail, AddEventListenerOptions>;
  removeEventListener: Listening<Detail, EventListenerOptions>;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kith-load': KithLoadEvent;
    'kith-error': KithErrorEvent;
  }
}
