import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { SiteSettings, WebhookPayload } from '@kith/protocol';
import { Webhook } from 'standardwebhooks';
import { createLogger } from '../src/logger.js';
import { isPublicAddress } from '../src/services/webhook-post.js';
import { databaseKind, freshDatabaseUrl, guest, json, startServer, type TestServer } from './helpers.js';

/** A webhook receiver on loopback: records each delivery and answers with the next queued status. */
async function receiver() {
  const got: { headers: IncomingHttpHeaders; body: string }[] = [];
  const statuses: number[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      got.push({ headers: request.headers, body });
      response.statusCode = statuses.shift() ?? 204;
      response.end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/kith?token=not-for-logs`,
    port,
    got,
    statuses,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 25));
  assert.ok(check(), what);
};

describe(`webhooks on ${databaseKind}`, () => {
  let server: TestServer;
  let hooks: Awaited<ReturnType<typeof receiver>>;
  const logs: string[] = [];
  // PATCH answers what readers see; the owner's settings (the webhook) are read back with GET.
  const admin = async (body: unknown) => {
    const settings = `${server.url}/v1/sites/${server.site}/admin/settings`;
    const patched =
      body === undefined ? undefined : await json(settings, { method: 'PATCH', token: server.secret, body });
    if (patched && patched.status !== 200)
      return patched as unknown as { status: number; body: SiteSettings };
    return json<SiteSettings>(settings, { token: server.secret });
  };
  const post = (token: string, markdown: string, key?: string) =>
    json(`${server.url}/v1/sites/${server.site}/threads/${encodeURIComponent('/posts/hooks')}/comments`, {
      method: 'POST',
      token,
      body: { markdown },
      ...(key && { headers: { 'idempotency-key': key } }),
    });
  const rows = () =>
    server.kith.db.query<{
      type: string;
      attempts: number;
      delivered_at: Date | null;
      failed_at: Date | null;
      last_error: string | null;
    }>('SELECT type, attempts, delivered_at, failed_at, last_error FROM webhook_deliveries ORDER BY id');

  before(async () => {
    hooks = await receiver();
    server = await startServer({
      databaseUrl: await freshDatabaseUrl(),
      logger: createLogger('debug', (line) => logs.push(line)),
      webhooks: { allowPrivate: true, retryDelays: [0, 0], pollMs: 50 },
    });
  });
  after(async () => {
    await server.stop();
    await hooks.close();
  });

  it('the owner sets a webhook and reads back its signing secret; bad input is refused', async () => {
    const set = await admin({ webhook: { url: hooks.url, events: ['comment.pending', 'comment.reported'] } });
    assert.equal(set.status, 200);
    assert.equal(set.body.webhook!.url, hooks.url);
    assert.deepEqual(set.body.webhook!.events, ['comment.pending', 'comment.reported']);
    assert.match(set.body.webhook!.secret, /^whsec_[A-Za-z0-9+/=]{32}$/);
    const read = await admin(undefined);
    assert.equal(read.body.webhook!.secret, set.body.webhook!.secret);
    // Changing what is sent keeps the secret.
    const all = await admin({ webhook: { url: hooks.url } });
    assert.deepEqual(all.body.webhook!.events, ['comment.published', 'comment.pending', 'comment.reported']);
    assert.equal(all.body.webhook!.secret, set.body.webhook!.secret);
    for (const webhook of [
      { url: 'ftp://example.com/hook' },
      { url: 'https://' },
      { url: hooks.url, events: ['comment.nope'] },
      { url: hooks.url, events: [] },
      { url: hooks.url, secret: 'whsec_mine' },
    ]) {
      const refused = await admin({ webhook });
      assert.equal(refused.status, 422, JSON.stringify(webhook));
      assert.equal((refused.body as unknown as { code: string }).code, 'validation-failed');
    }
    const wrongKind = await admin({ webhook: 5 });
    assert.equal(
      (wrongKind.body as unknown as { detail: string }).detail,
      '/body/webhook: Expected object or null',
    );
    // Readers never see it.
    const site = await json(`${server.url}/v1/sites/${server.site}`);
    assert.doesNotMatch(JSON.stringify(site.body), /whsec_|hooks\/kith/);
  });

  it('a new comment arrives signed as Standard Webhooks, once, even when the post is retried', async () => {
    const { secret } = (await admin(undefined)).body.webhook!;
    const token = await guest(server.url, server.site, 'Ann');
    const first = await post(token, 'Hello **hooks**', 'retry-me');
    const again = await post(token, 'Hello **hooks**', 'retry-me');
    assert.equal(first.status, 201);
    assert.equal(again.status, 201);
    await until(() => hooks.got.length === 1, 'the comment was not delivered');
    await server.kith.ctx.webhooks.deliverDue();
    assert.equal(hooks.got.length, 1, 'a retried post is one event');
    const [delivery] = hooks.got;
    // Verified with the Standard Webhooks reference library, not with our own signing code.
    const payload = new Webhook(secret.slice('whsec_'.length)).verify(
      delivery!.body,
      delivery!.headers as Record<string, string>,
    ) as WebhookPayload;
    assert.equal(payload.type, 'comment.published');
    assert.equal(payload.data.site, server.site);
    assert.equal(payload.data.thread, '/posts/hooks');
    assert.equal(payload.data.comment.id, first.body.id);
    assert.equal(payload.data.comment.markdown, 'Hello **hooks**');
    assert.equal(delivery!.headers['content-type'], 'application/json');
    assert.match(delivery!.headers['webhook-id'] as string, /^msg_/);
    // A tampered body fails verification.
    assert.throws(() =>
      new Webhook(secret.slice('whsec_'.length)).verify(
        delivery!.body.replace('hooks', 'hacks'),
        delivery!.headers as Record<string, string>,
      ),
    );
  });

  it('a comment held for approval and a report are sent as such; nothing the site did not ask for', async () => {
    hooks.got.length = 0;
    await admin({
      moderation: 'pre',
      webhook: { url: hooks.url, events: ['comment.pending', 'comment.reported'] },
    });
    const bo = await guest(server.url, server.site, 'Bo');
    const held = await post(bo, 'Waiting for you');
    assert.equal(held.body.status, 'pending');
    await until(() => hooks.got.length === 1, 'the pending comment was not delivered');
    const pending = JSON.parse(hooks.got[0]!.body) as WebhookPayload;
    assert.equal(pending.type, 'comment.pending');
    assert.equal(pending.data.comment.status, 'pending');

    await admin({ moderation: 'none' });
    const shown = await post(bo, 'Published, and not asked for');
    const cy = await guest(server.url, server.site, 'Cy');
    const reported = await json(`${server.url}/v1/sites/${server.site}/comments/${shown.body.id}/reports`, {
      method: 'POST',
      token: cy,
      body: { reason: 'spam', note: '  buy now  ' },
    });
    assert.equal(reported.status, 204);
    await until(() => hooks.got.length === 2, 'the report was not delivered');
    await server.kith.ctx.webhooks.deliverDue();
    assert.equal(hooks.got.length, 2, 'comment.published was not asked for');
    const report = JSON.parse(hooks.got[1]!.body) as WebhookPayload;
    assert.equal(report.type, 'comment.reported');
    assert.equal(report.data.comment.id, shown.body.id);
    assert.deepEqual(report.data.report, { reason: 'spam', note: 'buy now', reports: 1 });
  });

  it('retries a failing receiver with the same message until it answers 2xx, then gives up on one that never does', async () => {
    hooks.got.length = 0;
    await admin({ webhook: { url: hooks.url, events: ['comment.published'] } });
    const token = await guest(server.url, server.site, 'Di');
    hooks.statuses.push(500, 503);
    assert.equal((await post(token, 'Third time lucky')).status, 201);
    await until(() => hooks.got.length === 3, `not retried: ${hooks.got.length}`);
    const ids = new Set(hooks.got.map((g) => g.headers['webhook-id']));
    assert.equal(ids.size, 1, 'every attempt is the same message');
    // The receiver has the third attempt before the server has its answer and records it.
    for (let i = 0; i < 200 && !(await rows()).at(-1)!.delivered_at; i++)
      await new Promise((r) => setTimeout(r, 25));
    let last = (await rows()).at(-1)!;
    assert.equal(last.attempts, 3);
    assert.ok(last.delivered_at);

    hooks.got.length = 0;
    hooks.statuses.push(500, 500, 500);
    assert.equal((await post(token, 'Never heard')).status, 201);
    await until(() => hooks.got.length === 3, 'not retried');
    for (let i = 0; i < 200 && !(await rows()).at(-1)!.failed_at; i++)
      await new Promise((r) => setTimeout(r, 25));
    last = (await rows()).at(-1)!;
    assert.ok(last.failed_at, 'given up after the last retry');
    assert.equal(last.last_error, 'answered 500');
    await server.kith.ctx.webhooks.deliverDue();
    assert.equal(hooks.got.length, 3, 'not sent again once given up');
  });

  it('turned off, sends nothing; the secret and the address never reach the logs', async () => {
    hooks.got.length = 0;
    const off = await admin({ webhook: null });
    assert.equal(off.body.webhook, null);
    const token = await guest(server.url, server.site, 'Ed');
    await post(token, 'Nobody is told');
    await server.kith.ctx.webhooks.deliverDue();
    assert.equal(hooks.got.length, 0);
    const text = logs.join('\n');
    assert.match(text, /webhook delivery will be retried/);
    assert.doesNotMatch(text, /whsec_|not-for-logs|hooks\/kith/);
  });
});

describe(`webhooks to private addresses on ${databaseKind}`, () => {
  it('are refused unless the server allows them: loopback, LAN, link-local (cloud metadata)', async () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '192.168.0.9',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      'fd00::1',
      'fe80::1',
      '::ffff:127.0.0.1',
    ]) {
      assert.equal(isPublicAddress(address), false, address);
    }
    for (const address of ['93.184.216.34', '1.1.1.1', '2606:4700:4700::1111']) {
      assert.equal(isPublicAddress(address), true, address);
    }
    const hooks = await receiver();
    const server = await startServer({
      databaseUrl: await freshDatabaseUrl(),
      webhooks: { retryDelays: [], pollMs: 50 },
    });
    try {
      for (const url of [hooks.url, `http://localhost:${hooks.port}/by-name`]) {
        const set = await json(`${server.url}/v1/sites/${server.site}/admin/settings`, {
          method: 'PATCH',
          token: server.secret,
          body: { webhook: { url } },
        });
        assert.equal(set.status, 200);
        const token = await guest(server.url, server.site);
        await json(`${server.url}/v1/sites/${server.site}/threads/x/comments`, {
          method: 'POST',
          token,
          body: { markdown: 'Hi' },
        });
        let row: { failed_at: Date | null; last_error: string | null } | undefined;
        for (let i = 0; i < 200 && !row?.failed_at; i++) {
          await new Promise((r) => setTimeout(r, 25));
          row = (
            await server.kith.db.query<{ failed_at: Date | null; last_error: string | null }>(
              'SELECT failed_at, last_error FROM webhook_deliveries ORDER BY id DESC LIMIT 1',
            )
          )[0];
        }
        assert.ok(row?.failed_at, url);
        assert.match(row!.last_error!, /not a public address/);
      }
      assert.equal(hooks.got.length, 0, 'nothing reached the private receiver');
    } finally {
      await server.stop();
      await hooks.close();
    }
  });
});
