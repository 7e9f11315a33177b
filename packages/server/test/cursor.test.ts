import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ProblemError } from '../src/http/problem.js';
import { RateLimiter } from '../src/http/rate-limit.js';
import { decodeCursor, encodeCursor } from '../src/services/cursor.js';

describe('cursors', () => {
  it('round-trip their position within their scope', () => {
    const cursor = encodeCursor('k', { scope: 't:1:top', seq: '42', score: 3 });
    assert.deepEqual(decodeCursor('k', cursor, 't:1:top'), { scope: 't:1:top', seq: '42', score: 3 });
  });

  it('refuse another scope, another key, and any edit', () => {
    const cursor = encodeCursor('k', { scope: 't:1:new', seq: '42' });
    const refused = (fn: () => unknown) =>
      assert.throws(fn, (e) => e instanceof ProblemError && e.code === 'invalid-cursor');
    refused(() => decodeCursor('k', cursor, 't:2:new'));
    refused(() => decodeCursor('other', cursor, 't:1:new'));
    refused(() => decodeCursor('k', `${cursor}x`, 't:1:new'));
    refused(() => decodeCursor('k', `A${cursor.slice(1)}`, 't:1:new'));
    refused(() => decodeCursor('k', 'not-a-cursor', 't:1:new'));
  });
});

describe('RateLimiter', () => {
  it('lets max hits through per window, then says how long to wait', () => {
    const limiter = new RateLimiter();
    const limit = { max: 2, windowSeconds: 10 };
    limiter.hit('a', limit, 0);
    limiter.hit('a', limit, 1000);
    assert.throws(
      () => limiter.hit('a', limit, 2000),
      (e) => e instanceof ProblemError && e.code === 'rate-limited' && e.extras.retryAfter === 8,
    );
    limiter.hit('b', limit, 2000); // other buckets are independent
    limiter.hit('a', limit, 10_000); // a new window
  });
});
