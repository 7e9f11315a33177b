import type { Counts } from '@kith/protocol';
import { atom, map } from 'nanostores';
import type { KithClient } from './client.js';
import { perClient } from './clients.js';
import { KithError, toKithError } from './errors.js';
import { siteJson } from './site-call.js';

/** Keys per request at most: the protocol's `countsBatchMax`. */
const keysPerRequest = 100;
/**
 * A query's length at most: proxies refuse longer request lines (nginx's default is 8 KB for the
 * whole line), and Node 16 KB for the line and headers together.
 */
const queryLength = 6000;

/**
 * Comment counts for many threads, by thread key: one request per 100 keys, or fewer where long
 * keys would make an address no proxy passes. Apart from `KithClient`, so pages that only read a
 * thread never carry it.
 */
export async function getCounts(
  client: KithClient,
  keys: string[],
  options: { signal?: AbortSignal } = {},
): Promise<Record<string, number>> {
  const unique = [...new Set(keys)];
  const counts: Record<string, number> = {};
  for (let i = 0; i < unique.length; ) {
    const searchParams = new URLSearchParams();
    const batch: string[] = [];
    for (let length = 0; i < unique.length && batch.length < keysPerRequest; i++) {
      const key = unique[i]!;
      length += new URLSearchParams({ thread: key }).toString().length + 1;
      if (batch.length && length > queryLength) break; // this key starts the next request
      searchParams.append('thread', key);
      batch.push(key);
    }
    const page = await siteJson<Counts | null>(client, 'counts', 'get', undefined, {
      searchParams,
      signal: options.signal,
    });
    // A thread the answer leaves out has no comments; anything but a count is not a Kith answer
    // (a `server` that is some other API), which would otherwise leave its elements loading.
    const answered = page?.counts;
    const notCounts = () =>
      new KithError('bad-response', 'The server did not answer with counts: is it a Kith server?');
    if (!answered || typeof answered !== 'object' || Array.isArray(answered)) throw notCounts();
    for (const key of batch) {
      const count: unknown = Object.hasOwn(answered, key) ? answered[key] : 0;
      if (!Number.isSafeInteger(count) || (count as number) < 0) throw notCounts();
      counts[key] = count as number;
    }
  }
  return counts;
}

/**
 * Comment counts for every thread a page asks about, fetched together: keys wanted in the same
 * tick go out in one request. Elements subscribe to `$counts`; a key is absent until loaded.
 */
export class CountsStore {
  readonly $counts = map<Record<string, number>>({});
  readonly $error = atom<KithError | null>(null);
  #pending = new Set<string>();
  #inflight = new Set<string>();
  /** Keys whose last request failed: asked for again only by `retry()` or `refresh()`. */
  #failed = new Set<string>();
  #scheduled = false;

  constructor(private client: KithClient) {}

  /** Asks for `key`'s count; batched with every other key asked for in this tick. */
  want(key: string): void {
    if (
      key in this.$counts.get() ||
      this.#inflight.has(key) ||
      this.#failed.has(key) ||
      this.#pending.has(key)
    ) {
      return;
    }
    this.#pending.add(key);
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      void this.#flush();
    });
  }

  /** Fetches again every key asked for so far (after an error, or to refresh). */
  refresh(): Promise<void> {
    for (const key of Object.keys(this.$counts.get())) this.#pending.add(key);
    return this.retry();
  }

  /** Asks again for the keys whose last request failed. */
  retry(): Promise<void> {
    for (const key of this.#failed) this.#pending.add(key);
    this.#failed.clear();
    return this.#flush();
  }

  async #flush(): Promise<void> {
    const keys = [...this.#pending];
    if (keys.length === 0) return;
    this.#pending.clear();
    for (const key of keys) this.#inflight.add(key);
    try {
      const counts = await getCounts(this.client, keys);
      this.$error.set(null);
      for (const [key, count] of Object.entries(counts)) this.$counts.setKey(key, count);
    } catch (error) {
      for (const key of keys) this.#failed.add(key);
      this.$error.set(await toKithError(error));
    } finally {
      for (const key of keys) this.#inflight.delete(key);
    }
  }
}

/** The page-wide counts store of a client: every count element of a page shares it. */
export const countsFor = perClient((client) => new CountsStore(client));
