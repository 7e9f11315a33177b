import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readEvents } from '@kith/protocol/conformance';
import pg from 'pg';
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

  it('an instance whose connection for notifications drops makes it again, and catches up', {
    skip: !postgresUrl,
  }, async () => {
    // A's streams wait a minute between looks of their own: only a notification wakes them sooner.
    const a = await startServer({ databaseUrl, site: 'dropped', keepAliveMs: 60_000 });
    const b = await startServer({ databaseUrl, site: 'dropped' });
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    const api = (server: TestServer, path: string) => `${server.url}/v1/sites/dropped${path}`;
    try {
      const reader = await guest(a.url, 'dropped', 'Reader');
      const current = () => json(api(a, '/sessions/current'), { token: reader });
      assert.equal((await current()).status, 200, 'A has the session cached now');

      // A restart, a failover or a proxy ends the LISTEN connections (every instance's here).
      const killed = await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = current_database() AND query LIKE 'LISTEN %' AND pid <> pg_backend_pid()`,
      );
      assert.ok(killed.rowCount! >= 2, `${killed.rowCount} LISTEN connections ended`);
      const listening = async () =>
        (
          await admin.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity
             WHERE datname = current_database() AND query LIKE 'LISTEN %'`,
          )
        ).rows[0].n;
      const end = Date.now() + 10_000;
      while ((await listening()) < killed.rowCount!) {
        if (Date.now() > end) assert.fail('the LISTEN connections were not made again within 10 s');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }

      // Heard again: a sign-out through B reaches A at once, not when A's cache expires (30 s).
      assert.equal((await current()).status, 200, 'A has the session cached again');
      assert.equal(
        (await json(api(b, '/sessions/current'), { method: 'DELETE', token: reader })).status,
        204,
      );
      const refused = Date.now() + 5_000;
      while ((await current()).status !== 401) {
        if (Date.now() > refused) assert.fail('A still takes the signed-out session');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }

      // And a stream on A hears a comment posted through B at once.
      const key = encodeURIComponent('/dropped');
      const writer = await guest(b.url, 'dropped', 'Writer');
      const received = await readEvents(api(a, `/threads/${key}/events`), {
        count: 1,
        timeoutMs: 5000,
        onOpen: async () => {
          const posted = await json(api(b, `/threads/${key}/comments`), {
            method: 'POST',
            token: writer,
            body: { markdown: 'after the drop' },
          });
          assert.equal(posted.status, 201);
        },
      });
      assert.equal(JSON.parse(received[0]!.data).comment.markdown, 'after the drop');
    } finally {
      await admin.end();
      await a.stop();
      await b.stop();
    }
  });
});
