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

declare global {
  interface HTMLElementEventMap {
    'kith-load': KithLoadEvent;
    'kith-error': KithErrorEvent;
  }
}
