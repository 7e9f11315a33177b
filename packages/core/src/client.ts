import type {
  Comment,
  CommentPage,
  GuestSessionRequest,
  NewComment,
  ReactionState,
  Session,
  SessionInfo,
  Site,
  Sort,
  ThreadPage,
} from '@kith/protocol';
import { toKithError } from './errors.js';
import { type HttpOptions, type RequestOptions, request } from './http.js';

export interface ClientOptions {
  /** The Kith server's base URL, e.g. `https://comments.example`. */
  server: string;
  /** The site id on that server. */
  site: string;
  /** A session token to start with (e.g. one restored from storage). */
  token?: string | undefined;
  /** Per-attempt timeout in milliseconds (default 10 s). */
  timeout?: number;
  /** Retries for transient failures: network, timeouts, 5xx, 429 (default 2). */
  retries?: number;
  /** A fetch to use instead of the global one (tests, SSR). */
  fetch?: typeof fetch;
}

export interface WriteOptions {
  /**
   * Makes the write safe to repeat: the server performs it at most once per key. Generated when
   * left out; pass your own to retry a write across reloads (the outbox does).
   */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export interface CommentWriteOptions extends WriteOptions {
  /** A solved proof of work (`prove` from `@kith/core/proof`), where the site asks for one. */
  proof?: string | undefined;
}

export interface PageOptions {
  limit?: number;
  cursor?: string | null | undefined;
  signal?: AbortSignal;
}

/** A random key for Idempotency-Key headers. */
export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}

const seg = encodeURIComponent;

/**
 * How a client reaches its site (base URL, its session's header, timeouts and retries), for the
 * calls kept in modules of their own (`@kith/core/rsvp`) so pages that never make them never load
 * them. Not part of the public API.
 */
export let clientHttp: (client: KithClient) => HttpOptions;

/**
 * A typed client for one site on a Kith server: a method for each call reading and writing a
 * thread and the reader's session; the other endpoints are functions of their own in
 * `@kith/core` (`getCounts`, `getShares`, `countShare`, `previewComment`, `reportComment`, `myData`,
 * …), so a page carries only what it calls. Every failure rejects with a `KithError`. Transient failures are retried, writes with the same
 * Idempotency-Key, so a retried write never happens twice.
 */
export class KithClient {
  readonly server: string;
  readonly site: string;
  #token: string | undefined;
  #http: HttpOptions;

  static {
    clientHttp = (client) => client.#http;
  }

  constructor(options: ClientOptions) {
    this.server = options.server.replace(/\/+$/, '');
    this.site = options.site;
    this.#token = options.token;
    this.#http = {
      base: `${this.server}/v1/sites/${seg(this.site)}`,
      timeout: options.timeout ?? 10_000,
      retries: options.retries ?? 2,
      fetch: options.fetch,
      headers: (): Record<string, string> => (this.#token ? { authorization: `Bearer ${this.#token}` } : {}),
    };
  }

  get token(): string | undefined {
    return this.#token;
  }

  /** Sets or clears the session token sent with every request. */
  setToken(token: string | undefined): void {
    this.#token = token;
  }

  async #json<T>(path: string, options: RequestOptions = {}): Promise<T> {
    try {
      const response = await request(this.#http, path, options);
      return (response.status === 204 ? undefined : await response.json()) as T;
    } catch (error) {
      throw await toKithError(error);
    }
  }

  #write<T>(
    method: 'post' | 'patch' | 'delete',
    path: string,
    body: unknown,
    options: CommentWriteOptions = {},
  ) {
    const headers: Record<string, string> = {};
    if (method === 'post') headers['idempotency-key'] = options.idempotencyKey ?? newIdempotencyKey();
    if (options.proof) headers['kith-proof'] = options.proof;
    return this.#json<T>(path, {
      method,
      headers,
      json: body,
      signal: options.signal,
    });
  }

  /** The site's capabilities: features, moderation mode, reactions and limits. */
  getSite(options: { signal?: AbortSignal } = {}): Promise<Site> {
    return this.#json('', { signal: options.signal });
  }

  /** A thread's meta and first (or `cursor`'s) page of top-level comments with their first replies. */
  getThread(
    key: string,
    { signal, ...searchParams }: PageOptions & { sort?: Sort } = {},
  ): Promise<ThreadPage> {
    return this.#json(`threads/${seg(key)}`, { searchParams, signal });
  }

  /** A page of the replies below a comment (any depth, oldest first). */
  getReplies(commentId: string, { signal, ...searchParams }: PageOptions = {}): Promise<CommentPage> {
    return this.#json(`comments/${seg(commentId)}/replies`, { searchParams, signal });
  }

  /** One comment (a permalink's target): published, or the signed-in author's own pending one. */
  getComment(commentId: string, options: { signal?: AbortSignal } = {}): Promise<Comment> {
    return this.#json(`comments/${seg(commentId)}`, { signal: options.signal });
  }

  /** Posts a comment; pass `proof` where the site's `proofOfWork` asks it of this reader. */
  createComment(key: string, comment: NewComment, options?: CommentWriteOptions): Promise<Comment> {
    return this.#write('post', `threads/${seg(key)}/comments`, comment, options);
  }

  editComment(commentId: string, markdown: string, options?: WriteOptions): Promise<Comment> {
    return this.#write('patch', `comments/${seg(commentId)}`, { markdown }, options);
  }

  deleteComment(commentId: string, options?: WriteOptions): Promise<Comment> {
    return this.#write('delete', `comments/${seg(commentId)}`, undefined, options);
  }

  /** Adds (`active: true`), removes (`false`) or toggles (left out) a reaction. */
  react(
    commentId: string,
    reaction: string,
    active?: boolean,
    options?: WriteOptions,
  ): Promise<ReactionState> {
    return this.#write(
      'post',
      `comments/${seg(commentId)}/reactions`,
      active === undefined ? { reaction } : { reaction, active },
      options,
    );
  }

  /** Starts a guest session and uses its token from then on. */
  async signInAsGuest(guest: GuestSessionRequest, options?: WriteOptions): Promise<Session> {
    const session = await this.#write<Session>('post', 'sessions', guest, options);
    this.#token = session.token;
    return session;
  }

  getSession(options: { signal?: AbortSignal } = {}): Promise<SessionInfo> {
    return this.#json('sessions/current', { signal: options.signal });
  }

  /** Revokes the token on the server and forgets it. */
  async signOut(): Promise<void> {
    if (!this.#token) return;
    try {
      await this.#write('delete', 'sessions/current', undefined);
    } finally {
      this.#token = undefined;
    }
  }

  /** The URL of a thread's Server-Sent Events stream. */
  eventsUrl(key: string): string {
    return `${this.server}/v1/sites/${seg(this.site)}/threads/${seg(key)}/events`;
  }
}

export function createClient(options: ClientOptions): KithClient {
  return new KithClient(options);
}
