/** A small HTTP helper for the conformance suite: JSON in, status + headers + parsed body out. */
export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface CallOptions {
  method?: string;
  token?: string | undefined;
  body?: unknown;
  raw?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export function createHttp(baseUrl: string) {
  const base = baseUrl.replace(/\/+$/, '');
  return async function call<T = any>(path: string, options: CallOptions = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.raw !== undefined) body = options.raw;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
    if (body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
    const response = await fetch(base + path, {
      method: options.method ?? 'GET',
      headers,
      body,
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Keep the text: a non-JSON answer is itself a finding.
    }
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  };
}

export type Http = ReturnType<typeof createHttp>;

export interface SseEvent {
  id: string | undefined;
  event: string;
  data: string;
}

/** Reads an event stream until `count` events arrived or `timeoutMs` passed. */
export async function readEvents(
  url: string,
  options: {
    lastEventId?: string;
    /** A session token, sent as a bearer token (a moderator's stream carries more). */
    token?: string;
    /** Events to wait for; 0 to stop at the stream's position (`onPosition`). */
    count: number;
    timeoutMs: number;
    onOpen?: () => void | Promise<void>;
    /** The `id` of a block without data: where the stream starts, before any event. */
    onPosition?: (id: string) => void;
  },
): Promise<SseEvent[]> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  const events: SseEvent[] = [];
  try {
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (options.lastEventId) headers['last-event-id'] = options.lastEventId;
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const response = await fetch(url, { headers, signal: controller.signal });
    if (response.status !== 200 || !response.body)
      throw new Error(`event stream answered ${response.status}`);
    if (!response.headers.get('content-type')?.startsWith('text/event-stream')) {
      throw new Error(`event stream has content-type ${response.headers.get('content-type')}`);
    }
    await options.onOpen?.();
    const decoder = new TextDecoder();
    let buffer = '';
    let current: Partial<SseEvent> & { data?: string } = {};
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        const line = buffer.slice(0, newline).replace(/\r$/, '');
        buffer = buffer.slice(newline + 1);
        newline = buffer.indexOf('\n');
        if (line === '') {
          if (current.data !== undefined) {
            events.push({ id: current.id, event: current.event ?? 'message', data: current.data });
            if (events.length >= options.count) return events;
          } else if (current.id !== undefined) {
            options.onPosition?.(current.id);
            if (options.count === 0) return events;
          }
          current = {};
        } else if (!line.startsWith(':')) {
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'data')
            current.data = current.data === undefined ? value : `${current.data}\n${value}`;
          else if (field === 'id') current.id = value;
          else if (field === 'event') current.event = value;
        }
      }
    }
    return events;
  } catch (error) {
    if ((error as Error).name === 'AbortError') return events;
    throw error;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}
