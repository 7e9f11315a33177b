import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { databaseKind, freshDatabaseUrl, guest, json, startServer, type TestServer } from './helpers.js';

interface AtomEntry {
  id: string;
  title: string;
  author: { name: string };
  published: string;
  updated: string;
  link?: { '@_href': string };
  content: { '#text': string; '@_type': string };
}

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' });

describe(`Atom feeds on ${databaseKind}`, () => {
  let server: TestServer;
  const ids: Record<string, string> = {};
  let token: string;
  const feed = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.url}/v1/sites/${server.site}/${path}`, { headers });
    const text = await response.text();
    return { response, text };
  };
  const entries = (text: string): AtomEntry[] => {
    assert.equal(XMLValidator.validate(text), true, 'well-formed XML');
    return parser.parse(text).feed.entry ?? [];
  };

  const post = async (name: string, key: string, markdown: string, parentId?: string) => {
    const reply = await json(
      `${server.url}/v1/sites/${server.site}/threads/${encodeURIComponent(key)}/comments`,
      { method: 'POST', token, body: { markdown, ...(parentId && { parentId }) } },
    );
    assert.equal(reply.status, 201);
    ids[name] = reply.body.id;
    await new Promise((r) => setTimeout(r, 5)); // distinct times
  };

  before(async () => {
    server = await startServer({ databaseUrl: await freshDatabaseUrl(), origins: ['https://blog.example'] });
    const base = `${server.url}/v1/sites/${server.site}`;
    token = await guest(server.url, server.site, 'Ann & <Co>');
    await post('first', '/posts/feed', 'First & <script>alert(1)</script> **bold**\u0007');
    await post('reply', '/posts/feed', 'A reply', ids.first);
    await post('third', '/posts/feed', 'Third');
    await post('gone', '/posts/feed', 'Deleted soon');
    await json(`${base}/comments/${ids.gone}`, { method: 'DELETE', token });
    await json(`${base}/comments/${ids.third}`, {
      method: 'PATCH',
      token,
      body: { markdown: 'Third, edited' },
    });
    await json(`${base}/admin/settings`, {
      method: 'PATCH',
      token: server.secret,
      body: { moderation: 'pre' },
    });
    await post('waiting', '/posts/feed', 'Not yet');
    await json(`${base}/admin/settings`, {
      method: 'PATCH',
      token: server.secret,
      body: { moderation: 'none' },
    });
    await post('other', '/posts/other', 'Elsewhere');
  });
  after(() => server.stop());

  it('a thread’s feed: its published comments, replies included, newest first, escaped, linked to the page', async () => {
    const { response, text } = await feed(`threads/${encodeURIComponent('/posts/feed')}/feed.atom`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/atom+xml; charset=utf-8');
    assert.match(response.headers.get('cache-control')!, /max-age=60/);
    const list = entries(text);
    assert.deepEqual(
      list.map((e) => e.id),
      [ids.third, ids.reply, ids.first].map((id) => `urn:kith:comment:${server.site}:${id}`),
      'deleted and waiting comments are left out',
    );
    const [third, , first] = list;
    assert.equal(first!.author.name, 'Ann & <Co>');
    assert.equal(first!.title, 'Ann & <Co>');
    assert.equal(first!.link!['@_href'], `https://blog.example/posts/feed#kith-comment-${ids.first}`);
    // The comment's sanitized HTML, as text inside the XML: the script is text, never markup.
    assert.equal(first!.content['@_type'], 'html');
    assert.match(first!.content['#text'], /<strong>bold<\/strong>/);
    assert.match(first!.content['#text'], /&lt;script&gt;/);
    assert.doesNotMatch(text, /<script/);
    assert.ok(!text.includes('\u0007'), 'no character XML forbids');
    assert.ok(third!.updated > third!.published, 'an edit updates the entry');
    const doc = parser.parse(text).feed;
    assert.equal(doc['@_xmlns'], 'http://www.w3.org/2005/Atom');
    assert.equal(doc.updated, third!.updated);
    assert.equal(doc.link['@_href'], 'https://blog.example/posts/feed');
  });

  it('the site’s feed mixes threads, each entry naming its thread; an unknown thread is an empty feed', async () => {
    const { response, text } = await feed('feed.atom');
    assert.equal(response.status, 200);
    const list = entries(text);
    assert.deepEqual(
      list.map((e) => e.id.split(':').at(-1)),
      [ids.other, ids.third, ids.reply, ids.first],
    );
    assert.equal(list[0]!.title, 'Ann & <Co> · /posts/other');
    const empty = await feed(`threads/${encodeURIComponent('/posts/nothing')}/feed.atom`);
    assert.equal(empty.response.status, 200);
    assert.deepEqual(entries(empty.text), []);
    const missing = await fetch(`${server.url}/v1/sites/nope/feed.atom`);
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as { code: string }).code, 'site-not-found');
  });

  it('answers a feed reader that has the latest feed with an empty 304, and a changed feed in full', async () => {
    const path = `threads/${encodeURIComponent('/posts/feed')}/feed.atom`;
    const first = await feed(path);
    const etag = first.response.headers.get('etag')!;
    assert.match(etag, /^"[\w-]+"$/, 'a strong ETag');
    const ask = (tag: string) => feed(path, { 'if-none-match': tag });
    const same = await ask(etag);
    assert.equal(same.response.status, 304);
    assert.equal(same.text, '');
    assert.equal(same.response.headers.get('etag'), etag);
    assert.equal(
      (await ask(`"other", W/${etag}`)).response.status,
      304,
      'a list, and the weak form, match too',
    );
    assert.equal((await ask('"stale"')).response.status, 200);

    await post('late', '/posts/feed', 'Something new');
    const changed = await ask(etag);
    assert.equal(changed.response.status, 200, 'a new comment changes the feed');
    assert.notEqual(changed.response.headers.get('etag'), etag);
    assert.match(changed.text, /Something new/);
  });
});
