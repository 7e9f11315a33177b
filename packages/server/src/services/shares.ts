import type { ShareCounts, ShareTarget } from '@kith/protocol';
import type { Db, Queryable } from '../db/driver.js';
import { hmac } from './secrets.js';

/**
 * First-party share counts. A click counts once per reader, network and page: a signed-in reader
 * is their user id; anyone else a keyed hash of address and browser that changes every day, so
 * nothing identifying is stored and no one can be followed from one day to the next.
 */
export class Shares {
  constructor(
    private db: Db,
    private key: () => string,
  ) {}

  visitor(userId: string | undefined, address: string, userAgent: string): string {
    if (userId) return `u:${userId}`;
    const day = new Date().toISOString().slice(0, 10);
    return `a:${hmac(this.key(), `${day}\u0000${address}\u0000${userAgent}`).slice(0, 22)}`;
  }

  async counts(siteId: string, key: string, q: Queryable = this.db): Promise<ShareCounts> {
    const rows = await q.query<{ network: string; count: number }>(
      `SELECT s.network, s.count FROM share_counts s JOIN threads t ON t.id = s.thread_id
       WHERE t.site_id = $1 AND t.key = $2 AND s.count > 0 ORDER BY s.network`,
      [siteId, key],
    );
    const counts: Record<string, number> = {};
    let total = 0;
    for (const row of rows) {
      counts[row.network] = row.count;
      total += row.count;
    }
    return { thread: key, counts, total };
  }

  async click(
    tx: Queryable,
    siteId: string,
    key: string,
    network: ShareTarget,
    visitor: string,
  ): Promise<ShareCounts> {
    const rows = await tx.query<{ counted: boolean }>(
      `WITH t AS (
         INSERT INTO threads AS t (site_id, key) VALUES ($1, $2)
         ON CONFLICT (site_id, key) DO UPDATE SET key = EXCLUDED.key RETURNING id
       ), c AS (
         INSERT INTO share_clicks (thread_id, network, visitor) SELECT t.id, $3, $4 FROM t
         ON CONFLICT DO NOTHING RETURNING thread_id
       ), n AS (
         INSERT INTO share_counts AS s (thread_id, network, count) SELECT thread_id, $3, 1 FROM c
         ON CONFLICT (thread_id, network) DO UPDATE SET count = s.count + 1 RETURNING 1
       )
       SELECT EXISTS (SELECT 1 FROM n) AS counted`,
      [siteId, key, network, visitor],
    );
    const counts = await this.counts(siteId, key, tx);
    return { ...counts, counted: rows[0]?.counted ?? false };
  }

  /** Visitor hashes older than two days can no longer match anyone: drop them. */
  async prune(): Promise<void> {
    await this.db.query(
      "DELETE FROM share_clicks WHERE created_at < now() - interval '2 days' AND visitor LIKE 'a:%'",
    );
  }
}
