import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { type RouteSpec, routes } from '@kith/protocol';
import { SignJWT } from 'jose';
import { databaseKind, freshDatabaseUrl, guest, json, startServer, type TestServer } from './helpers.js';

/**
 * Every route of the protocol, called with what a careless or hostile client sends: garbage in
 * each path parameter, each query member and each body field, bodies of the wrong shape, and
 * bad credentials. Whatever it is, the answer is a client error as problem+json (RFC 9457), never
 * a 5xx, and the server keeps answering.
 */

/** Path parameters no route accepts: too long, control and invalid percent-escapes, traversal. */
const badParams = [
  'x'.repeat(3000),
  '%00',
  '%E0%A4%A',
  '..',
  '%2F..%2F..%2Fetc%2Fpasswd',
  '%F0%9F%92%A5'.repeat(200),
  '-1',
  "'%3B--",
];

/** Values of every wrong type for a body field or a query member. */
const badValues: unknown[] = [
  null,
  true,
  -1,
  1e308,
  '',
  '\u0000',
  'lone \ud800 surrogate',
  '\u202e\u200f',
  'x'.repeat(20_000),
  '💥'.repeat(3000),
  [],
  [1, 'two', null],
  {},
  { nested: { deeper: [{}] } },
];

/** Whole bodies of the wrong shape (raw text, sent as application/json). */
const badBodies = [
  '{',
  'null',
  '[]',
  '42',
  '"a string"',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  '\uFEFF{}',
];

const badQueries = [
  'limit=-1',
  'limit=abc',
  'limit=1e9',
  'cursor=%25%25%25',
  'cursor=eyJub3QiOiJhIGN1cnNvciJ9',
  'sort=evil',
  'sort=new&sort=old',
  'sort=%ED%A0%80',
  'thread=%FF%FE',
  'cursor=%C0%AF',
  'keys=',
  `keys=${'x,'.repeat(5000)}`,
  'zz=1',
];

/** Schema property names of a body or query schema (TypeBox object, or a union of objects). */
function fieldsOf(schema: RouteSpec['body']): string[] {
  if (!schema) return [];
  const s = schema as { properties?: Record<string, unknown>; anyOf?: unknown[]; oneOf?: unknown[] };
  const own = Object.keys(s.properties ?? {});
  const variants = [...(s.anyOf ?? []), ...(s.oneOf ?? [])].flatMap((v) => fieldsOf(v as RouteSpec['body']));
  return [...new Set([...own, ...variants])];
}

