import { createHmac } from 'node:crypto';
import { Session } from '../../schemas/session.js';
import type { SiteSettings as Settings } from '../../types.js';
import { check, expectProblem, expectSchema, expectStatus } from '../assert.js';
import type { Case, Suite } from '../context.js';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A JWT as a site's server signs one (HS256, the SSO secret as the key), written out by hand. */
export function signSsoToken(claims: Record<string, unknown>, secret: string, alg = 'HS256'): string {
  const head = `${base64url({ alg, typ: 'JWT' })}.${base64url(claims)}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
}

/** Single sign-on: a reader signed in on the site is signed in here with a token the site signed. */
export function ssoCases(s: Suite): Case[] {
  const settingsPath = `${s.sitePath}/admin/settings`;
  const patch = (body: unknown) => s.call(settingsPath, { method: 'PATCH', token: s.target.secret, body });
  const exchange = (token: unknown) =>
    s.call(`${s.sitePath}/sessions/sso`, { method: 'POST', body: { token } });
  const now = () => Math.floor(Date.now() / 1000);

  return [
    {
      name: 'sso: a token the site signed signs its user in, the same id as the same commenter; forged, expired and malformed ones are refused',
      async run() {
        const sub = `conformance-${s.run}`;
        try {
          expectProblem(
            await exchange(signSsoToken({ sub, name: 'Off', exp: now() + 60 }, 'any')),
            'forbidden',
            403,
          );
          expectStatus(await patch({ sso: true }), 200);
          const read = await s.call<Settings>(settingsPath, { token: s.target.secret });
          const secret = read.body.sso?.secret ?? '';
          check(secret.length >= 32, 'the owner reads back a secret to sign with');
          check(!JSON.stringify(await s.site()).includes(secret), 'readers never see the secret');

          const first = await exchange(
            signSsoToken(
              {
                sub,
                name: 'Grace',
                email: 'grace@example.com',
                picture: 'https://pictures.example/grace.png',
                exp: now() + 300,
                iat: now(),
                aud: s.target.site,
                iss: 'https://blog.example',
              },
              secret,
            ),
          );
          expectStatus(first, 201);
          expectSchema(Session, first.body, 'the session');
          check(first.body.user.kind === 'sso', `an sso user: ${first.body.user.kind}`);
          check(first.body.user.name === 'Grace', 'named as the token says');
          check(
            first.body.user.avatarUrl === 'https://pictures.example/grace.png',
            'the picture is the avatar',
          );
          check(!JSON.stringify(first.body).includes('grace@example.com'), 'the email is never echoed back');
          const me = await s.call(`${s.sitePath}/sessions/current`, { token: first.body.token });
          expectStatus(me, 200);

          const again = await exchange(signSsoToken({ sub, name: 'Grace H.', exp: now() + 300 }, secret));
          expectStatus(again, 201);
          check(again.body.user.id === first.body.user.id, 'the same id is the same commenter');
          check(again.body.user.name === 'Grace H.', 'a new name from the site is taken');

          const refused: [unknown, 'invalid-token' | 'token-expired'][] = [
            [signSsoToken({ sub, name: 'Grace', exp: now() + 300 }, 'not the secret'), 'invalid-token'],
            [signSsoToken({ sub, name: 'Grace', exp: now() - 600 }, secret), 'token-expired'],
            [signSsoToken({ sub, name: 'Grace' }, secret), 'invalid-token'],
            [signSsoToken({ sub, name: 'Grace', exp: now() + 3 * 86400 }, secret), 'invalid-token'],
            [signSsoToken({ name: 'Grace', exp: now() + 300 }, secret), 'invalid-token'],
            [signSsoToken({ sub, name: '  ', exp: now() + 300 }, secret), 'invalid-token'],
            [signSsoToken({ sub: 'has space', name: 'G', exp: now() + 300 }, secret), 'invalid-token'],
            [
              signSsoToken({ sub, name: 'G', exp: now() + 300, aud: 'another-site' }, secret),
              'invalid-token',
            ],
            [signSsoToken({ sub, name: 'G', exp: now() + 300 }, secret, 'none'), 'invalid-token'],
            ['not.a.jwt', 'invalid-token'],
          ];
          for (const [token, code] of refused) {
            const reply = await exchange(token);
            expectProblem(reply, code, 401);
            check(
              typeof reply.body.detail === 'string' && !reply.body.detail.includes(secret),
              'says why, without the secret',
            );
          }
          expectProblem(await exchange(''), 'validation-failed', 422);
          expectProblem(await exchange(42), 'validation-failed', 422);

          expectStatus(await patch({ sso: false }), 200);
          expectStatus(await patch({ sso: true }), 200);
          const rotated = (await s.call<Settings>(settingsPath, { token: s.target.secret })).body.sso?.secret;
          check(rotated !== undefined && rotated !== secret, 'off then on is a new secret');
          expectProblem(
            await exchange(signSsoToken({ sub, name: 'Grace', exp: now() + 300 }, secret)),
            'invalid-token',
            401,
          );
        } finally {
          expectStatus(await patch({ sso: false }), 200);
        }
        const off = await s.call<Settings>(settingsPath, { token: s.target.secret });
        check(off.body.sso === null, 'false turns it off');
      },
    },
  ];
}
