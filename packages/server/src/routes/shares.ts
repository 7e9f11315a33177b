import type { Hono } from 'hono';
import type { AppContext } from '../http/context.js';
import { clientAddress, defineRead, defineWrite } from '../http/define.js';
import { ProblemError } from '../http/problem.js';

export function shareRoutes(app: Hono, ctx: AppContext) {
  defineRead(app, ctx, 'getShares', async ({ site, params }) => {
    if (!site.settings.shareCounts)
      throw new ProblemError('not-found', { detail: 'This site does not count shares.' });
    return { status: 200, body: await ctx.shares.counts(site.id, params.key) };
  });

  defineWrite(
    app,
    ctx,
    'countShare',
    async ({ c, site, params, body, viewer }, tx) => {
      if (!site.settings.shareCounts)
        throw new ProblemError('not-found', { detail: 'This site does not count shares.' });
      const visitor = ctx.shares.visitor(
        viewer?.userId,
        clientAddress(c, ctx.trustProxy),
        c.req.header('user-agent') ?? '',
      );
      return { status: 200, body: await ctx.shares.click(tx, site.id, params.key, body.network, visitor) };
    },
    { limit: ({ site }) => ({ bucket: 'shares', ...site.settings.rateLimit.shares }) },
  );
}
