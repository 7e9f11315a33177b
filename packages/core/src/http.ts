/**
 * The HTTP the client needs and nothing more: a base URL, JSON, a per-attempt timeout, and
 * retries of transient failures (network, timeout, 408, 429, 5xx) with exponential backoff or
 * the server's Retry-After. Writes are retried too: each carries an Idempotency-Key, so a retry
 * never writes twice. (It replaced ky: the same behaviour in a fifth of the bytes, which the
 * thread's 20 KB reading budget needs.)
 */
export interface HttpOptions {
  /** Prepended to every path. */
  base: string;
  /** Per attempt, in milliseconds. */
  timeout: number;
  /** Attempts after the first. */
  retries: number;
  fetch?: typeof fetch | undefined;
  /** Headers added to every request (e.g. the session's Authorization). */
  headers(): Record<string, string>;
}

export interface RequestOptions {
  method?: string;
  json?: unknown;
  /** Query parameters; those undefined or null are left out. */
  searchParams?: Record<string, string | number | null | undefined> | URLSearchParams;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
}

/** A response that was not 2xx (after any retries). */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(readonly response: Response) {
    super(`HTTP ${response.status}`);
  }
}

/** The attempt took longer than the timeout. */
export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

const retryStatuses = [408, 429, 500, 502, 503, 504];
/** The longest Retry-After waited for; a server asking for more gets its answer to the reader. */
const maxRetryAfter = 5_000;

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });

/** Milliseconds the server asks to wait (seconds or an HTTP date), if it says. */
export function retryAfter(response: { headers: Headers }): number | undefined {
  const value = response.headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) ? seconds * 1000 : Math.max(0, Date.parse(value) - Date.now()) || undefined;
}

export async function request(
  http: HttpOptions,
  path: string,
  options: RequestOptions = {},
): Promise<Response> {
  const url = new URL(http.base + (path ? `/${path}` : ''));
  const { searchParams = {} } = options;
  for (const [key, value] of searchParams instanceof URLSearchParams
    ? searchParams
    : Object.entries(searchParams)) {
    if (value != null) url.searchParams.append(key, `${value}`);
  }
  const headers: Record<string, string> = { ...http.headers(), ...options.headers };
  let body: string | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  const doFetch = http.fetch ?? globalThis.fetch;
  for (let attempt = 0; ; attempt++) {
    const timeout = new AbortController();
    const timer = setTimeout(
      () => timeout.abort(new TimeoutError('The server took too long to answer.')),
      http.timeout,
    );
    const signal = options.signal ? AbortSignal.any([options.signal, timeout.signal]) : timeout.signal;
    let wait: number;
    try {
      const response = await doFetch(url, {
        method: (options.method ?? 'GET').toUpperCase(),
        headers,
        body,
        signal,
      });
      if (response.ok) return response;
      if (!retryStatuses.includes(response.status) || attempt >= http.retries) throw new HttpError(response);
      const asked = response.status === 429 || response.status === 503 ? retryAfter(response) : undefined;
      if (asked !== undefined && asked > maxRetryAfter) throw new HttpError(response);
      wait = asked ?? Math.min(3000, 300 * 2 ** attempt);
      await response.body?.cancel().catch(() => {});
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      const failure = timeout.signal.aborted ? timeout.signal.reason : error;
      // Only the network or the clock failed: try again while attempts remain.
      if (
        failure instanceof HttpError ||
        attempt >= http.retries ||
        !(failure instanceof TypeError || failure instanceof TimeoutError)
      ) {
        throw failure;
      }
      wait = Math.min(3000, 300 * 2 ** attempt);
    } finally {
      clearTimeout(timer);
    }
    await sleep(wait, options.signal);
  }
}
