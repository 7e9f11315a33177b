import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  databaseKind,
  freshDatabaseUrl,
  guest,
  json,
  postgresUrl,
  startServer,
  type TestServer,
} from './helpers.js';

const commentsOf = (server: TestServer, key: string) =>
  `${server.url}/v1/sites/${server.site}/threads/${encodeURIComponent(key)}/comments`;

const post = (server: TestServer, token: string, key: string, idempotencyKey?: string) =>
  json(commentsOf(server, key), {
    method: 'POST',
    token,
    body: { markdown: 'hello' },
    headers: idempotencyKey ? { 'idempotency-key': idempotencyKey } : {},
  });

const limitComments = (server: TestServer, max: number, windowSeconds: number) =>
  json(`${server.url}/v1/sites/${server.site}/admin/settings`, {
    method: 'PATCH',
    token: server.secret,
    body: { rateLimit: { comments: { max, windowSeconds } } },
  });

describe(`rate limits on ${databaseKind}`, () => {
  let databaseUrl: string | undefined;
  before(async () => {
    databaseUrl = await freshDatabaseUrl();
  });

  describe('on one instance', () => {
    let server: TestServer;
    before(async () => {
      server = await startServer({ databaseUrl, site: 'one' });
    });
    after(() => server.stop());

    it('refuse the write past the limit with 429 and how long to wait, and count each reader apart', async () => {
      assert.equal((await limitComments(server, 2, 60)).status, 200);
      const ada = await guest(server.url, server.site, 'Ada');
      assert.equal((await post(server, ada, '/a')).status, 201);
      assert.equal((await post(server, ada, '/b')).status, 201);
      const over = await post(server, ada, '/c');
      assert.equal(over.status, 429);
      assert.equal(over.body.type, 'urn:kith:problem:rate-limited');
      const wait = Number(over.headers.get('retry-after'));
      assert.ok(wait >= 1 && wait <= 60, `Retry-After: ${wait}`);
      // Still refused: a refused attempt does not start the window again.
      assert.equal((await post(server, ada, '/c')).status, 429);
      const grace = await guest(server.url, server.site, 'Grace');
      assert.equal((await post(server, grace, '/a')).status, 201);
    });

    it('do not count a retried write twice', async () => {
      assert.equal((await limitComments(server, 2, 60)).status, 200);
      const reader = await guest(server.url, server.site, 'Retrier');
      for (let i = 0; i < 4; i++) assert.equal((await post(server, reader, '/r', 'same-key')).status, 201);
      assert.equal((await post(server, reader, '/r', 'other-key')).status, 201);
      assert.equal((await post(server, reader, '/r', 'third-key')).status, 429);
    });

    it('answer a retry of a write that landed, even from a reader at the limit', async () => {
      assert.equal((await limitComments(server, 1, 60)).status, 200);
      const reader = await guest(server.url, server.site, 'Unlucky');
      const first = await post(server, reader, '/lost', 'landed');
      assert.equal(first.status, 201);
      assert.equal((await post(server, reader, '/lost', 'another')).status, 429);
      // The first answer was lost on the way: the retry is told what happened.
      const retry = await post(server, reader, '/lost', 'landed');
      assert.equal(retry.status, 201);
      assert.equal(retry.body.id, first.body.id);
    });

    it('let writes through again once the window has passed', async () => {
      assert.equal((await limitComments(server, 1, 1)).status, 200);
      const reader = await guest(server.url, server.site, 'Patient');
      assert.equal((await post(server, reader, '/w')).status, 201);
      assert.equal((await post(server, reader, '/w')).status, 429);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      assert.equal((await post(server, reader, '/w')).status, 201);
    });
  });

  it('are shared by every instance on one PostgreSQL database', { skip: !postgresUrl }, async () => {
    const a = await startServer({ databaseUrl, site: 'shared' });
    assert.equal((await limitComments(a, 4, 60)).status, 200);
    const b = await startServer({ databaseUrl, site: 'shared' });
    try {
      const reader = await guest(a.url, 'shared', 'Roamer');
      // Behind a load balancer, a reader's writes land on one instance, then another.
      const statuses = [];
      for (const server of [a, b, a, b, a, b]) statuses.push((await post(server, reader, '/lb')).status);
      assert.deepEqual(statuses, [201, 201, 201, 201, 429, 429]);
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});
