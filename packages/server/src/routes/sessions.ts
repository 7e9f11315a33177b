import type { Hono } from 'hono';
import type { AppContext } from '../http/context.js';
import { defineRead, defineWrite } from '../http/define.js';
import { ProblemError } from '../http/problem.js';

export function sessionRoutes(app: Hono, ctx: AppContext) {
  defineWrite(
    app,
    ctx,
    'createSession',
    async ({ site, body }, tx) => {
      if (!site.settings.guests) {
        throw new ProblemError('forbidden', {
          detail: 'This site does not take guest comments; sign in through the site.',
        });
      }
      return { status: 201, body: await ctx.sessions.createGuest(tx, site.id, body.name, body.email) };
    },
    { limit: ({ site }) => ({ bucket: 'sessions', ...site.settings.rateLimit.sessions }) },
  );

  defineWrite(app, ctx, 'createOwnerSession', async ({ site, body }, tx) => ({
    status: 201,
    body: await ctx.sessions.createForOwnUser(tx, site.id, 'owner', body.user, body.expiresIn),
  }));

  defineRead(app, ctx, 'getSession', async ({ viewer }) => ({
    status: 200,
    body: { expiresAt: viewer.expiresAt.toISOString(), user: viewer.author },
  }));

  defineRead(app, ctx, 'deleteSession', async ({ viewer }) => {
    await ctx.sessions.revoke(viewer);
    return { status: 204, body: undefined };
  });
}
