import type { Hono } from 'hono';
import type { AppContext } from '../http/context.js';
import { defineRead, defineWrite } from '../http/define.js';
import { ProblemError } from '../http/problem.js';
import { exportWxr } from '../services/export-wxr.js';
import { exportSite } from '../services/exports.js';
import { ownerSettings, siteCapabilities } from '../services/sites.js';

export function siteRoutes(app: Hono, ctx: AppContext) {
  defineRead(app, ctx, 'getSite', async ({ site }) => ({ status: 200, body: siteCapabilities(site) }));

  defineRead(app, ctx, 'getSettings', async ({ site }) => ({ status: 200, body: ownerSettings(site) }));

  defineRead(app, ctx, 'exportSite', async ({ site }) =>
    download(exportSite(ctx.db, site.id), 'application/json', `kith-${site.id}-${today()}.json`),
  );

  defineRead(app, ctx, 'exportSiteWxr', async ({ site, query }) => {
    const origin = query.base ?? site.origins[0];
    if (!origin)
      throw new ProblemError('validation-failed', {
        detail: 'The site has no origin to put its pages at: say where they are with base.',
      });
    return download(
      exportWxr(ctx.db, site.id, new URL(origin).origin),
      'application/rss+xml; charset=utf-8',
      `kith-${site.id}-${today()}.wxr.xml`,
    );
  });

  defineWrite(app, ctx, 'updateSite', async ({ site, body }, tx) => {
    const updated = await ctx.sites.update(site, body, tx);
    ctx.pages.invalidateSite(site.id);
    return { status: 200, body: siteCapabilities(updated) };
  });
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * A file to save, streamed as it is read (a batch of threads at a time): a large site is never
 * held whole.
 */
function download(pieces: AsyncGenerator<string>, type: string, filename: string): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await pieces.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await pieces.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      'content-type': type,
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
    },
  });
}
