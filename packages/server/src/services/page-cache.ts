import type { SharedPage } from './comments.js';
import { EventBus } from './events.js';

/**
 * The shared part of thread pages (serialized), the hot path of every page view; a signed-in
 * reader's own state is added per request.
 * An entry is dropped as soon as its thread changes: every write wakes the thread's channel on the
 * event bus (locally at commit, and on other instances through LISTEN/NOTIFY), which calls
 * `invalidate`. `ttlMs` bounds how stale an entry can get should a notification ever be lost.
 */
export class PageCache {
  #entries = new Map<string, { page: SharedPage; at: number; channel: string }>();
  #byThread = new Map<string, Set<string>>();
  /** Bumped by every invalidation, so a page read before a write cannot be stored after it. */
  #versions = new Map<string, number>();
  #epoch = 0;

  constructor(
    private maxEntries = 2000,
    private ttlMs = 60_000,
  ) {}

  get(siteId: string, key: string, variant: string): SharedPage | undefined {
    const id = `${EventBus.channelKey(siteId, key)}\u0000${variant}`;
    const entry = this.#entries.get(id);
    if (!entry) return undefined;
    if (Date.now() - entry.at > this.ttlMs) {
      this.#delete(id);
      return undefined;
    }
    return entry.page;
  }

  /** Take before reading the database; pass to `set`. */
  version(siteId: string, key: string): string {
    return `${this.#epoch}:${this.#versions.get(EventBus.channelKey(siteId, key)) ?? 0}`;
  }

  set(siteId: string, key: string, variant: string, page: SharedPage, version: string): void {
    const channel = EventBus.channelKey(siteId, key);
    if (version !== this.version(siteId, key)) return; // the thread changed while it was read
    const id = `${channel}\u0000${variant}`;
    if (this.#entries.size >= this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#delete(oldest);
    }
    this.#entries.set(id, { page, at: Date.now(), channel });
    let ids = this.#byThread.get(channel);
    if (!ids) {
      ids = new Set();
      this.#byThread.set(channel, ids);
    }
    ids.add(id);
  }

  invalidate(siteId: string, key: string): void {
    const channel = EventBus.channelKey(siteId, key);
    if (this.#versions.size > 100_000) {
      this.#versions.clear();
      this.#epoch += 1;
    }
    this.#versions.set(channel, (this.#versions.get(channel) ?? 0) + 1);
    const ids = this.#byThread.get(channel);
    if (!ids) return;
    for (const id of ids) this.#entries.delete(id);
    this.#byThread.delete(channel);
  }

  /** Drops everything of a site (its settings changed: page size, reactions). */
  invalidateSite(siteId: string): void {
    this.#epoch += 1;
    for (const [id, entry] of this.#entries) {
      if (entry.channel.startsWith(`${siteId}\u0000`)) this.#delete(id);
    }
  }

  /** Drops everything (changes may have gone unheard). */
  clear(): void {
    this.#epoch += 1;
    this.#versions.clear();
    this.#entries.clear();
    this.#byThread.clear();
  }

  #delete(id: string): void {
    const entry = this.#entries.get(id);
    if (!entry) return;
    this.#entries.delete(id);
    const ids = this.#byThread.get(entry.channel);
    ids?.delete(id);
    if (ids?.size === 0) this.#byThread.delete(entry.channel);
  }
}
