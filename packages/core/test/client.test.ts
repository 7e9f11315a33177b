import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
// The reference server from source (a package dependency would make a build cycle).
import { createKith, type Kith, type Listening, listen } from '../../server/src/index.js';
import { Sites } from '../../server/src/services/sites.js';
import { createAdminClient } from '../src/admin.js';
import {
  countShare,
  countsFor,
  createClient,
  getCounts,
  getShares,
  KithError,
  previewComment,
} from '../src/index.js';

describe('KithClient against the reference server', () => {
  let kith: Kith;
  let http: Listening;
  let secret: string;

  before(async () => {
    kith = await createKith({ logLevel: 'silent' });
    secret = (await new Sites(kith.db).create('core', ['http://localhost:1'])).secret;
    http = await listen(kith, 0);
  });
  after(async () => {
    await http.close();
    await kith.close();
  });

  /** A client of the test site that keeps the address of every request it makes. */
  const recordingClient = () => {
    const asked: URL[] = [];
    const client = createClient({
      server: http.url,
      site: 'core',
      fetch: (input, init) => {
        asked.push(new URL(input instanceof Request ? input.url : String(input)));
        return fetch(input, init);
      },
    });
    return { client, asked };
  };

  it('signs in, posts, reads, edits, reacts and deletes with typed results', async () => {
    const client = createClient({ server: http.url, site: 'core' });
    const site = await client.getSite();
    assert.equal(site.protocol, 'kith/1');
    const session = await client.signInAsGuest({ name: 'Core' });
    assert.equal(client.token, session.token);
    const comment = await client.createComment('/core/a', { markdown: 'hello *there*' });
    assert.equal(comment.html, '<p>hello <em>there</em></p>');
    const reply = await client.createComment('/core/a', { markdown: 'reply', parentId: comment.id });
    const page = await client.getThread('/core/a', { sort: 'old', limit: 10 });
    assert.equal(page.thread.commentCount, 2);
    assert.equal(page.comments[0]?.replies.comments[0]?.id, reply.id);
    const edited = await client.editComment(comment.id, 'changed');
    assert.equal(edited.markdown, 'changed');
    const reaction = site.reactions[0]!;
    const state = await client.react(comment.id, reaction);
    assert.deepEqual(state.mine, [reaction]);
    const deleted = await client.deleteComment(reply.id);
    assert.equal(deleted.deleted, true);
    assert.equal((await client.getReplies(comment.id)).comments[0]?.deleted, true);
    await client.signOut();
    assert.equal(client.token, undefined);
  });

  it('asks for the page options given and no others; a limit the server refuses comes back as a problem', async () => {
    const { client, asked } = recordingClient();
    const page = await client.getThread('/core/pages', { sort: 'old', cursor: null, limit: undefined });
    assert.equal(asked.at(-1)?.search, '?sort=old');
    assert.equal(page.comments.length, 0);
    await client.getThread('/core/pages', { limit: 5, cursor: undefined });
    assert.equal(asked.at(-1)?.search, '?limit=5');
    await assert.rejects(
      client.getThread('/core/pages', { limit: 0 }),
      (error) => error instanceof KithError && error.code === 'validation-failed' && error.status === 422,
    );
    assert.equal(asked.at(-1)?.search, '?limit=0');
  });

  it('turns problem+json into KithError with its stable code', async () => {
    const client = createClient({ server: http.url, site: 'core', retries: 0 });
    await assert.rejects(client.createComment('/x', { markdown: 'no session' }), (e: unknown) => {
      return e instanceof KithError && e.code === 'unauthorized' && e.status === 401 && !e.transient;
    });
    await client.signInAsGuest({ name: 'Errs' });
    await assert.rejects(client.createComment('/x', { markdown: '   ' }), (e: unknown) => {
      return (
        e instanceof KithError &&
        e.code === 'validation-failed' &&
        e.problem?.errors?.[0]?.pointer === '/body/markdown'
      );
    });
    const missing = createClient({ server: http.url, site: 'no-such-site', retries: 0 });
    await assert.rejects(
      missing.getSite(),
      (e: unknown) => e instanceof KithError && e.code === 'site-not-found',
    );
    const down = createClient({ server: 'http://127.0.0.1:9', site: 'core', retries: 0 });
    await assert.rejects(
      down.getSite(),
      (e: unknown) => e instanceof KithError && e.code === 'network' && e.transient,
    );
  });

  it('a post whose response is lost is retried with the same Idempotency-Key and lands once', async () => {
    const keys: string[] = [];
    let lost = 0;
    // The first POST reaches the server, but its response never reaches the client.
    const flaky: typeof fetch = async (input, init) => {
      const request = new Request(input as Request, init);
      if (request.method === 'POST' && request.url.includes('/comments'))
        keys.push(request.headers.get('idempotency-key')!);
      const response = await fetch(request);
      if (request.method === 'POST' && request.url.includes('/comments') && lost++ === 0) {
        throw new TypeError('fetch failed'); // what undici says when a connection drops
      }
      return response;
    };
    const client = createClient({ server: http.url, site: 'core', fetch: flaky });
    await client.signInAsGuest({ name: 'Flaky' });
    const comment = await client.createComment('/core/flaky', { markdown: 'exactly once' });
    assert.equal(keys.length, 2, 'the client retried');
    assert.equal(keys[0], keys[1], 'with the same key');
    const page = await client.getThread('/core/flaky');
    assert.equal(page.thread.commentCount, 1);
    assert.equal(page.comments[0]?.id, comment.id);
  });

  it('counts shares once per reader and network', async () => {
    const client = createClient({ server: http.url, site: 'core' });
    await client.signInAsGuest({ name: 'Sharer' });
    assert.equal((await countShare(client, '/core/shared', 'bluesky')).counted, true);
    assert.equal((await countShare(client, '/core/shared', 'bluesky')).counted, false);
    const counts = await getShares(client, '/core/shared');
    assert.deepEqual(counts, { thread: '/core/shared', counts: { bluesky: 1 }, total: 1 });
    await assert.rejects(
      countShare(client, '/core/shared', 'myspace' as 'x'),
      (error) => error instanceof KithError && error.message.includes('/body/network'),
    );
  });

  it('comment counts for any number of threads, a request per 100; previews without posting', async () => {
    const { client, asked } = recordingClient();
    await client.signInAsGuest({ name: 'Counter' });
    await client.createComment('/core/counted', { markdown: 'one' });
    asked.length = 0;
    const keys = [
      ...Array.from({ length: 149 }, (_, i) => `/core/empty-${i}`),
      '/core/counted',
      '/core/counted',
    ];
    const counts = await getCounts(client, keys);
    assert.equal(asked.length, 2, '150 different keys: two requests');
    assert.equal(counts['/core/counted'], 1);
    assert.equal(counts['/core/empty-148'], 0);
    // Long keys: fewer per request, so no address is longer than a proxy takes.
    asked.length = 0;
    const long = Array.from({ length: 60 }, (_, i) => `/core/${'ü'.repeat(150)}-${i}`);
    const many = await getCounts(client, long);
    assert.equal(Object.keys(many).length, 60);
    assert.ok(asked.length > 1, 'one request would be far too long');
    for (const url of asked) assert.ok(url.search.length <= 6000, `${url.search.length} characters`);
    const { html } = await previewComment(client, '**bold** <script>alert(1)</script>');
    assert.match(html, /<strong>bold<\/strong>/);
    assert.doesNotMatch(html, /<script/);
    assert.equal((await client.getThread('/core/preview-only')).thread.commentCount, 0);
  });

  it('owner calls need the secret', async () => {
    const owner = createAdminClient({ server: http.url, site: 'core', secret, retries: 0 });
    const thread = await owner.setThreadClosed('/core/closed', true);
    assert.equal(thread.closed, true);
    const wrong = createAdminClient({ server: http.url, site: 'core', secret: 'ks_wrong', retries: 0 });
    await assert.rejects(wrong.setThreadClosed('/core/closed', false), (e: unknown) => {
      return e instanceof KithError && e.code === 'invalid-token';
    });
    const site = await owner.updateSite({ commentMaxLength: 5000 });
    assert.equal(site.limits.commentMaxLength, 5000);
    await assert.rejects(owner.updateSite({ commentMaxLength: 0 }), (e: unknown) => {
      return e instanceof KithError && e.code === 'validation-failed' && e.status === 422;
    });
    // The whole site as one file: the closed thread, and the comments written above.
    const exported = await owner.exportSite();
    assert.equal(exported.format, 'kith-export');
    assert.equal(exported.site, 'core');
    assert.ok(exported.threads.some((t) => t.key === '/core/closed' && t.closed));
    assert.ok(exported.threads.every((t) => t.comments.every((c) => !('html' in c))));
    await assert.rejects(
      wrong.exportSite(),
      (e: unknown) => e instanceof KithError && e.code === 'invalid-token',
    );
    // Or, to take the comments to another system, as a WordPress export.
    const wxr = await owner.exportWxr({ base: 'https://core.example' });
    assert.match(wxr, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<rss /);
    assert.match(wxr, /<link>https:\/\/core\.example\/core\/[^<]+<\/link>/);
    assert.equal(
      (wxr.match(/<wp:comment>/g) ?? []).length,
      exported.threads.flatMap((t) => t.comments).length,
    );
    await assert.rejects(
      owner.exportWxr({ base: 'https://core.example/blog/' }),
      (e: unknown) => e instanceof KithError && e.code === 'validation-failed' && /origin/.test(e.message),
    );
    await assert.rejects(
      wrong.exportWxr(),
      (e: unknown) => e instanceof KithError && e.code === 'invalid-token',
    );
  });

  it('counts asked for in one tick go out as one request', async () => {
    const { client, asked } = recordingClient();
    const store = countsFor(client);
    assert.equal(countsFor(client), store, 'one store per client');
    for (const key of ['/core/a', '/core/flaky', '/core/none']) store.want(key);
    store.want('/core/a');
    await new Promise<void>((resolve) => {
      const stop = store.$counts.listen((counts) => {
        if (Object.keys(counts).length === 3) {
          stop();
          resolve();
        }
      });
    });
    assert.equal(asked.length, 1);
    assert.deepEqual(store.$counts.get(), { '/core/a': 1, '/core/flaky': 1, '/core/none': 0 });
  });
});
