import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  databaseKind,
  freshDatabaseUrl,
  guest,
  type JsonInit,
  json,
  startServer,
  type TestServer,
} from './helpers.js';

describe(`writes on ${databaseKind}`, () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ databaseUrl: await freshDatabaseUrl() });
    await json(`${server.url}/v1/sites/${server.site}/admin/settings`, {
      method: 'PATCH',
      token: server.secret,
      body: { rateLimit: { comments: { max: 10000, windowSeconds: 60 } } },
    });
  });
  after(() => server.stop());

  it('many concurrent retries of one post, from several keys, each land exactly once', async () => {
    const token = await guest(server.url, server.site);
    const key = '/race';
    const url = `${server.url}/v1/sites/${server.site}/threads/${encodeURIComponent(key)}/comments`;
    const attempts = [];
    for (let k = 0; k < 5; k++) {
      for (let i = 0; i < 6; i++) {
        attempts.push(
          json(url, {
            method: 'POST',
            token,
            body: { markdown: `post ${k}` },
            headers: { 'idempotency-key': `key-${k}` },
          }),
        );
      }
    }
    const replies = await Promise.all(attempts);
    assert.ok(
      replies.every((r) => r.status === 201),
      replies.map((r) => r.status).join(),
    );
    assert.equal(new Set(replies.map((r) => r.body.id)).size, 5);
    const page = await json(`${server.url}/v1/sites/${server.site}/threads/${encodeURIComponent(key)}`);
    assert.equal(page.body.thread.commentCount, 5);
  });

  it('concurrent replies keep the counts of every ancestor right', async () => {
    const token = await guest(server.url, server.site);
    const key = '/counts';
    const url = `${server.url}/v1/sites/${server.site}/threads/${encodeURIComponent(key)}/comments`;
    const root = (await json(url, { method: 'POST', token, body: { markdown: 'root' } })).body.id;
    const child = (await json(url, { method: 'POST', token, body: { markdown: 'child', parentId: root } }))
      .body.id;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        json(url, { method: 'POST', token, body: { markdown: `r${i}`, parentId: i % 2 ? root : child } }),
      ),
    );
    const page = await json(`${server.url}/v1/sites/${server.site}/threads/${encodeURIComponent(key)}`);
    assert.equal(page.body.thread.commentCount, 22);
    assert.equal(page.body.comments[0].replyCount, 21);
    const sub = await json(`${server.url}/v1/sites/${server.site}/comments/${child}/replies?limit=100`);
    assert.equal(sub.body.comments.length, 10);
  });

  it('never answers 5xx to hostile input', async () => {
    const token = await guest(server.url, server.site);
    const base = `${server.url}/v1/sites/${server.site}`;
    const probes: [string, JsonInit][] = [
      [`${base}/threads/%E0%A4%A/comments`, { method: 'POST', token, body: { markdown: 'x' } }],
      [`${base}/threads/%00/comments`, { method: 'POST', token, body: { markdown: 'x' } }],
      [`${base}/threads/x?cursor=${'A'.repeat(600)}`, {}],
      [`${base}/comments/${'a'.repeat(40)}`, { method: 'PATCH', token, body: { markdown: 'x' } }],
      [
        `${base}/threads/x/comments`,
        {
          method: 'POST',
          token,
          body: '{"markdown": "\\ud800"}',
          headers: { 'content-type': 'application/json' },
        },
      ],
      [`${base}/threads/x/comments`, { method: 'POST', token, body: { markdown: 'x'.repeat(60000) } }],
      [
        `${base}/threads/x/comments`,
        {
          method: 'POST',
          token,
          body: JSON.stringify({ markdown: { $gt: '' } }),
          headers: { 'content-type': 'application/json' },
        },
      ],
      [`${base}/counts?thread=`, {}],
      [`${base}/threads/x/events?lastEventId=99999999999999999999`, {}],
    ];
    for (const [url, init] of probes) {
      const reply = await fetch(url, {
        ...init,
        headers: {
          ...(init.token && { authorization: `Bearer ${init.token}` }),
          'content-type': 'application/json',
          ...init.headers,
        },
        body:
          typeof init.body === 'string' || init.body === undefined ? init.body : JSON.stringify(init.body),
      });
      assert.ok(reply.status < 500, `${init.method ?? 'GET'} ${url} answered ${reply.status}`);
      if (reply.status >= 400) assert.match(reply.headers.get('content-type') ?? '', /problem\+json/);
      await reply.body?.cancel();
    }
  });
});
