import type { Site, SiteSettingsPatch, ThreadMeta } from '@kith/protocol';
import type { ClientOptions } from './client.js';
import { toKithError } from './errors.js';
import { type HttpOptions, request } from './http.js';

export interface AdminClientOptions extends Omit<ClientOptions, 'token'> {
  /** The site's secret (`ks_…`), from `kith-server site create`. Never put it in a web page. */
  secret: string;
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

  async #call<T>(method: 'PATCH' | 'PUT', path: string, json: unknown): Promise<T> {
    try {
      return (await (await request(this.#http, path, { method, json })).json()) as T;
    } catch (error) {
      throw await toKithError(error);
    }
  }

  /** Changes the site's settings (features, limits, moderation, origins); returns the site. */
  updateSite(patch: SiteSettingsPatch): Promise<Site> {
    return this.#call('PATCH', 'settings', patch);
  }

  /** Closes a thread to new comments (`true`) or reopens it. */
  setThreadClosed(key: string, closed: boolean): Promise<ThreadMeta> {
    return this.#call('PUT', `threads/${encodeURIComponent(key)}`, { closed });
  }
}

export function createAdminClient(options: AdminClientOptions): KithAdminClient {
  return new KithAdminClient(options);
}
