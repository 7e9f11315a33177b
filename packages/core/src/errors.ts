import type { Problem } from '@kith/protocol';
import { type ProblemCode, problemCodeOf } from '@kith/protocol/problems';
import { HttpError, retryAfter, TimeoutError } from './http.js';

/**
 * What went wrong, in the terms an element needs to explain it and offer the right way out.
 * `proof-unsupported`: the site asks for a proof of work and this page cannot solve one (no Web
 * Crypto: the page is not https). `bad-response`: the server answered, but not as the protocol
 * says (a `server` that is not a Kith server, say).
 */
export type KithErrorCode =
  | ProblemCode
  | 'network'
  | 'timeout'
  | 'proof-unsupported'
  | 'bad-response'
  | 'unknown';

/** Every failed call rejects with this: a server problem (RFC 9457) or a transport failure. */
export class KithError extends Error {
  override name = 'KithError';
  readonly code: KithErrorCode;
  /** HTTP status; 0 when the server was not reached. */
  readonly status: number;
  /** The problem document as the server sent it, if any. */
  readonly problem: Problem | undefined;
  /** Seconds to wait before trying again (429, 503). */
  readonly retryAfter: number | undefined;

  constructor(code: KithErrorCode, message: string, status = 0, problem?: Problem, retryAfter?: number) {
    super(message);
    this.code = code;
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  /** Worth retrying as is: the network, a timeout, a 5xx or a rate limit; never a refusal. */
  get transient(): boolean {
    return (
      this.code === 'network' ||
      this.code === 'timeout' ||
      this.code === 'rate-limited' ||
      this.status >= 500 ||
      this.status === 408
    );
  }
}

/** A KithError from an HTTP error response and its (problem+json) body. */
export function problemError(status: number, headers: Headers, body: unknown): KithError {
  const problem =
    body && typeof body === 'object' && typeof (body as Problem).type === 'string'
      ? (body as Problem)
      : undefined;
  const code = problemCodeOf(problem?.type) ?? 'unknown';
  const waitMs = retryAfter({ headers });
  const seconds = waitMs === undefined ? problem?.retryAfter : Math.ceil(waitMs / 1000);
  return new KithError(code, problem?.detail ?? problem?.title ?? `HTTP ${status}`, status, problem, seconds);
}

/** Any failure as a KithError; HTTP errors are read for their problem document. */
export async function toKithError(error: unknown): Promise<KithError> {
  if (error instanceof KithError) return error;
  if (error instanceof HttpError) {
    const response = error.response;
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      // Not JSON: the status says enough.
    }
    return problemError(response.status, response.headers, body);
  }
  if (error instanceof TimeoutError) return new KithError('timeout', 'The server took too long to answer.');
  // fetch rejects with a TypeError when the network fails (offline, DNS, CORS, reset).
  if (error instanceof TypeError) return new KithError('network', 'The server could not be reached.');
  return new KithError('unknown', error instanceof Error ? error.message : String(error));
}
