import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { databaseKind, freshDatabaseUrl, json, startServer, type TestServer } from './helpers.js';

describe(`erasing a commenter (${databaseKind})`, () => {
  let server: TestServer;
  const api = (path: string) => `${server.url}/v1/sites/${server.site}${path}`;
  const owner = (path: string, method: string, body?: unknown) =>
    json(api(path), { method, token: server.secret, body });
  const newGuest = async (name: string) =>
    (
      await json(api('/sessions'), {
        method: 'POST',
        body: { name },
        headers: { 'x-forwarded-for': '192.0.2.9' },
      })
    ).body;
  const inDays = (days: number, hours = 0) =>
    new Date(Date.now() + (days * 24 + hours) * 3_600_000).toISOString();

  before(async () => {
    server = await startServer({ databaseUrl: await freshDatabaseUrl(), trustProxy: true });
  });
  after(() => server.stop());

  it('gives their seat to the line, drops what the page’s events said of them, and leaves no row of theirs', async () => {
    const key = '/erase/meetup';
    const path = `/threads/${encodeURIComponent(key)}`;
    const put = await owner(`/admin/threads/${encodeURIComponent(key)}/event`, 'PUT', {
      title: 'Small meetup',
      start: inDays(20),
      end: inDays(20, 2),
      timeZone: 'Europe/Berlin',
      capacity: 1,
    });
    assert.equal(put.status, 201);
    const gone = await newGuest('Seat Taker');
    const waiting = await newGuest('Next In Line');
    const answer = (token: string) =>
      json(api(`${path}/event/rsvp`), { method: 'PUT', token, body: { response: 'going' } });
    assert.equal((await answer(gone.token)).body.mine.waitlisted, false);
    assert.equal((await answer(waiting.token)).body.mine.waitlisted, true);
    // Written with an Idempotency-Key (its answer kept for retries), clicked a share button, and
    // blocked once, so every table that names them holds something.
    const comment = await json(api(`${path}/comments`), {
      method: 'POST',
      token: gone.token,
      headers: { 'idempotency-key': 'erase-test-key-1' },
      body: { markdown: 'I will be forgotten' },
    });
    assert.equal(comment.status, 201);
    await json(api(`${path}/shares`), { method: 'POST', token: gone.token, body: { network: 'x' } });
    await owner('/admin/settings', 'PATCH', { moderation: 'pre' });
    const held = await json(api(`${path}/comments`), {
      method: 'POST',
      token: gone.token,
      body: { markdown: 'Held, and forgotten' },
    });
    assert.equal(held.body.status, 'pending');
    await owner('/admin/settings', 'PATCH', { moderation: 'none' });
    assert.equal((await owner(`/admin/users/${gone.user.id}`, 'PUT', { blocked: true })).status, 204);
    // A webhook delivery about their comment, still to be sent.
    await server.kith.db.query(
      `INSERT INTO webhook_deliveries (site_id, message_id, type, body) VALUES ($1, 'msg_erase', 'comment.created', $2)`,
      [server.site, JSON.stringify({ type: 'comment.created', data: { comment: comment.body } })],
    );

    const erased = await owner(`/admin/users/${gone.user.id}`, 'DELETE');
    assert.equal(erased.status, 200);
    assert.deepEqual(erased.body, { comments: 2, reactions: 0, answers: 1, reports: 0 });

    const event = (await json(api(`${path}/event`), { token: waiting.token })).body;
    assert.equal(event.mine.waitlisted, false, 'the next in line has the seat');
    assert.equal(event.rsvp.going, 1);
    assert.deepEqual(
      event.attendees.map((a: { name: string }) => a.name),
      ['Next In Line'],
    );
    const { db } = server.kith;
    const left = async (sql: string, params: unknown[]) => (await db.query(sql, params)).length;
    const id = gone.user.id;
    assert.equal(await left('SELECT 1 FROM users WHERE id = $1', [id]), 0);
    assert.equal(await left('SELECT 1 FROM sessions WHERE user_id = $1', [id]), 0);
    assert.equal(await left('SELECT 1 FROM rsvps WHERE user_id = $1', [id]), 0);
    assert.equal(await left('SELECT 1 FROM blocked_networks WHERE user_id = $1', [id]), 0);
    assert.equal(await left('SELECT 1 FROM share_clicks WHERE visitor = $1', [`u:${id}`]), 0);
    assert.equal(await left('SELECT 1 FROM idempotency WHERE actor = $1', [`user:${id}`]), 0);
    assert.equal(await left('SELECT 1 FROM comments WHERE author_id = $1', [id]), 0);
    assert.equal(await left(`SELECT 1 FROM webhook_deliveries WHERE message_id = 'msg_erase'`, []), 0);
    assert.equal(
      await left('SELECT 1 FROM comments WHERE id = $1', [held.body.id]),
      0,
      'the held one is gone',
    );
    const events = await db.query<{ data: string }>('SELECT data FROM events');
    assert.ok(events.length > 0);
    for (const { data } of events) {
      assert.doesNotMatch(data, /Seat Taker|forgotten/, 'no kept event names them or carries their words');
    }
    // Their network is no longer blocked: the block went with them.
    assert.ok((await newGuest('Someone Else')).token);
  });

  it('answers 404 for no such commenter, and takes only the site secret', async () => {
    assert.equal((await owner('/admin/users/nobody-here', 'DELETE')).body.code, 'user-not-found');
    const reader = await newGuest('Not The Owner');
    const refused = await json(api(`/admin/users/${reader.user.id}`), {
      method: 'DELETE',
      token: reader.token,
    });
    assert.equal(refused.status, 401);
    assert.equal((await json(api('/sessions/current'), { token: reader.token })).status, 200, 'still there');
  });
});
