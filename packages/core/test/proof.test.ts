import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
// The reference server from source (a package dependency would make a build cycle).
import { createKith, type Kith, type Listening, listen } from '../../server/src/index.js';
import { proofDifficulty } from '../../server/src/services/proofs.js';
import { Sites } from '../../server/src/services/sites.js';
import { createAdminClient } from '../src/admin.js';
import { createClient, type KithError } from '../src/index.js';
import { prove } from '../src/proof.js';
import { Outbox, Prover, readDraft, SessionStore } from '../src/thread/index.js';
import { memoryStorage } from './memory-storage.js';

describe('proofs of work against the reference server', () => {
  let kith: Kith;
  let http: Listening;
  before(async () => {
    kith = await createKith({ logLevel: 'silent' });
    const { secret } = await new Sites(kith.db).create('blog', ['http://localhost:1']);
    http = await listen(kith, 0);
    await createAdminClient({ server: http.url, site: 'blog', secret }).updateSite({
      proofOfWork: 'everyone',
    });
  });
  after(async () => {
    await http.close();
    await kith.close();
  });

  it('prove(client) gives the proof createComment needs; without it the server says proof-required', async () => {
    const client = createClient({ server: http.url, site: 'blog', retries: 0 });
    client.setToken((await client.signInAsGuest({ name: 'Dev' })).token);
    await assert.rejects(client.createComment('/p', { markdown: 'no proof' }), (e: KithError) => {
      assert.equal(e.code, 'proof-required');
      return true;
    });
    const comment = await client.createComment('/p', { markdown: 'proven' }, { proof: await prove(client) });
    assert.equal(comment.markdown, 'proven');
  });

  it('a page without Web Crypto (not https) cannot solve one: the comment is refused, its text kept', async () => {
    const storage = memoryStorage();
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'crypto')!;
    const real = globalThis.crypto;
    // What an http page has: random values, no SubtleCrypto. Put in place once the challenge has
    // arrived, since the server in this process needs the real one to make it.
    const insecure = {
      randomUUID: () => real.randomUUID(),
      getRandomValues: real.getRandomValues.bind(real),
    };
    const pageFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (String(input instanceof Request ? input.url : input).endsWith('/challenge')) {
        await response.clone().arrayBuffer();
        Object.defineProperty(globalThis, 'crypto', { value: insecure, configurable: true });
      }
      return response;
    };
    const client = createClient({ server: http.url, site: 'blog', retries: 0, fetch: pageFetch });
    await new SessionStore(client, storage).signInAsGuest({ name: 'Insecure' });
    const outbox = new Outbox(client, storage);
    outbox.prover.needed = true;
    const refused = new Promise<KithError>((resolve) =>
      outbox.listen({ refused: (_, error) => resolve(error) }),
    );
    try {
      outbox.post('/p', 'kept text');
      assert.equal((await refused).code, 'proof-unsupported');
    } finally {
      Object.defineProperty(globalThis, 'crypto', descriptor);
    }
    assert.equal(outbox.$entries.get().length, 0);
    assert.equal(readDraft(storage, client, '/p', 'new'), 'kept text');
    outbox.dispose();
  });

  it('a proof solved long before the post (its challenge about to expire) is replaced, not sent to be refused', async () => {
    const challenges: string[] = [];
    const counting: typeof fetch = (input, init) => {
      if (String(input instanceof Request ? input.url : input).endsWith('/challenge')) challenges.push('x');
      return fetch(input, init);
    };
    const client = createClient({ server: http.url, site: 'blog', retries: 0, fetch: counting });
    client.setToken((await client.signInAsGuest({ name: 'Slow writer' })).token);
    const prover = new Prover(client);
    prover.needed = true;
    const ttl = proofDifficulty.ttlSeconds;
    proofDifficulty.ttlSeconds = 20; // as if the reader began writing nine and a half minutes ago
    try {
      prover.prepare();
      const proof = await prover.take();
      assert.equal(challenges.length, 2, 'solved again before sending');
      proofDifficulty.ttlSeconds = ttl;
      const comment = await client.createComment('/slow', { markdown: 'at last' }, { proof });
      assert.equal(comment.markdown, 'at last');
    } finally {
      proofDifficulty.ttlSeconds = ttl;
    }
    prover.needed = false;
    assert.equal(await prover.take(), undefined, 'nothing is solved where none is needed');
    assert.equal(challenges.length, 2);
  });
});
