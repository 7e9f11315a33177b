import type { ThreadPage } from '../../types.js';
import { check, expectProblem, expectStatus } from '../assert.js';
import type { Case, Suite } from '../context.js';

export function writeCases(s: Suite): Case[] {
  return [
    {
      name: 'Idempotency-Key: a retried POST returns the first result and writes once',
      async run() {
        const guest = await s.guest();
        const key = s.newThreadKey();
        const url = `${s.threadPath(key)}/comments`;
        const headers = { 'idempotency-key': `conf-${s.run}-once` };
        const first = await s.call(url, {
          method: 'POST',
          token: guest.token,
          body: { markdown: 'once' },
          headers,
        });
        const second = await s.call(url, {
          method: 'POST',
          token: guest.token,
          body: { markdown: 'once' },
          headers,
        });
        expectStatus(first, 201);
        expectStatus(second, 201);
        check(first.body.id === second.body.id, 'the retry answers with the same comment');
        const page = await s.call<ThreadPage>(s.threadPath(key));
        check(page.body.thread.commentCount === 1, `exactly one comment (${page.body.thread.commentCount})`);
      },
    },
    {
      name: 'Idempotency-Key sent concurrently: exactly one comment',
      async run() {
        const guest = await s.guest();
        const key = s.newThreadKey();
        const url = `${s.threadPath(key)}/comments`;
        const headers = { 'idempotency-key': `conf-${s.run}-race` };
        const replies = await Promise.all(
          Array.from({ length: 8 }, () =>
            s.call(url, { method: 'POST', token: guest.token, body: { markdown: 'race' }, headers }),
          ),
        );
        for (const reply of replies) expectStatus(reply, 201);
        check(
          new Set(replies.map((r) => r.body.id)).size === 1,
          'every attempt answers with the same comment',
        );
        const page = await s.call<ThreadPage>(s.threadPath(key));
        check(page.body.thread.commentCount === 1, `exactly one comment (${page.body.thread.commentCount})`);
      },
    },
    {
      name: 'Idempotency-Key reused for another request: 422; malformed key: 400',
      async run() {
        const guest = await s.guest();
        const url = `${s.threadPath(s.newThreadKey())}/comments`;
        const headers = { 'idempotency-key': `conf-${s.run}-reuse` };
        expectStatus(
          await s.call(url, { method: 'POST', token: guest.token, body: { markdown: 'one' }, headers }),
          201,
        );
        expectProblem(
          await s.call(url, { method: 'POST', token: guest.token, body: { markdown: 'two' }, headers }),
          'idempotency-key-reused',
          422,
        );
        for (const bad of ['has space', 'x'.repeat(256)]) {
          expectProblem(
            await s.call(url, {
              method: 'POST',
              token: guest.token,
              body: { markdown: 'three' },
              headers: { 'idempotency-key': bad },
            }),
            'invalid-idempotency-key',
            400,
          );
        }
      },
    },
    {
      name: 'a failed write can be retried with the same key',
      async run() {
        const guest = await s.guest();
        const key = s.newThreadKey();
        const url = `${s.threadPath(key)}/comments`;
        const headers = { 'idempotency-key': `conf-${s.run}-retry` };
        expectProblem(
          await s.call(url, {
            method: 'POST',
            token: guest.token,
            body: { markdown: 'x', parentId: 'missing00' },
            headers,
          }),
          'parent-not-found',
          404,
        );
        expectProblem(
          await s.call(url, {
            method: 'POST',
            token: guest.token,
            body: { markdown: 'x', parentId: 'missing00' },
            headers,
          }),
          'parent-not-found',
          404,
        );
      },
    },
    {
      name: 'rate limit exceeded: 429 with Retry-After',
      async run() {
        const before = await s.site();
        await s.admin({ rateLimit: { comments: { max: 3, windowSeconds: 60 } } });
        try {
          const guest = await s.guest();
          const key = s.newThreadKey();
          for (let i = 0; i < 3; i++) await s.post(key, guest.token, `fast ${i}`);
          const over = await s.call(`${s.threadPath(key)}/comments`, {
            method: 'POST',
            token: guest.token,
            body: { markdown: 'too fast' },
          });
          expectProblem(over, 'rate-limited', 429);
          const retryAfter = Number(over.headers.get('retry-after'));
          check(
            Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60,
            `Retry-After is ${over.headers.get('retry-after')}`,
          );
          const page = await s.call<ThreadPage>(s.threadPath(key));
          check(page.body.thread.commentCount === 3, 'the refused comment was not stored');
          const other = await s.guest();
          await s.post(key, other.token, 'someone else is not limited');
        } finally {
          await s.admin({ rateLimit: { comments: before.limits.rateLimit.comments } });
        }
      },
    },
  ];
}
