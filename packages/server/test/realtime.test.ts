import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readEvents } from '@kith/protocol/conformance';
import {
  databaseKind,
  freshDatabaseUrl,
  guest,
  json,
  postgresUrl,
  startServer,
  type TestServer,
} from './helpers.js';

describe(`event streams on ${databaseKind}`, () => {
  let databaseUrl: string | undefined;
  let dataDir: string | undefined;

  before(async () => {
    databaseUrl = await freshDatabaseUrl();
    // PGlite must keep its data on disk to survive a restart.
    if (!databaseUrl) dataDir = mkdtempSync(join(tmpdir(), 'kith-rt-'));
  });
  after(() => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('a client that reconnects after a server restart receives every event it missed', async () => {
    let server: TestServer = await startServer({ databaseUrl, dataDir });
    const key = '/restart';
    const token = await guest(server.url, server.site);
    const comments = `${server.url}/v1/sites/${server.site}/threads/${encodeURIComponent(key)}/comments`;
    const post = async (base: string, markdown: string) => {
      const url = comments.replace(server.url, base);
      const r = await json(url, { method: 'POST', token, body: { markdown } });
      assert.equal(r.status, 201);
      return r.body.id as string;
    };
    const events = `/v1/sites/${server.site}/threads/${encodeURIComponent(key)}/events`;
    const first = await readEvents(server.url + events, {
      count: 1,
      timeoutMs: 5000,
      onOpen: () => post(server.url, 'one').then(() => {}),
    });
    assert.equal(first.length, 1);
    const lastId = first[0]!.id!;
    // Missed while disconnected: two comments, then the server goes down and comes back.
    const missedIds = [await post(server.url, 'two'), await post(server.url, 'three')];
    await server.stop();
    server = await startServer({ databaseUrl, dataDir });
    const resumed = await readEvents(server.url + events, { lastEventId: lastId, count: 3, timeoutMs: 3000 });
    assert.deepEqual(
      resumed.map((e) => JSON.parse(e.data).comment.id),
      missedIds,
      'exactly the missed events, in order, nothing more',
    );
    await server.stop();
  });

  it('a client asking for events no longer kept is told to reload the thread', async () => {
    const server = await startServer({ databaseUrl, site: 'pruned', eventRetentionDays: 0 });
    try {
      const token = await guest(server.url, 'pruned');
      const key = '/pruned';
      const base = `${server.url}/v1/sites/pruned/threads/${encodeURIComponent(key)}`;
      const events = await readEvents(`${base}/events`, {
        count: 2,
        timeoutMs: 5000,
        onOpen: async () => {
          await json(`${base}/comments`, { method: 'POST', token, body: { markdown: 'soon gone' } });
          await json(`${base}/comments`, { method: 'POST', token, body: { markdown: 'also gone' } });
        },
      });
      assert.equal(events.length, 2);
      await server.kith.maintain();
      // Behind by one deleted event: told to reload.
      const behind = await readEvents(`${base}/events`, {
        lastEventId: events[0]!.id!,
        count: 1,
        timeoutMs: 3000,
      });
      assert.equal(behind[0]?.event, 'reset');
      assert.deepEqual(JSON.parse(behind[0]!.data), { reason: 'events-expired' });
      // Up to date: nothing was missed, so no reset either.
      const current = await readEvents(`${base}/events`, {
        lastEventId: events[1]!.id!,
        count: 1,
        timeoutMs: 1500,
      });
      assert.deepEqual(current, []);
      assert.equal((await json(`${base}?limit=1`)).body.thread.commentCount, 2);
    } finally {
      await server.stop();
    }
  });

  it('a client resuming from an id this database never gave (restored, or moved) is told to reload', async () => {
    const server = await startServer({ databaseUrl, site: 'moved' });
    try {
      const token = await guest(server.url, 'moved');
      const base = `${server.url}/v1/sites/moved/threads/${encodeURIComponent('/moved')}`;
      await json(`${base}/comments`, { method: 'POST', token, body: { markdown: 'before' } });
      let position = '';
      // The id the reader's page had on the old database, far beyond this one's.
      const resumed = await readEvents(`${base}/events`, {
        lastEventId: '900000',
        count: 2,
        timeoutMs: 5000,
        onPosition: (id) => {
          position = id;
        },
        onOpen: async () => {
          await json(`${base}/comments`, { method: 'POST', token, body: { markdown: 'after the move' } });
        },
      });
      assert.equal(resumed[0]?.event, 'reset');
      assert.deepEqual(JSON.parse(resumed[0]!.data), { reason: 'stream-restarted' });
      assert.ok(BigInt(position) < 900000n, `the stream goes on from ${position}, where this database is`);
      assert.equal(resumed[1]?.event, 'comment.created', 'what comes next is not held back');
      assert.equal(JSON.parse(resumed[1]!.data).comment.markdown, 'after the move');
    } finally {
      await server.stop();
    }
  });

  it('every instance on one PostgreSQL database serves live events written through another', {
    skip: !postgresUrl,
  }, async () => {
    const a = await startServer({ databaseUrl, site: 'fanout' });
    const b = await startServer({ databaseUrl, site: 'fanout' });
    try {
      const token = await guest(b.url, 'fanout');
      const key = '/fan-out';
      const received = await readEvents(
        `${a.url}/v1/sites/fanout/threads/${encodeURIComponent(key)}/events`,
        {
          count: 2,
          timeoutMs: 5000,
          onOpen: async () => {
            for (const markdown of ['via b', 'via b again']) {
              const r = await json(`${b.url}/v1/sites/fanout/threads/${encodeURIComponent(key)}/comments`, {
                method: 'POST',
                token,
                body: { markdown },
              });
              assert.equal(r.status, 201);
            }
          },
        },
      );
      assert.deepEqual(
        received.map((e) => JSON.parse(e.data).comment.markdown),
        ['via b', 'via b again'],
      );
    } finally {
      await a.stop();
      await b.stop();
    }
  });

  it('every instance stops taking a session at once when another blocks its user or signs it out', {
    skip: !postgresUrl,
  }, async () => {
    const a = await startServer({ databaseUrl, site: 'sessions' });
    const b = await startServer({ databaseUrl, site: 'sessions' });
    const api = (server: TestServer, path: string) => `${server.url}/v1/sites/sessions${path}`;
    // Instances cache a session for 30 s: without word from the other, A would take it that long.
    const soon = async (test: () => Promise<boolean>, what: string) => {
      const end = Date.now() + 10_000;
      while (!(await test())) {
        if (Date.now() > end) assert.fail(`${what} within 10 s (the cache would hold it 30 s)`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    try {
      const reader = await guest(a.url, 'sessions', 'Reader');
      const current = (server: TestServer) => json(api(server, '/sessions/current'), { token: reader });
      assert.equal((await current(a)).status, 200);
      assert.equal(
        (await json(api(b, '/sessions/current'), { method: 'DELETE', token: reader })).status,
        204,
      );
      await soon(async () => (await current(a)).status === 401, 'A refuses the signed-out session');

      // Last: blocking a guest also turns away new guests from here.
      const troll = (await json(api(a, '/sessions'), { method: 'POST', body: { name: 'Troll' } })).body;
      const post = () =>
        json(api(a, '/threads/%2Fsessions/comments'), {
          method: 'POST',
          token: troll.token,
          body: { markdown: 'hi' },
        });
      assert.equal((await post()).status, 201, 'A has the session cached now');
      const blocked = await json(api(b, `/admin/users/${troll.user.id}`), {
        method: 'PUT',
        token: b.secret,
        body: { blocked: true },
      });
      assert.equal(blocked.status, 204);
      await soon(async () => (await post()).status === 403, 'A refuses the blocked user');
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});
