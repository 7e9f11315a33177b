import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { databaseKind, freshDatabaseUrl, startServer, type TestServer } from './helpers.js';

describe(`the HTTP server on ${databaseKind}`, () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ databaseUrl: await freshDatabaseUrl() });
  });
  after(() => server.stop());

  it('keeps idle connections open longer than a reverse proxy keeps its own (no 502 on reuse)', async () => {
    const response = await fetch(`${server.url}/v1/sites/${server.site}`);
    assert.equal(response.status, 200);
    await response.arrayBuffer();
    // nginx and cloud load balancers keep idle upstream connections 60 s: the server must keep
    // them longer, and says how long.
    const keepAlive = /timeout=(\d+)/.exec(response.headers.get('keep-alive') ?? '');
    assert.ok(keepAlive, `no Keep-Alive timeout: ${response.headers.get('keep-alive')}`);
    assert.ok(Number(keepAlive[1]) > 60, `closes idle connections after ${keepAlive[1]} s`);
  });
});
