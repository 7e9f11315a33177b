import type { Hono } from 'hono';
import type { AppContext } from '../http/context.js';
import { defineRead, defineWrite } from '../http/define.js';

export function commentRoutes(app: Hono, ctx: AppContext) {
  defineRead(app, ctx, 'getThread', async ({ site, params, query, viewer }) => ({
    status: 200,
    body: await ctx.comments.page(
      site,
      params.key,
      { sort: query.sort ?? 'new', limit: query.limit ?? site.settings.pageSize, cursor: query.cursor },
      viewer,
    ),
  }));

  defineRead(app, ctx, 'getReplies', async ({ site, params, query }) => ({
    status: 200,
    body: await ctx.comments.replies(site, params.id, {
      limit: query.limit ?? site.settings.pageSize,
      cursor: query.cursor,
    }),
  }));

  defineWrite(
    app,
    ctx,
    'createComment',
    async ({ site, params, body, viewer }, tx) => {
      const { result, threadKey } = await ctx.comments.create(tx, site, params.key, viewer, body);
      return { status: 201, body: result, wake: threadKey };
    },
    { limit: ({ site }) => ({ bucket: 'comments', ...site.settings.rateLimit.comments }) },
  );

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
