import type { Hono } from 'hono';
import type { AppContext } from '../http/context.js';
import { defineRead, defineWrite } from '../http/define.js';
import { exportSite } from '../services/exports.js';
import { ownerSettings, siteCapabilities } from '../services/sites.js';

export function siteRoutes(app: Hono, ctx: AppContext) {
  defineRead(app, ctx, 'getSite', async ({ site }) => ({ status: 200, body: siteCapabilities(site) }));

  defineRead(app, ctx, 'getSettings', async ({ site }) => ({ status: 200, body: ownerSettings(site) }));

  // Streamed as it is read, a batch of threads at a time: a large site is never held whole.
  defineRead(app, ctx, 'exportSite', async ({ site }) => {
    const day = new Date().toISOString().slice(0, 10);
    const pieces = exportSite(ctx.db, site.id);
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
        'content-type': 'application/json',
        'content-disposition': `attachment; filename="kith-${site.id}-${day}.json"`,
        'cache-control': 'no-store',
      },
    });
  });

  defineWrite(app, ctx, 'updateSite', async ({ site, body }, tx) => {
    const updated = await ctx.sites.update(site, body, tx);
    ctx.pages.invalidateSite(site.id);
    return { status: 200, body: siteCapabilities(updated) };
  });
}
