import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { solveProof } from '@kith/protocol/conformance';
import { proofDifficulty } from '../src/services/proofs.js';
import { Sites } from '../src/services/sites.js';
import { databaseKind, freshDatabaseUrl, guest, json, startServer, type TestServer } from './helpers.js';

describe(`proofs of work on ${databaseKind}`, () => {
  let server: TestServer;
  let api: string;
  const challenge = async (site = server.site) =>
    (await json(`${server.url}/v1/sites/${site}/challenge`)).body;
  const post = (token: string, proof: string | undefined, headers: Record<string, string> = {}) =>
    json(`${api}/threads/${encodeURIComponent('/proofs')}/comments`, {
      method: 'POST',
      token,
      body: { markdown: 'hello' },
      headers: { ...headers, ...(proof && { 'kith-proof': proof }) },
    });

  before(async () => {
    server = await startServer({ databaseUrl: await freshDatabaseUrl() });
    api = `${server.url}/v1/sites/${server.site}`;
    const patched = await json(`${api}/admin/settings`, {
      method: 'PATCH',
      token: server.secret,
      body: { proofOfWork: 'guests', rateLimit: { comments: { max: 10000, windowSeconds: 60 } } },
    });
    assert.equal(patched.body.proofOfWork, 'guests');
  });
  after(() => server.stop());

  it('a challenge is never cached, and lands within the difficulty the server sets', async () => {
    const reply = await json(`${api}/challenge`);
    assert.equal(reply.headers.get('cache-control'), 'no-store');
    assert.equal(reply.body.parameters.cost, proofDifficulty.cost);
    assert.ok(reply.body.parameters.expiresAt > Date.now() / 1000);
    const { solution } = JSON.parse(Buffer.from(await solveProof(reply.body), 'base64').toString());
    assert.ok(
      solution.counter >= proofDifficulty.minCounter && solution.counter <= proofDifficulty.maxCounter,
    );
  });

  it('refuses a challenge that has expired', async () => {
    const ttl = proofDifficulty.ttlSeconds;
    proofDifficulty.ttlSeconds = -1;
    const stale = await challenge().finally(() => {
      proofDifficulty.ttlSeconds = ttl;
    });
    const reply = await post(await guest(server.url, server.site), await solveProof(stale));
    assert.equal(reply.status, 403);
    assert.equal(reply.body.code, 'proof-invalid');
    assert.match(reply.body.detail, /expired/);
  });

  it('refuses a challenge made for another site', async () => {
    const other = await new Sites(server.kith.db).create('other', ['http://localhost:1']);
    assert.ok(other.secret);
    const reply = await post(
      await guest(server.url, server.site),
      await solveProof(await challenge('other')),
    );
    assert.equal(reply.status, 403);
    assert.equal(reply.body.code, 'proof-invalid');
  });

  it('one proof sent with many comments at once posts exactly one of them', async () => {
    const token = await guest(server.url, server.site);
    const proof = await solveProof(await challenge());
    const replies = await Promise.all(
      Array.from({ length: 8 }, (_, i) => post(token, proof, { 'idempotency-key': `race-${i}` })),
    );
    assert.deepEqual(
      replies.map((r) => r.status).sort(),
      [201, 403, 403, 403, 403, 403, 403, 403],
      replies.map((r) => `${r.status} ${r.body.code ?? ''}`).join(),
    );
  });

  it('a failed write frees its proof: the retry with it posts', async () => {
    const token = await guest(server.url, server.site);
    const proof = await solveProof(await challenge());
    const orphan = await json(`${api}/threads/${encodeURIComponent('/proofs')}/comments`, {
      method: 'POST',
      token,
      body: { markdown: 'a reply to nothing', parentId: 'no-such-comment' },
      headers: { 'kith-proof': proof },
    });
    assert.equal(orphan.body.code, 'parent-not-found');
    assert.equal((await post(token, proof)).status, 201);
  });

  it('spent proofs are forgotten once their challenge has expired', async () => {
    const count = async () =>
      Number((await server.kith.db.query<{ n: string }>('SELECT count(*) AS n FROM used_proofs'))[0]!.n);
    assert.ok((await count()) > 0);
    await server.kith.db.query("UPDATE used_proofs SET expires_at = now() - interval '1 second'");
    await server.kith.maintain();
    assert.equal(await count(), 0);
  });
});
