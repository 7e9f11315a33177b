import { createHash } from 'node:crypto';
import type { Context, Hono } from 'hono';
import type { AppContext } from '../http/context.js';
import { defineRead, defineWrite } from '../http/define.js';
import { commentFeed } from '../services/feeds.js';

export function threadRoutes(app: Hono, ctx: AppContext) {
  defineRead(app, ctx, 'getCounts', async ({ site, query }) => ({
    status: 200,
    body: { counts: await ctx.threads.counts(site.id, [...new Set(query.thread)]) },
  }));

  // Feed readers poll: a minute of caching spares the database and delays nobody much, and a
  // reader that sends back the ETag of what it has gets an empty 304 while nothing changed.
  const atom = (c: Context, body: string) => {
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    const headers = { etag, 'cache-control': 'public, max-age=60' };
    const known = c.req
      .header('if-none-match')
      ?.split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''));
    if (known?.includes(etag) || known?.includes('*')) return new Response(null, { status: 304, headers });
    return new Response(body, {
      headers: { ...headers, 'content-type': 'application/atom+xml; charset=utf-8' },
    });
  };
  defineRead(app, ctx, 'threadFeed', async ({ c, site, params }) =>
    atom(c, await commentFeed(ctx.db, site, params.key)),
  );
  defineRead(app, ctx, 'siteFeed', async ({ c, site }) => atom(c, await commentFeed(ctx.db, site, null)));

  defineWrite(app, ctx, 'updateThread', async ({ site, params, body }, tx) => ({
    status: 200,
    body: await ctx.threads.setClosed(tx, site.id, params.key, body.closed),
    wake: params.key,
  }));
}
