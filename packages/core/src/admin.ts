import type {
  Comment,
  CommentPage,
  ErasedUser,
  EventInfo,
  EventInput,
  MyData,
  OwnerSessionRequest,
  ReportedPage,
  Session,
  Site,
  SiteExport,
  SiteSettings,
  SiteSettingsPatch,
  ThreadMeta,
} from '@kith/protocol';
import type { ClientOptions } from './client.js';
import { toKithError } from './errors.js';
import { type HttpOptions, request } from './http.js';

export interface AdminClientOptions extends Omit<ClientOptions, 'token'> {
  /** The site's secret (`ks_…`), from `kith-server site create`. Never put it in a web page. */
  secret: string;
}

/** The query of a paged admin list: only what was given. */
function pageQuery(options: { limit?: number; cursor?: string }): Record<string, string | number> {
  return {
    ...(options.limit !== undefined && { limit: options.limit }),
    ...(options.cursor !== undefined && { cursor: options.cursor }),
  };
}

/**
 * The site owner's calls, made with the site secret: for servers, scripts and tests, never for a
 * browser. Apart from `KithClient` so that no page's bundle carries them.
 */
export class KithAdminClient {
  readonly #http: HttpOptions;

  constructor(options: AdminClientOptions) {
    const server = options.server.replace(/\/+$/, '');
    this.#http = {
      base: `${server}/v1/sites/${encodeURIComponent(options.site)}/admin`,
      timeout: options.timeout ?? 10_000,
      retries: options.retries ?? 2,
      fetch: options.fetch,
      headers: () => ({ authorization: `Bearer ${options.secret}` }),
    };
  }

  async #call<T>(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    path: string,
    json?: unknown,
    searchParams?: Record<string, string | number>,
  ): Promise<T> {
    try {
      const response = await request(this.#http, path, { method, json, searchParams });
      return (response.status === 204 ? undefined : await response.json()) as T;
    } catch (error) {
      throw await toKithError(error);
    }
  }

  /**
   * A session for one of the site's own users: the site's server calls this for its signed-in
   * user and hands the session to the page, which calls `sessionFor(client).use(session)`
   * (`@kith/core/session`). `user.moderator` names them a moderator. Pages can instead carry a
   * sign-in token the site signs itself (`@kith/core/sso`), with no call between the servers.
   */
  createSession(request: OwnerSessionRequest): Promise<Session> {
    return this.#call('POST', 'sessions', request);
  }

  /**
   * Comments readers reported, on every thread, the first reported first, with how many readers
   * reported each, why, and their notes; pass `nextCursor` back for the next page.
   */
  reported(options: { limit?: number; cursor?: string } = {}): Promise<ReportedPage> {
    return this.#call('GET', 'reports', undefined, pageQuery(options));
  }

  /** Dismisses a comment's reports: it stays, and leaves the queue (`removeComment` removes it). */
  async dismissReports(id: string): Promise<void> {
    await this.#call('DELETE', `comments/${encodeURIComponent(id)}/reports`);
  }

  /** Everything the owner has set, hold words included (readers see only `getSite()`). */
  settings(): Promise<SiteSettings> {
    return this.#call('GET', 'settings');
  }

  /**
   * Every thread, comment and event (with its answers) of the site in one `SiteExport` document:
   * a backup, or a file to import elsewhere (`kith-server import`). Never holds emails.
   */
  exportSite(): Promise<SiteExport> {
    return this.#call('GET', 'export');
  }

  /**
   * The site's comments as a WordPress export (WXR 1.2), the XML file WordPress, Disqus, Remark42
   * and Isso import: to take them to another system. Its pages are at `base` (an origin such as
   * `https://blog.example`), else at the site's first origin. Reactions, events and answers are
   * not in it (`exportSite` has them).
   */
  async exportWxr(options: { base?: string } = {}): Promise<string> {
    try {
      const searchParams = options.base === undefined ? {} : { base: options.base };
      return await (await request(this.#http, 'export.wxr', { searchParams })).text();
    } catch (error) {
      throw await toKithError(error);
    }
  }

  /** Changes the site's settings (features, limits, moderation, origins); returns the site. */
  updateSite(patch: SiteSettingsPatch): Promise<Site> {
    return this.#call('PATCH', 'settings', patch);
  }

  /**
   * Comments awaiting moderation on every thread, oldest first (each names its `threadKey`);
   * pass `nextCursor` back for the next page.
   */
  pending(options: { limit?: number; cursor?: string } = {}): Promise<CommentPage> {
    return this.#call('GET', 'pending', undefined, pageQuery(options));
  }

  /** Publishes a comment awaiting moderation; readers of its thread see it arrive. */
  approveComment(id: string): Promise<Comment> {
    return this.#call('POST', `comments/${encodeURIComponent(id)}/approve`);
  }

  /**
   * Removes a comment: one awaiting moderation is rejected (gone); a published one is deleted,
   * its replies staying in place.
   */
  async removeComment(id: string): Promise<void> {
    await this.#call('DELETE', `comments/${encodeURIComponent(id)}`);
  }

  /**
   * Blocks a commenter (a comment's `author.id`) from writing: comments, edits, reactions,
   * reports and RSVPs answer `user-blocked`, while they still read. `false` lets them again.
   */
  async blockUser(userId: string, blocked = true): Promise<void> {
    await this.#call('PUT', `users/${encodeURIComponent(userId)}`, { blocked });
  }

  /**
   * A copy of everything the site holds of a commenter (a comment's `author.id`): who they are
   * (email included), their comments, reactions, event answers and open reports. For their
   * request to see it.
   */
  userData(userId: string): Promise<MyData> {
    return this.#call('GET', `users/${encodeURIComponent(userId)}/data`);
  }

  /**
   * Erases a commenter (a comment's `author.id`), as the right to erasure asks: their comments
   * become tombstones (replies stay; one still waiting is gone), their reactions, event answers,
   * reports and sessions go, and their name and email are forgotten. Says how much went.
   */
  eraseUser(userId: string): Promise<ErasedUser> {
    return this.#call('DELETE', `users/${encodeURIComponent(userId)}`);
  }

  /**
   * Creates or replaces the event of a page (its thread key). Readers answer it with
   * `KithClient.rsvp`. A change calendars show raises its `sequence`; to call it off, send it again
   * with `status: 'cancelled'`, which tells calendars too.
   */
  putEvent(key: string, event: EventInput): Promise<EventInfo> {
    return this.#call('PUT', `threads/${encodeURIComponent(key)}/event`, event);
  }

  /** Removes a page's event and every answer to it (for mistakes: cancel an event people know of). */
  async deleteEvent(key: string): Promise<void> {
    await this.#call('DELETE', `threads/${encodeURIComponent(key)}/event`);
  }

  /** Closes a thread to new comments (`true`) or reopens it. */
  setThreadClosed(key: string, closed: boolean): Promise<ThreadMeta> {
    return this.#call('PUT', `threads/${encodeURIComponent(key)}`, { closed });
  }
}

export function createAdminClient(options: AdminClientOptions): KithAdminClient {
  return new KithAdminClient(options);
}
