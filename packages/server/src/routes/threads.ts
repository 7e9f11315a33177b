import type { Hono } from 'hono';
import type { AppContext } from '../http/context.js';
import { defineRead, defineWrite } from '../http/define.js';
import { commentFeed } from '../services/feeds.js';

export function threadRoutes(app: Hono, ctx: AppContext) {
  defineRead(app, ctx, 'getCounts', async ({ site, query }) => ({
    status: 200,
    body: { counts: await ctx.threads.counts(site.id, [...new Set(query.thread)]) },
  }));

  // Feed readers poll: a minute of caching spares the database and delays nobody much.
  const atom = (body: string) =>
    new Response(body, {
      headers: {
        'content-type': 'application/atom+xml; charset=utf-8',
        'cache-control': 'public, max-age=60',
      },
    });
  defineRead(app, ctx, 'threadFeed', async ({ site, params }) =>
    atom(await commentFeed(ctx.db, site, params.key)),
  );
  defineRead(app, ctx, 'siteFeed', async ({ site }) => atom(await commentFeed(ctx.db, site, null)));

  defineWrite(app, ctx, 'updateThread', async ({ site, params, body }, tx) => ({
    status: 200,
    body: await ctx.threads.setClosed(tx, site.id, params.key, body.closed),
    wake: params.key,
  }));
}
