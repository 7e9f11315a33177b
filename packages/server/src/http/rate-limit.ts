import { ProblemError } from './problem.js';

/**
 * Fixed-window counters in memory, per instance. Enough for one machine; behind a load balancer
 * each instance enforces the limit on its own share.
 */
export class RateLimiter {
  #windows = new Map<string, { count: number; resetAt: number }>();
  #sweepAt = 0;

  /** Counts one hit; throws rate-limited with the seconds to wait once `max` is passed. */
  hit(bucket: string, limit: { max: number; windowSeconds: number }, now = Date.now()): void {
    if (now >= this.#sweepAt) this.#sweep(now);
    let window = this.#windows.get(bucket);
    if (!window || now >= window.resetAt) {
      window = { count: 0, resetAt: now + limit.windowSeconds * 1000 };
      this.#windows.set(bucket, window);
    }
    window.count += 1;
    if (window.count > limit.max) {
      const retryAfter = Math.max(1, Math.ceil((window.resetAt - now) / 1000));
      throw new ProblemError('rate-limited', {
        detail: `Too many requests; try again in ${retryAfter} seconds.`,
        retryAfter,
      });
    }
  }

  /** Gives back one hit (the request turned out to be a replay). */
  refund(bucket: string): void {
    const window = this.#windows.get(bucket);
    if (window && window.count > 0) window.count -= 1;
  }

  #sweep(now: number): void {
    for (const [bucket, window] of this.#windows) if (now >= window.resetAt) this.#windows.delete(bucket);
    this.#sweepAt = now + 60_000;
  }
}
