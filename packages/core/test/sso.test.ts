import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
// The reference server from source (a package dependency would make a build cycle).
import { createKith, type Kith, type Listening, listen } from '../../server/src/index.js';
import { Sites } from '../../server/src/services/sites.js';
import { createAdminClient } from '../src/admin.js';
import { createClient, type KithError } from '../src/index.js';
import { SessionStore } from '../src/thread/session.js';
import { signInWithSso } from '../src/thread/sso.js';
import { memoryStorage } from './memory-storage.js';

/** A token as the site's own server signs one (HS256 with the site's SSO secret). */
function sign(claims: Record<string, unknown>, secret: string): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const head = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ exp: Math.floor(Date.now() / 1000) + 600, ...claims })}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

describe('single sign-on against the reference server', () => {
  let kith: Kith;
  let http: Listening;
  let secret: string;
  const calls: string[] = [];
  const reader = (storage = memoryStorage()) => {
    const counting: typeof fetch = (input, init) => {
      calls.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname.split('/blog/')[1]}`);
      return fetch(input, init);
    };
    return new SessionStore(
      createClient({ server: http.url, site: 'blog', retries: 0, fetch: counting }),
      storage,
    );
  };

  before(async () => {
    kith = await createKith({ logLevel: 'silent' });
    const site = await new Sites(kith.db).create('blog', ['http://localhost:1']);
    http = await listen(kith, 0);
    const owner = createAdminClient({ server: http.url, site: 'blog', secret: site.secret });
    await owner.updateSite({ sso: true, rateLimit: { sessions: { max: 1000, windowSeconds: 60 } } });
    secret = (await owner.settings()).sso!.secret;
  });
  after(async () => {
    await http.close();
    await kith.close();
  });

  it('signs the reader in once, however many elements ask, and not again for the same reader', async () => {
    calls.length = 0;
    const storage = memoryStorage();
    const session = reader(storage);
    const token = sign({ sub: 'u1', name: 'Zoë Ünal' }, secret);
    const [a, b] = await Promise.all([signInWithSso(session, token), signInWithSso(session, token)]);
    assert.deepEqual(calls, ['POST sessions/sso'], 'one exchange');
    assert.equal(a?.user.kind, 'sso');
    assert.equal(a?.user.name, 'Zoë Ünal');
    assert.equal(b?.token, a?.token);

    // The next page, a fresh token for the same reader: the stored session is kept.
    const later = reader(storage);
    const again = await signInWithSso(later, sign({ sub: 'u1', name: 'Zoë Ünal', iat: 1 }, secret));
    assert.equal(again?.token, a?.token);
    assert.deepEqual(calls, ['POST sessions/sso'], 'no second exchange');
    await later.client.getSession();
  });

  it('follows the site: another reader replaces the first, an empty token signs out, a guest stays', async () => {
    const storage = memoryStorage();
    const session = reader(storage);
    const first = await signInWithSso(session, sign({ sub: 'u2', name: 'Ann' }, secret));
    const renamed = await signInWithSso(session, sign({ sub: 'u2', name: 'Ann B.' }, secret));
    assert.equal(renamed?.user.name, 'Ann B.', 'a new name from the site is taken');
    assert.equal(renamed?.user.id, first?.user.id);
    const other = await signInWithSso(session, sign({ sub: 'u3', name: 'Bo' }, secret));
    assert.equal(other?.user.name, 'Bo');
    const firstClient = createClient({ server: http.url, site: 'blog', token: renamed!.token, retries: 0 });
    await assert.rejects(firstClient.getSession(), (e: KithError) => e.code === 'invalid-token', 'revoked');

    assert.equal(await signInWithSso(session, ''), null, 'signed out with the site');
    assert.equal(session.$session.get(), null);

    const guest = await session.signInAsGuest({ name: 'Guest' });
    assert.equal(
      (await signInWithSso(session, ''))?.token,
      guest.token,
      'a guest is not the site’s to sign out',
    );
  });

  it('a moderator the site demotes moderates no more, on this device and every other', async () => {
    const phone = reader();
    const laptop = reader();
    const named = sign({ sub: 'u6', name: 'Mo', moderator: true }, secret);
    assert.equal((await signInWithSso(phone, named))?.moderator, true);
    assert.equal((await signInWithSso(laptop, named))?.moderator, true);
    // The site's next page names the same reader without the right.
    const demoted = await signInWithSso(phone, sign({ sub: 'u6', name: 'Mo' }, secret));
    assert.equal(demoted?.moderator, undefined);
    assert.equal((await laptop.client.getSession()).moderator, undefined, 'the other session follows');
    const named2 = await signInWithSso(phone, sign({ sub: 'u6', name: 'Mo', moderator: true }, secret));
    assert.equal(named2?.moderator, true, 'and named again');
  });

  it('a refused token rejects with why, and never leaves another reader signed in', async () => {
    const session = reader();
    await signInWithSso(session, sign({ sub: 'u4', name: 'Cy' }, secret));
    await assert.rejects(
      signInWithSso(session, sign({ sub: 'u5', name: 'Di' }, 'not the secret')),
      (e: KithError) => e.code === 'invalid-token' && /signature/.test(e.message),
    );
    assert.equal(session.$session.get(), null);
    await assert.rejects(signInWithSso(session, 'garbage'), (e: KithError) => e.code === 'invalid-token');
  });
});
