import { Session, SessionInfo } from '../../schemas/session.js';
import { check, expectProblem, expectSchema, expectStatus } from '../assert.js';
import { type Case, type Suite, sleep } from '../context.js';

export function sessionCases(s: Suite): Case[] {
  const path = `${s.sitePath}/sessions`;
  return [
    {
      name: 'guest session: a bearer token that identifies the guest',
      async run() {
        const reply = await s.call(path, {
          method: 'POST',
          body: { name: '  Ada  ', email: 'ada@example.com' },
        });
        expectStatus(reply, 201);
        expectSchema(Session, reply.body, 'the session');
        check(reply.body.user.name === 'Ada', 'the name is trimmed');
        check(!JSON.stringify(reply.body).includes('ada@example.com'), 'the email is never echoed back');
        const me = await s.call(`${path}/current`, { token: reply.body.token });
        expectStatus(me, 200);
        expectSchema(SessionInfo, me.body, 'the current session');
        check(me.body.user.id === reply.body.user.id, 'the token belongs to the new guest');
      },
    },
    {
      name: 'guest session input is validated',
      async run() {
        for (const body of [
          {},
          { name: '' },
          { name: '   ' },
          // Nothing that shows: a zero-width space, a Hangul filler.
          { name: '\u200b' },
          { name: '\u3164' },
          // What no name holds: a bidi override (it turns the name, and what follows, around), a bell.
          { name: '\u202eevil' },
          { name: 'A\u0007' },
          { name: 'x'.repeat(65) },
          { name: 'A', email: 'nope' },
          { name: 1 },
          { name: 'A', admin: true },
        ]) {
          const reply = await s.call(path, { method: 'POST', body });
          expectProblem(reply, 'validation-failed', 422);
          check(
            Array.isArray(reply.body.errors) && reply.body.errors.length > 0,
            `errors listed for ${JSON.stringify(body)}`,
          );
        }
      },
    },
    {
      name: 'missing, forged and malformed tokens: 401',
      async run() {
        expectProblem(await s.call(`${path}/current`), 'unauthorized', 401);
        expectProblem(
          await s.call(`${path}/current`, { token: 'kt_forgedtoken0000000000000000000000000000' }),
          'invalid-token',
          401,
        );
        expectProblem(
          await s.call(`${path}/current`, { headers: { authorization: 'Basic abc' } }),
          'unauthorized',
          401,
        );
      },
    },
    {
      name: 'expired token: 401 token-expired',
      async run() {
        const minted = await s.call(`${s.sitePath}/admin/sessions`, {
          method: 'POST',
          token: s.target.secret,
          body: { user: { id: `conf-${s.run}`, name: 'Short Lived' }, expiresIn: 1 },
        });
        expectStatus(minted, 201);
        expectSchema(Session, minted.body, 'the minted session');
        expectStatus(await s.call(`${path}/current`, { token: minted.body.token }), 200);
        await sleep(1300);
        expectProblem(await s.call(`${path}/current`, { token: minted.body.token }), 'token-expired', 401);
        expectProblem(
          await s.call(`${s.threadPath(s.newThreadKey())}/comments`, {
            method: 'POST',
            token: minted.body.token,
            body: { markdown: 'late' },
          }),
          'token-expired',
          401,
        );
      },
    },
    {
      name: 'signing out revokes the token',
      async run() {
        const guest = await s.guest();
        const out = await s.call(`${path}/current`, { method: 'DELETE', token: guest.token });
        expectStatus(out, 204);
        expectProblem(await s.call(`${path}/current`, { token: guest.token }), 'invalid-token', 401);
      },
    },
  ];
}
