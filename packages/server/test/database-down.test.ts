import assert from 'node:assert/strict';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { freshDatabaseUrl, postgresUrl, startServer, type TestServer } from './helpers.js';

/**
 * The network between the server and PostgreSQL, which a test can cut: while down, every
 * connection through it is dropped and new ones are refused, as when the database restarts, fails
 * over or its host goes away.
 */
async function cuttableLink(
  target: URL,
): Promise<{ port: number; cut(): Promise<void>; mend(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  const open = () =>
    new Promise<number>((resolve) => {
      server = createServer((inbound) => {
        const outbound = connect(Number(target.port), target.hostname);
        for (const socket of [inbound, outbound]) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => {});
        }
        inbound.pipe(outbound).pipe(inbound);
      });
      server.listen(port, '127.0.0.1', () => resolve((server!.address() as { port: number }).port));
    });
  let port = 0;
  port = await open();
  return {
    port,
    async cut() {
      if (!server?.listening) return;
      await new Promise<void>((done) => {
        server!.close(() => done());
        for (const socket of sockets) socket.destroy();
      });
    },
    async mend() {
      if (!server?.listening) await open();
    },
  };
}

describe('the server on PostgreSQL while the database cannot be reached', { skip: !postgresUrl }, () => {
  let server: TestServer;
  let link: Awaited<ReturnType<typeof cuttableLink>>;
  before(async () => {
    const database = (await freshDatabaseUrl())!;
    link = await cuttableLink(new URL(database));
    const linked = new URL(database);
    linked.hostname = '127.0.0.1';
    linked.port = String(link.port);
    server = await startServer({ databaseUrl: linked.toString() });
  });
  after(async () => {
    await link.mend();
    await server.stop();
    await link.cut();
  });

  it('answers 503 with Retry-After (not 500) while it cannot, and serves again once it can', async () => {
    const counts = `${server.url}/v1/sites/${server.site}/counts?thread=/down`;
    assert.equal((await fetch(counts)).status, 200);

    await link.cut();
    for (const url of [counts, `${server.url}/healthz`]) {
      const reply = await fetch(url);
      assert.equal(reply.status, 503, url);
      assert.equal(reply.headers.get('retry-after'), '5');
      assert.equal(reply.headers.get('content-type'), 'application/problem+json');
      const problem = (await reply.json()) as { code: string; detail: string };
      assert.equal(problem.code, 'unavailable');
      assert.match(problem.detail, /database/);
      assert.doesNotMatch(
        JSON.stringify(problem),
        /127\.0\.0\.1|postgres/i,
        'nothing of where the database is',
      );
    }

    await link.mend();
    const reply = await fetch(counts);
    assert.equal(reply.status, 200);
    assert.deepEqual(await reply.json(), { counts: { '/down': 0 } });
  });
});
