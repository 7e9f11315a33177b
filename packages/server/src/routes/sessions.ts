import type { Hono } from 'hono';
import type { AppContext } from '../http/context.js';
import { clientAddress, defineRead, defineWrite } from '../http/define.js';
import { ProblemError } from '../http/problem.js';
import { eraseUser } from '../services/erase.js';
import { warnIfProxied } from '../services/guest-networks.js';
import { myData } from '../services/my-data.js';
import { verifySsoToken } from '../services/sso.js';

export function sessionRoutes(app: Hono, ctx: AppContext) {
  defineWrite(
    app,
    ctx,
    'createSession',
    async ({ c, site, body }, tx) => {
      if (!site.settings.guests) {
        throw new ProblemError('forbidden', {
          detail: 'This site does not take guest comments; sign in through the site.',
        });
      }
      const address = clientAddress(c, ctx.trustProxy);
      warnIfProxied(ctx.log, address, ctx.trustProxy);
      return { status: 201, body: await ctx.sessions.createGuest(tx, site.id, { ...body, address }) };
    },
    { limit: ({ site }) => ({ bucket: 'sessions', ...site.settings.rateLimit.sessions }) },
  );

  defineWrite(
    app,
    ctx,
    'createSsoSession',
    async ({ site, body }, tx) => {
      const secret = site.settings.sso?.secret;
      if (!secret) {
        throw new ProblemError('forbidden', {
          detail:
            'This site does not take sign-in tokens: turn single sign-on on first (kith-server site sso <id> on).',
        });
      }
      const user = await verifySsoToken(body.token, secret, site.id);
      const external = {
        id: user.sub,
        name: user.name,
        ...(user.email !== undefined && { email: user.email }),
        ...(user.picture !== undefined && { avatarUrl: user.picture }),
        moderator: user.moderator === true,
      };
      return { status: 201, body: await ctx.sessions.createForOwnUser(tx, site.id, 'sso', external) };
    },
    { limit: ({ site }) => ({ bucket: 'sessions', ...site.settings.rateLimit.sessions }) },
  );

  defineWrite(app, ctx, 'createOwnerSession', async ({ site, body }, tx) => ({
    status: 201,
    body: await ctx.sessions.createForOwnUser(tx, site.id, 'owner', body.user, body.expiresIn),
  }));

  defineRead(app, ctx, 'getSession', async ({ viewer }) => ({
    status: 200,
    body: {
      expiresAt: viewer.expiresAt.toISOString(),
      user: viewer.author,
      ...(viewer.moderator && { moderator: true }),
    },
  }));

  // In one snapshot, so the copy's parts agree; a blocked reader may ask for it too.
  defineRead(app, ctx, 'myData', async ({ site, viewer }) => ({
    status: 200,
    body: await ctx.db.snapshot((tx) => myData(tx, site.id, viewer.userId)),
  }));

  // A read route by its plumbing: a blocked reader may still ask to be forgotten.
  defineRead(app, ctx, 'eraseMe', async ({ site, viewer }) => {
    const erased = await ctx.db.transaction((tx) => eraseUser(tx, site, viewer.userId, ctx));
    ctx.sessions.forgetUser(viewer.userId);
    return { status: 200, body: erased };
  });

  defineRead(app, ctx, 'deleteSession', async ({ viewer }) => {
    await ctx.sessions.revoke(viewer);
    return { status: 204, body: undefined };
  });
}
