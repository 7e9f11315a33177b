import { routes } from '../../routes.js';
import { Site } from '../../schemas/site.js';
import { check, expectProblem, expectSchema, expectStatus } from '../assert.js';
import type { Case, Suite } from '../context.js';

export function basicCases(s: Suite): Case[] {
  return [
    {
      name: 'serves the OpenAPI 3.1 document with every protocol route',
      async run() {
        const reply = await s.call('/v1/openapi.json');
        expectStatus(reply, 200);
        check(reply.body.openapi?.startsWith('3.1'), `openapi is ${reply.body.openapi}`);
        for (const [id, route] of Object.entries(routes)) {
          const op = reply.body.paths?.[route.path]?.[route.method.toLowerCase()];
          check(op, `the document lacks ${route.method} ${route.path} (${id})`);
        }
      },
    },
    {
      name: 'describes the site’s capabilities',
      async run() {
        const reply = await s.call(s.sitePath);
        expectStatus(reply, 200);
        expectSchema(Site, reply.body, 'the site');
        check(reply.body.id === s.target.site, 'the site answers with its own id');
      },
    },
    {
      name: 'unknown site: 404 site-not-found',
      async run() {
        expectProblem(await s.call('/v1/sites/no-such-site-zz9'), 'site-not-found', 404);
        expectProblem(
          await s.call('/v1/sites/no-such-site-zz9/threads/%2Fx/comments', {
            method: 'POST',
            body: { markdown: 'x' },
          }),
          'site-not-found',
          404,
        );
      },
    },
    {
      name: 'unknown path: 404 problem',
      async run() {
        expectProblem(await s.call('/v1/nothing-here'), 'not-found', 404);
      },
    },
    {
      name: 'a path the protocol has, with a method it does not take: 405 with Allow',
      async run() {
        const wrong = await s.call(`${s.threadPath(s.newThreadKey())}/comments`, { method: 'PUT', body: {} });
        expectProblem(wrong, 'method-not-allowed', 405);
        // Allow names what the path takes (OPTIONS too, if the server likes).
        check(/\bPOST\b/.test(wrong.headers.get('allow') ?? ''), `Allow: ${wrong.headers.get('allow')}`);
        const site = await s.call(s.sitePath, { method: 'DELETE' });
        expectProblem(site, 'method-not-allowed', 405);
        check(/\bGET\b/.test(site.headers.get('allow') ?? ''), `Allow: ${site.headers.get('allow')}`);
      },
    },
    {
      name: 'invalid site id or thread key in the path: 422',
      async run() {
        expectProblem(await s.call('/v1/sites/Not_A_Site!'), 'validation-failed', 422);
        const long = encodeURIComponent(`/${'x'.repeat(600)}`);
        expectProblem(await s.call(`${s.sitePath}/threads/${long}`), 'validation-failed', 422);
      },
    },
    {
      name: 'origin not allowed for the site: 403 origin-not-allowed',
      async run() {
        const reply = await s.call(s.sitePath, { headers: { origin: 'https://not-allowed.invalid' } });
        expectProblem(reply, 'origin-not-allowed', 403);
        const write = await s.call(`${s.sitePath}/sessions`, {
          method: 'POST',
          body: { name: 'X' },
          headers: { origin: 'https://not-allowed.invalid' },
        });
        expectProblem(write, 'origin-not-allowed', 403);
      },
    },
    {
      name: 'allowed origin: CORS headers and preflight',
      async run() {
        const origin = s.target.origin;
        if (!origin) return;
        const reply = await s.call(s.sitePath, { headers: { origin } });
        expectStatus(reply, 200);
        check(reply.headers.get('access-control-allow-origin') === origin, 'the allowed origin is echoed');
        const preflight = await s.call(`${s.sitePath}/sessions`, {
          method: 'OPTIONS',
          headers: {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'authorization, content-type, idempotency-key',
          },
        });
        check(preflight.status === 204 || preflight.status === 200, `preflight answered ${preflight.status}`);
        const allowed = preflight.headers.get('access-control-allow-headers') ?? '';
        check(/idempotency-key/i.test(allowed), 'preflight allows the Idempotency-Key header');
      },
    },
    {
      name: 'admin endpoints need the site secret: 401 without or with a wrong one',
      async run() {
        const path = `${s.sitePath}/admin/settings`;
        expectProblem(await s.call(path, { method: 'PATCH', body: { name: 'x' } }), 'unauthorized', 401);
        expectProblem(
          await s.call(path, { method: 'PATCH', body: { name: 'x' }, token: 'ks_forged' }),
          'invalid-token',
          401,
        );
        const guest = await s.guest();
        expectProblem(
          await s.call(path, { method: 'PATCH', body: { name: 'x' }, token: guest.token }),
          'invalid-token',
          401,
        );
      },
    },
    {
      name: 'admin settings are validated',
      async run() {
        const path = `${s.sitePath}/admin/settings`;
        const token = s.target.secret;
        expectProblem(
          await s.call(path, { method: 'PATCH', token, body: { editWindowSeconds: -1 } }),
          'validation-failed',
          422,
        );
        expectProblem(
          await s.call(path, { method: 'PATCH', token, body: { bogus: true } }),
          'validation-failed',
          422,
        );
        expectProblem(await s.call(path, { method: 'PATCH', token, body: {} }), 'validation-failed', 422);
      },
    },
  ];
}