describe(`every route answers bad input with a problem, never a 5xx, on ${databaseKind}`, () => {
  let server: TestServer;
  let reader: string;
  let commentId: string;
  const key = '/bad-input';
  const failures: string[] = [];

  before(async () => {
    server = await startServer({ databaseUrl: await freshDatabaseUrl() });
    // Rate limits would answer most of these with a 429 before any validation ran.
    await json(`${server.url}/v1/sites/${server.site}/admin/settings`, {
      method: 'PATCH',
      token: server.secret,
      body: {
        rateLimit: Object.fromEntries(
          ['comments', 'sessions', 'reactions', 'shares', 'rsvps'].map((kind) => [
            kind,
            { max: 100_000, windowSeconds: 60 },
          ]),
        ),
      },
    });
    reader = await guest(server.url, server.site);
    const posted = await json(
      `${server.url}/v1/sites/${server.site}/threads/${encodeURIComponent(key)}/comments`,
      { method: 'POST', token: reader, body: { markdown: 'Something to point at' } },
    );
    assert.equal(posted.status, 201);
    commentId = posted.body.id;
  });
  after(() => server.stop());
  beforeEach(() => {
    failures.length = 0;
  });

  /** Valid path parameters for a route, with `bad` in place of `param` when given. */
  function pathOf(route: RouteSpec, param?: string, bad?: string): string {
    const good: Record<string, string> = {
      site: server.site,
      key: encodeURIComponent(key),
      id: route.path.includes('/users/') ? 'u_nobody' : commentId,
    };
    return route.path.replace(/\{(\w+)\}/g, (_, name: string) => (name === param ? bad! : good[name]!));
  }

  /** One call; records what breaks the promise instead of failing at the first. */
  async function probe(
    what: string,
    route: RouteSpec,
    path: string,
    init: { body?: string; token?: string; authorization?: string } = {},
  ): Promise<void> {
    const headers = new Headers({ 'idempotency-key': crypto.randomUUID() });
    if (init.body !== undefined) headers.set('content-type', 'application/json');
    if (init.token) headers.set('authorization', `Bearer ${init.token}`);
    if (init.authorization) headers.set('authorization', init.authorization);
    const controller = new AbortController();
    let response: Response;
    try {
      response = await fetch(`${server.url}${path}`, {
        method: route.method,
        headers,
        body: init.body,
        signal: controller.signal,
      });
    } catch (error) {
      failures.push(`${route.method} ${route.path} (${what}): no answer (${(error as Error).message})`);
      return;
    }
    const type = response.headers.get('content-type') ?? '';
    // A stream or a file the route serves for input it accepts: not what this test is after.
    if (response.ok && route.stream) {
      controller.abort();
      return;
    }
    const text = await response.text();
    if (response.status >= 500) {
      failures.push(`${route.method} ${route.path} (${what}): ${response.status} ${text.slice(0, 200)}`);
      return;
    }
    if (response.status < 400) return;
    if (!type.startsWith('application/problem+json')) {
      failures.push(`${route.method} ${route.path} (${what}): ${response.status} as ${type || 'no type'}`);
      return;
    }
    const problem = JSON.parse(text);
    if (
      typeof problem.type !== 'string' ||
      typeof problem.title !== 'string' ||
      problem.status !== response.status
    )
      failures.push(`${route.method} ${route.path} (${what}): not a problem document: ${text.slice(0, 200)}`);
  }

  const credentials = (route: RouteSpec) => ({
    token: route.auth === 'secret' || route.auth === 'moderator' ? server.secret : reader,
  });

  it('garbage in every path parameter', async () => {
    for (const route of Object.values(routes) as RouteSpec[]) {
      for (const param of route.path.match(/\{(\w+)\}/g) ?? []) {
        const name = param.slice(1, -1);
        for (const bad of badParams) {
          await probe(`${name}=${bad.slice(0, 20)}`, route, pathOf(route, name, bad), {
            ...credentials(route),
            body: route.body ? '{}' : undefined,
          });
        }
      }
    }
    assert.deepEqual(failures, []);
  });

  it('bad credentials on every route', async () => {
    for (const route of Object.values(routes) as RouteSpec[]) {
      for (const authorization of [
        'Bearer ',
        'Bearer not-a-token',
        `Bearer ${'x'.repeat(5000)}`,
        'Basic dXNlcjpwYXNz',
        `Bearer ${server.secret}x`,
        'Bearer \u00ff\u00fe',
      ]) {
        await probe(`authorization ${authorization.slice(0, 20)}`, route, pathOf(route), {
          authorization,
          body: route.body ? '{}' : undefined,
        });
      }
    }
    assert.deepEqual(failures, []);
  });

  it('garbage in every query member and every body field, and bodies of the wrong shape', async () => {
    for (const route of Object.values(routes) as RouteSpec[]) {
      const path = pathOf(route);
      for (const query of badQueries)
        await probe(`?${query.slice(0, 30)}`, route, `${path}?${query}`, credentials(route));
      for (const field of fieldsOf(route.query)) {
        for (const value of badValues.filter((v) => typeof v !== 'object' || v === null)) {
          await probe(
            `?${field}=${String(value).slice(0, 20)}`,
            route,
            // A lone surrogate cannot be put in an address: its bytes are, below.
            `${path}?${field}=${encodeURIComponent(String(value).toWellFormed())}`,
            credentials(route),
          );
        }
      }
      if (route.method === 'GET' || route.method === 'DELETE') continue;
      for (const body of badBodies)
        await probe(`body ${body.slice(0, 20)}`, route, path, { ...credentials(route), body });
      for (const field of fieldsOf(route.body)) {
        for (const value of badValues) {
          await probe(`${field}: ${JSON.stringify(value)?.slice(0, 20)}`, route, path, {
            ...credentials(route),
            body: JSON.stringify({ [field]: value }),
          });
        }
      }
    }
    assert.deepEqual(failures, []);
  });

  it('sign-in tokens the site signed with garbage in each claim', async () => {
    const admin = `${server.url}/v1/sites/${server.site}/admin/settings`;
    await json(admin, { method: 'PATCH', token: server.secret, body: { sso: true } });
    const settings = await json(admin, { token: server.secret });
    const key = new TextEncoder().encode(settings.body.sso.secret);
    const url = `${server.url}/v1/sites/${server.site}/sessions/sso`;
    const good = { sub: 'member-1', name: 'Member', exp: Math.floor(Date.now() / 1000) + 300 };
    const signed = await new SignJWT(good).setProtectedHeader({ alg: 'HS256' }).sign(key);
    assert.equal((await json(url, { method: 'POST', body: { token: signed } })).status, 201);
    for (const claim of ['sub', 'name', 'email', 'picture', 'moderator', 'exp', 'aud', 'iat', 'nbf']) {
      for (const value of [...badValues, 'javascript:alert(1)', 'data:text/html,<script>1</script>']) {
        const token = await new SignJWT({ ...good, [claim]: value })
          .setProtectedHeader({ alg: 'HS256' })
          .sign(key);
        const reply = await json(url, { method: 'POST', body: { token } });
        const what = `${claim}: ${JSON.stringify(value)?.slice(0, 30)}`;
        if (reply.status >= 500) failures.push(`sso (${what}): ${reply.status}`);
        else if (reply.status >= 400 && reply.headers.get('content-type') !== 'application/problem+json')
          failures.push(`sso (${what}): ${reply.status} as ${reply.headers.get('content-type')}`);
        else if (
          reply.status < 400 &&
          claim === 'picture' &&
          !/^https:/.test(reply.body.user.picture ?? 'https:')
        )
          failures.push(`sso (${what}): took the picture ${reply.body.user.picture}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  it('what Node refuses before the app sees it is a problem too: an unreadable request, an address too long', async () => {
    const { hostname, port } = new URL(server.url);
    const raw = (request: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), hostname, () => socket.end(request));
        let answer = '';
        socket.on('data', (chunk) => {
          answer += chunk;
        });
        socket.on('end', () => resolve(answer));
        socket.on('error', reject);
      });
    const unreadable = await raw('NOT HTTP AT ALL\r\n\r\n');
    assert.match(unreadable, /^HTTP\/1\.1 400 /);
    assert.match(unreadable, /content-type: application\/problem\+json/i);
    assert.equal(JSON.parse(unreadable.split('\r\n\r\n')[1]!).code, 'bad-request');

    const long = await fetch(`${server.url}/v1/sites/${server.site}?${'x'.repeat(20_000)}`);
    assert.equal(long.status, 431);
    assert.equal(long.headers.get('content-type'), 'application/problem+json');
    assert.equal(((await long.json()) as { code: string }).code, 'headers-too-large');
  });

  it('a compressed body is refused in words (415), not read as broken JSON', async () => {
    const token = await guest(server.url, server.site, 'Zip');
    const reply = await fetch(`${server.url}/v1/sites/${server.site}/threads/%2Fzipped/comments`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        authorization: `Bearer ${token}`,
      },
      body: gzipSync(JSON.stringify({ markdown: 'Hello' })),
    });
    assert.equal(reply.status, 415);
    const problem = (await reply.json()) as { code: string; detail: string };
    assert.equal(problem.code, 'unsupported-media-type');
    assert.match(problem.detail, /Content-Encoding/);
    // And nothing was posted.
    const thread = await json(`${server.url}/v1/sites/${server.site}/threads/%2Fzipped`);
    assert.equal(thread.body.comments.length, 0);
  });

  it('a member’s name the site signs is mended to fit, where it can be, rather than refused', async () => {
    const admin = `${server.url}/v1/sites/${server.site}/admin/settings`;
    await json(admin, { method: 'PATCH', token: server.secret, body: { sso: true } });
    const key = new TextEncoder().encode((await json(admin, { token: server.secret })).body.sso.secret);
    const url = `${server.url}/v1/sites/${server.site}/sessions/sso`;
    const signIn = async (name: string) => {
      const claims = { sub: `member-${name.length}`, name, exp: Math.floor(Date.now() / 1000) + 300 };
      const token = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(key);
      return json(url, { method: 'POST', body: { token } });
    };
    const mended: [string, string][] = [
      ['\u202eMaria\u202c', 'Maria'],
      ['Ann\u0007 Lee\n', 'Ann Lee'],
      [`${'A'.repeat(63)}😀 and more`, 'A'.repeat(63)], // never half an emoji
      ['Dr. Ines '.repeat(10), 'Dr. Ines '.repeat(7).trimEnd()], // not "… Ines D"
      [`${'Ines '.repeat(12)}Maria`, 'Ines '.repeat(12).trimEnd()], // back to the word before
    ];
    for (const [name, shown] of mended) {
      const reply = await signIn(name);
      assert.equal(reply.status, 201, JSON.stringify(reply.body));
      assert.equal(reply.body.user.name, shown);
    }
    const blank = await signIn('\u200b\u202e');
    assert.equal(blank.status, 401);
    assert.equal(blank.body.code, 'invalid-token');
  });

  it('text cut inside a character (a lone surrogate) is kept with U+FFFD in its place', async () => {
    const admin = `${server.url}/v1/sites/${server.site}/admin/settings`;
    const named = await json(admin, { method: 'PATCH', token: server.secret, body: { name: 'Caf\ud83d' } });
    assert.equal(named.status, 200, JSON.stringify(named.body));
    assert.equal(named.body.name, 'Caf\ufffd');
    const posted = await json(
      `${server.url}/v1/sites/${server.site}/threads/${encodeURIComponent('/surrogates')}/comments`,
      { method: 'POST', token: reader, body: { markdown: 'Cut \udc00 here' } },
    );
    assert.equal(posted.status, 201, JSON.stringify(posted.body));
    assert.equal(posted.body.markdown, 'Cut \ufffd here');
  });

  it('a name that shows nothing, or that would turn the text after it around, is refused in words', async () => {
    for (const name of ['\u200b', '\u202eevil']) {
      const refused = await json(`${server.url}/v1/sites/${server.site}/sessions`, {
        method: 'POST',
        body: { name },
      });
      assert.equal(refused.status, 422, JSON.stringify(name));
      assert.deepEqual(refused.body.errors, [
        {
          pointer: '/body/name',
          message: 'Needs a character that shows, and no control characters or bidi overrides',
        },
      ]);
    }
  });

  it('still answers afterwards, with what it had', async () => {
    const page = await json(`${server.url}/v1/sites/${server.site}/threads/${encodeURIComponent(key)}`);
    assert.equal(page.status, 200);
    assert.ok(page.body.comments.some((c: { id: string }) => c.id === commentId));
    assert.equal(({} as { polluted?: boolean }).polluted, undefined);
  });
});
