import type { Hono } from 'hono';
import type { AppContext } from '../http/context.js';
import { defineRead, defineWrite } from '../http/define.js';

export function threadRoutes(app: Hono, ctx: AppContext) {
  defineRead(app, ctx, 'getCounts', async ({ site, query }) => ({
    status: 200,
    body: { counts: await ctx.threads.counts(site.id, [...new Set(query.thread)]) },
  }));

  defineWrite(app, ctx, 'updateThread', async ({ site, params, body }, tx) => ({
    status: 200,
    body: await ctx.threads.setClosed(tx, site.id, params.key, body.closed),
    wake: params.key,
  }));
}
