import type { Queryable } from '../db/driver.js';
import { ProblemError } from './problem.js';

export interface Limit {
  max: number;
  windowSeconds: number;
}

/** Fixed-window rate limits: so many hits per bucket (site, kind of write, reader) per window. */
export interface RateLimits {
  /** Counts one hit; throws rate-limited, with the seconds to wait, once `max` is passed. */
  hit(bucket: string, limit: Limit): void | Promise<void>;
  /** Gives back one hit: the request turned out to be a replay. */
  refund(bucket: string): void | Promise<void>;
  /** Forgets windows that have ended. */
  prune(): Promise<void>;
}

const refused = (retryAfter: number) =>
  new ProblemError('rate-limited', {
    detail: `Too many requests; try again in ${retryAfter} seconds.`,
    retryAfter,
  });

/** Counters in memory: right for the one process an embedded database allows. */
export class RateLimiter implements RateLimits {
  #windows = new Map<string, { count: number; resetAt: number }>();
  #sweepAt = 0;

  hit(bucket: string, limit: Limit, now = Date.now()): void {
    if (now >= this.#sweepAt) this.#sweep(now);
    let window = this.#windows.get(bucket);
    if (!window || now >= window.resetAt) {
      window = { count: 0, resetAt: now + limit.windowSeconds * 1000 };
      this.#windows.set(bucket, window);
    }
    window.count += 1;
    if (window.count > limit.max) throw refused(Math.max(1, Math.ceil((window.resetAt - now) / 1000)));
  }

  refund(bucket: string): void {
    const window = this.#windows.get(bucket);
    if (window && window.count > 0) window.count -= 1;
  }

  async prune(): Promise<void> {
    this.#sweep(Date.now());
  }

  #sweep(now: number): void {
    for (const [bucket, window] of this.#windows) if (now >= window.resetAt) this.#windows.delete(bucket);
    this.#sweepAt = now + 60_000;
  }
}

/**
 * Counters in PostgreSQL, so that instances behind a load balancer share each limit instead of
 * each allowing it in full. A hit is one statement of its own, before the write's transaction, so
 * a reader's writes do not wait on each other's commits. Time is the database's, the one clock
 * every instance shares.
 */
export class SharedRateLimiter implements RateLimits {
  constructor(private db: Queryable) {}

  async hit(bucket: string, limit: Limit): Promise<void> {
    const [row] = await this.db.query<{ hits: number; wait: number }>(
      `INSERT INTO rate_limits AS r (bucket, hits, reset_at)
       VALUES ($1, 1, now() + make_interval(secs => $2))
       ON CONFLICT (bucket) DO UPDATE SET
         hits = CASE WHEN r.reset_at <= now() THEN 1 ELSE r.hits + 1 END,
         reset_at = CASE WHEN r.reset_at <= now() THEN EXCLUDED.reset_at ELSE r.reset_at END
       RETURNING hits, ceil(extract(epoch FROM r.reset_at - now()))::integer AS wait`,
      [bucket, limit.windowSeconds],
    );
    if (row && row.hits > limit.max) throw refused(Math.max(1, row.wait));
  }

  async refund(bucket: string): Promise<void> {
    await this.db.query('UPDATE rate_limits SET hits = hits - 1 WHERE bucket = $1 AND hits > 0', [bucket]);
  }

  async prune(): Promise<void> {
    await this.db.query('DELETE FROM rate_limits WHERE reset_at <= now()');
  }
}
