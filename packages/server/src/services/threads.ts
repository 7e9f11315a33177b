import type { ThreadMeta } from '@kith/protocol';
import type { Db, Queryable } from '../db/driver.js';
import { appendEvent } from './events.js';
import { type ThreadRow, threadColumns, toThreadMeta } from './rows.js';

export class Threads {
  constructor(private db: Db) {}

  /** Visible comment counts for many threads in one indexed query; unknown keys count 0. */
  async counts(siteId: string, keys: string[]): Promise<Record<string, number>> {
    const rows = await this.db.query<{ key: string; comment_count: number }>(
      'SELECT key, comment_count FROM threads WHERE site_id = $1 AND key = ANY($2)',
      [siteId, keys],
    );
    const counts: Record<string, number> = {};
    for (const key of keys) counts[key] = 0;
    for (const row of rows) counts[row.key] = row.comment_count;
    return counts;
  }

  /** Closes or reopens a thread, creating it if it has no comments yet (so it can be closed in advance). */
  async setClosed(tx: Queryable, siteId: string, key: string, closed: boolean): Promise<ThreadMeta> {
    const rows = await tx.query<ThreadRow>(
      `INSERT INTO threads (site_id, key, closed) VALUES ($1, $2, $3)
       ON CONFLICT (site_id, key) DO UPDATE SET closed = EXCLUDED.closed RETURNING ${threadColumns}`,
      [siteId, key, closed],
    );
    const thread = toThreadMeta(rows[0], key);
    await appendEvent(tx, rows[0]!.id, siteId, key, 'thread.updated', { thread });
    return thread;
  }

  async find(siteId: string, key: string): Promise<ThreadRow | undefined> {
    const rows = await this.db.query<ThreadRow>(
      `SELECT ${threadColumns} FROM threads WHERE site_id = $1 AND key = $2`,
      [siteId, key],
    );
    return rows[0];
  }
}
