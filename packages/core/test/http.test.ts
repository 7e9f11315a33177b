import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createClient, KithError } from '../src/index.js';

/** A fetch answering from a script of responses (or failures), recording what it was asked. */
function scripted(...steps: ((signal?: AbortSignal) => Response | Promise<Response>)[]) {
  const seen: Request[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    seen.push(new Request(input, init));
    const step = steps.shift();
    if (!step) throw new Error('no more steps');
    return step(init?.signal ?? undefined);
  };
  return { fetch, seen };
}
const problem =
  (status: number, code: string, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify({ type: `urn:kith:problem:${code}`, title: code, status, code }), {
      status,
      headers: { 'content-type': 'application/problem+json', ...headers },
    });
const ok = (body: unknown) => () => Response.json(body);
const site = { id: 's' };

describe('the client’s HTTP', () => {
  it('retries the network, 5xx and a short Retry-After, then answers', async () => {
    const { fetch, seen } = scripted(
      () => Promise.reject(new TypeError('fetch failed')),
      problem(503, 'unavailable', { 'retry-after': '0' }),
      ok(site),
    );
    const client = createClient({ server: 'http://kith.test/', site: 's', fetch });
    assert.deepEqual(await client.getSite(), site);
    assert.equal(seen.length, 3);
    assert.equal(seen[0]!.url, 'http://kith.test/v1/sites/s');
  });

  it('does not wait out a long Retry-After: the reader hears how long instead', async () => {
    const { fetch, seen } = scripted(problem(429, 'rate-limited', { 'retry-after': '30' }));
    const client = createClient({ server: 'http://kith.test', site: 's', fetch });
    const error = await client.getSite().catch((e: KithError) => e);
    assert.ok(error instanceof KithError);
    assert.equal(error.code, 'rate-limited');
    assert.equal(error.retryAfter, 30);
    assert.equal(seen.length, 1);
  });

  it('never retries a refusal', async () => {
    const { fetch, seen } = scripted(problem(422, 'validation-failed'));
    const client = createClient({ server: 'http://kith.test', site: 's', fetch, token: 't1' });
    const error = await client.createComment('/k', { markdown: '' }).catch((e: KithError) => e);
    assert.equal((error as KithError).code, 'validation-failed');
    assert.equal(seen.length, 1);
    const sent = seen[0]!;
    assert.equal(sent.method, 'POST');
    assert.equal(sent.headers.get('authorization'), 'Bearer t1');
    assert.equal(sent.headers.get('content-type'), 'application/json');
    assert.match(sent.headers.get('idempotency-key')!, /^[0-9a-f-]{36}$/);
  });

  it('gives up on a silent server after the timeout, per attempt', async () => {
    // Like fetch, it gives up only when its signal aborts.
    const hang = (signal?: AbortSignal) =>
      new Promise<Response>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason)));
    const { fetch, seen } = scripted(hang, hang);
    const client = createClient({ server: 'http://kith.test', site: 's', fetch, timeout: 50, retries: 1 });
    const started = Date.now();
    const error = await client.getSite().catch((e: KithError) => e);
    assert.equal((error as KithError).code, 'timeout');
    assert.equal(seen.length, 2);
    assert.ok(Date.now() - started < 5000);
  });

  it('sends PATCH in capitals and query parameters as given', async () => {
    const { fetch, seen } = scripted(ok({}), ok({ comments: [], nextCursor: null }));
    const client = createClient({ server: 'http://kith.test', site: 's', fetch, token: 't' });
    await client.editComment('c1', 'x');
    await client.getReplies('c1', { limit: 5, cursor: 'a b' });
    assert.equal(seen[0]!.method, 'PATCH');
    assert.equal(seen[1]!.url, 'http://kith.test/v1/sites/s/comments/c1/replies?limit=5&cursor=a+b');
  });
});
