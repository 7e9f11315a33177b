import type { Hono } from 'hono';
import type { AppContext } from '../http/context.js';
import { defineRead, defineWrite } from '../http/define.js';
import { ownerSettings, siteCapabilities } from '../services/sites.js';

export function siteRoutes(app: Hono, ctx: AppContext) {
  defineRead(app, ctx, 'getSite', async ({ site }) => ({ status: 200, body: siteCapabilities(site) }));

  defineRead(app, ctx, 'getSettings', async ({ site }) => ({ status: 200, body: ownerSettings(site) }));

  defineWrite(app, ctx, 'updateSite', async ({ site, body }, tx) => {
    const updated = await ctx.sites.update(site, body, tx);
    ctx.pages.invalidateSite(site.id);
    return { status: 200, body: siteCapabilities(updated) };
  });
}
