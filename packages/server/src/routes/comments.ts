import { proofHeader } from '@kith/protocol';
import type { Hono } from 'hono';
import type { AppContext } from '../http/context.js';
import { defineRead, defineWrite } from '../http/define.js';
import { checkMarkdown } from '../services/comments.js';
import { eraseUser } from '../services/erase.js';
import { renderMarkdown } from '../services/markdown.js';
import { myData } from '../services/my-data.js';
import { setBlocked } from '../services/users.js';

export function commentRoutes(app: Hono, ctx: AppContext) {
  defineRead(app, ctx, 'getThread', async ({ site, params, query, viewer }) => {
    const options = {
      sort: query.sort ?? 'new',
      limit: query.limit ?? site.settings.pageSize,
      cursor: query.cursor,
    };
    // Every reader shares the same page: serve it from memory until the thread changes, and add
    // only the signed-in reader's own reactions and pending comments per request.
    const variant = `${options.sort}\u0000${options.limit}\u0000${options.cursor ?? ''}`;
    let shared = ctx.pages.get(site.id, params.key, variant);
    if (shared === undefined) {
      const version = ctx.pages.version(site.id, params.key);
      shared = await ctx.comments.sharedPage(site, params.key, options);
      ctx.pages.set(site.id, params.key, variant, shared, version);
    }
    const body = await ctx.comments.pageJson(shared, params.key, viewer);
    return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
  });

  defineRead(app, ctx, 'getReplies', async ({ site, params, query }) => ({
    status: 200,
    body: await ctx.comments.replies(site, params.id, {
      limit: query.limit ?? site.settings.pageSize,
      cursor: query.cursor,
    }),
  }));

  defineRead(app, ctx, 'getComment', async ({ site, params, viewer }) => ({
    status: 200,
    body: await ctx.comments.get(site, params.id, viewer),
  }));

  // A read in effect (nothing is stored), but it renders: rate-limited like posting, ten times looser.
  defineRead(app, ctx, 'previewComment', async ({ site, body, actor }) => {
    const { max, windowSeconds } = site.settings.rateLimit.comments;
    await ctx.limiter.hit(`${site.id}:previews:${actor}`, { max: max * 10, windowSeconds });
    return { status: 200, body: { html: renderMarkdown(checkMarkdown(site, body.markdown)) } };
  });

  defineWrite(
    app,
    ctx,
    'createComment',
    async ({ c, site, params, body, viewer }, tx, claim) => {
      if (ctx.proofs.required(site, viewer)) await ctx.proofs.spend(tx, site, c.req.header(proofHeader));
      const { result, threadKey } = await ctx.comments.create(tx, site, params.key, viewer, body, claim);
      const type = result.status === 'pending' ? 'comment.pending' : 'comment.published';
      await ctx.webhooks.enqueue(tx, site, type, { comment: result });
      return { status: 201, body: result, wake: threadKey, stored: claim !== undefined };
    },
    { limit: ({ site }) => ({ bucket: 'comments', ...site.settings.rateLimit.comments }), inlineClaim: true },
  );

  // Rate-limited like previews: making one costs the server a key derivation.
  defineRead(app, ctx, 'getChallenge', async ({ site, actor }) => {
    const { max, windowSeconds } = site.settings.rateLimit.comments;
    await ctx.limiter.hit(`${site.id}:challenges:${actor}`, { max: max * 10, windowSeconds });
    return new Response(JSON.stringify(await ctx.proofs.challenge(site)), {
      status: 200,
      headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
    });
  });

  // Reports count against the reactions limit: one more thing a reader does to others' comments.
  defineWrite(
    app,
    ctx,
    'reportComment',
    async ({ site, params, body, viewer }, tx) => {
      await ctx.reports.report(tx, site, params.id, viewer, body);
      await ctx.webhooks.enqueueReport(tx, site, params.id, body);
      return { status: 204, body: undefined };
    },
    { limit: ({ site }) => ({ bucket: 'reactions', ...site.settings.rateLimit.reactions }) },
  );

  defineRead(app, ctx, 'listReports', async ({ site, query }) => ({
    status: 200,
    body: await ctx.reports.list(site, {
      limit: query.limit ?? site.settings.pageSize,
      cursor: query.cursor,
    }),
  }));

  defineWrite(app, ctx, 'dismissReports', async ({ site, params }, tx) => {
    await ctx.reports.dismiss(tx, site, params.id);
    return { status: 204, body: undefined };
  });

  // Moderation, with the site secret.
  defineRead(app, ctx, 'listPending', async ({ site, query }) => ({
    status: 200,
    body: await ctx.comments.pending(site, {
      limit: query.limit ?? site.settings.pageSize,
      cursor: query.cursor,
    }),
  }));

  defineWrite(app, ctx, 'approveComment', async ({ site, params }, tx) => {
    const { result, threadKey } = await ctx.comments.approve(tx, site, params.id);
    return { status: 200, body: result, wake: threadKey };
  });

  defineWrite(app, ctx, 'removeComment', async ({ site, params }, tx) => {
    const { threadKey } = await ctx.comments.remove(tx, site, params.id);
    return { status: 204, body: undefined, wake: threadKey };
  });

  defineWrite(app, ctx, 'blockUser', async ({ site, params, body, viewer }, tx) => {
    await setBlocked(tx, site, params.id, body.blocked, viewer);
    ctx.sessions.forgetUser(params.id);
    return { status: 204, body: undefined };
  });

  defineRead(app, ctx, 'userData', async ({ site, params }) => ({
    status: 200,
    body: await ctx.db.snapshot((tx) => myData(tx, site.id, params.id)),
  }));

  defineWrite(app, ctx, 'eraseUser', async ({ site, params }, tx) => {
    const erased = await eraseUser(tx, site, params.id, ctx);
    ctx.sessions.forgetUser(params.id);
    return { status: 200, body: erased };
  });

  defineWrite(app, ctx, 'editComment', async ({ site, params, body, viewer }, tx) => {
    const { result, threadKey } = await ctx.comments.edit(tx, site, params.id, viewer, body.markdown);
    return { status: 200, body: result, wake: threadKey };
  });

  defineWrite(app, ctx, 'deleteComment', async ({ site, params, viewer }, tx) => {
    const { result, threadKey } = await ctx.comments.delete(tx, site, params.id, viewer);
    return { status: 200, body: result, wake: threadKey };
  });

  defineWrite(
    app,
    ctx,
    'react',
    async ({ site, params, body, viewer }, tx) => {
      const { result, threadKey } = await ctx.comments.react(
        tx,
        site,
        params.id,
        viewer,
        body.reaction,
        body.active,
      );
      return { status: 200, body: result, wake: threadKey };
    },
    { limit: ({ site }) => ({ bucket: 'reactions', ...site.settings.rateLimit.reactions }) },
  );
}
