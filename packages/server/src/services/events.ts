import type { ThreadEventType } from '@kith/protocol';
import type { Db, Queryable } from '../db/driver.js';

export const eventsChannel = 'kith_events';

/**
 * Persists one thread event inside the writing transaction. An event about a comment `waiting`
 * for approval reaches only moderators' streams and its author's. Callers hold the thread row's
 * lock (every write updates or locks it first), so within one thread ids are assigned in commit
 * order and a reader resuming after id N never misses an event that commits later with a smaller
 * id.
 */
export async function appendEvent(
  tx: Queryable,
  threadId: string,
  siteId: string,
  key: string,
  type: ThreadEventType,
  data: unknown,
  waiting?: { authorId: string | null },
): Promise<string> {
  // One round trip: the notification is delivered at commit to every instance on this database.
  const rows = await tx.query<{ id: string }>(
    `WITH e AS (
       INSERT INTO events (thread_id, type, data, for_moderators, for_author) VALUES ($1, $2, $3, $6, $7) RETURNING id
     )
     SELECT id, pg_notify($4, $5) FROM e`,
    [
      threadId,
      type,
      JSON.stringify(data),
      eventsChannel,
      JSON.stringify([siteId, key]),
      waiting !== undefined,
      waiting?.authorId ?? null,
    ],
  );
  return String(rows[0]!.id);
}

/**
 * Where a thread's event stream stands, as an SQL expression over a row of `threads` named
 * `alias`: its newest event's id, or, when every event has been pruned, the last pruned id (so a
 * stream resumed from here is not told it missed any).
 */
export function positionOf(alias: string): string {
  // The newest id by the index, not max(id): the same answer without the planner's min/max
  // rewrite, which measured a little slower on PGlite, where planning is much of a small read.
  return `greatest((SELECT id FROM events WHERE thread_id = ${alias}.id ORDER BY id DESC LIMIT 1), ${alias}.events_pruned_before - 1, 0)::text`;
}

/**
 * The newest event id this database has given out (0 before the first): an id above it comes from
 * another database, one this was restored from or a site moved from.
 */
export async function newestEventId(q: Queryable): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    'SELECT (CASE WHEN is_called THEN last_value ELSE 0 END)::text AS id FROM events_id_seq',
  );
  return row!.id;
}

/** Where a thread's event stream stands (see `positionOf`). */
export async function threadPosition(q: Queryable, threadId: string): Promise<string> {
  const [row] = await q.query<{ position: string }>(
    `SELECT ${positionOf('t')} AS position FROM threads t WHERE t.id = $1`,
    [threadId],
  );
  return row!.position;
}

type Wake = () => void;

/** Wakes the event streams of a thread when any instance commits an event for it. */
export class EventBus {
  #subscribers = new Map<string, Set<Wake>>();
  #watchers = new Set<(siteId: string, key: string) => void>();
  #missedWatchers = new Set<() => void>();
  #unlisten: (() => Promise<void>) | undefined;

  static channelKey(siteId: string, key: string): string {
    return `${siteId}\u0000${key}`;
  }

  async start(db: Db): Promise<void> {
    this.#unlisten = await db.listen(
      eventsChannel,
      (payload) => {
        try {
          const [siteId, key] = JSON.parse(payload) as [string, string];
          this.wake(siteId, key);
        } catch {
          // Not ours: ignore.
        }
      },
      () => this.#wakeAll(),
    );
  }

  /** Notifications were lost (the database connection dropped): every stream looks again. */
  #wakeAll(): void {
    for (const missed of this.#missedWatchers) missed();
    for (const set of this.#subscribers.values()) for (const wake of set) wake();
  }

  /** Also called locally after a commit, so streams wake even where notifications are slow. */
  wake(siteId: string, key: string): void {
    for (const watch of this.#watchers) watch(siteId, key);
    const set = this.#subscribers.get(EventBus.channelKey(siteId, key));
    if (set) for (const wake of set) wake();
  }

  subscribe(siteId: string, key: string, wake: Wake): () => void {
    const channel = EventBus.channelKey(siteId, key);
    let set = this.#subscribers.get(channel);
    if (!set) {
      set = new Set();
      this.#subscribers.set(channel, set);
    }
    set.add(wake);
    return () => {
      set.delete(wake);
      if (set.size === 0) this.#subscribers.delete(channel);
    };
  }

  /**
   * Hears every thread's changes (caches drop their entries here), and through `missed`, that
   * changes may have gone unheard.
   */
  watch(watcher: (siteId: string, key: string) => void, missed: () => void): void {
    this.#watchers.add(watcher);
    this.#missedWatchers.add(missed);
  }

  async stop(): Promise<void> {
    await this.#unlisten?.();
  }
}
