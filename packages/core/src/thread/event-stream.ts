/** One Server-Sent Event. */
export interface StreamEvent {
  id: string | undefined;
  type: string;
  data: string;
}

export interface EventStreamOptions {
  /**
   * Resume after this event id (sent as `Last-Event-ID`). The stream keeps it up to date, with
   * each event's id and the position the server says it starts from, so these same options given
   * to a new stream resume where this one stopped.
   */
  lastEventId?: string | undefined;
  onEvent(event: StreamEvent): void;
  /** The stream is (re)connected. */
  onOpen?(): void;
  /** The stream dropped; it reconnects on its own after `retryIn` ms. */
  onDrop?(retryIn: number): void;
  /** Headers for each (re)connect, asked afresh every time (e.g. a moderator's session). */
  headers?(): Record<string, string>;
  fetch?: typeof fetch;
}

/**
 * Reads a Server-Sent Events stream over fetch (so it works in Node too and can send
 * `Last-Event-ID` on every reconnect, including the first), reconnecting with backoff after drops
 * and resuming after the last event received. Returns a function that closes it.
 */
export function openEventStream(url: string, options: EventStreamOptions): () => void {
  const controller = new AbortController();
  let retry = 1000;
  let failures = 0;
  const doFetch = options.fetch ?? fetch;

  const connect = async (): Promise<void> => {
    while (!controller.signal.aborted) {
      try {
        const headers: Record<string, string> = { accept: 'text/event-stream', ...options.headers?.() };
        if (options.lastEventId) headers['last-event-id'] = options.lastEventId;
        const response = await doFetch(url, { headers, signal: controller.signal, cache: 'no-store' });
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
        failures = 0;
        options.onOpen?.();
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          for (let end = /\r?\n\r?\n/.exec(buffer); end; end = /\r?\n\r?\n/.exec(buffer)) {
            dispatch(buffer.slice(0, end.index));
            buffer = buffer.slice(end.index + end[0].length);
          }
        }
      } catch {
        if (controller.signal.aborted) return;
      }
      failures += 1;
      // Backoff with jitter, capped at 30 s, so a restarted server is not stampeded.
      const wait = Math.min(30_000, retry * 2 ** Math.min(failures - 1, 5)) * (0.75 + Math.random() / 2);
      options.onDrop?.(wait);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  };

  const dispatch = (block: string) => {
    let type = 'message';
    let id: string | undefined;
    const data: string[] = [];
    for (const line of block.split(/\r?\n/)) {
      if (!line || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') type = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') id = value;
      else if (field === 'retry' && /^\d+$/.test(value)) retry = Number(value);
    }
    if (id !== undefined) options.lastEventId = id;
    if (data.length > 0) options.onEvent({ id, type, data: data.join('\n') });
  };

  void connect();
  return () => controller.abort();
}
