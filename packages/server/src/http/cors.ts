import type { MiddlewareHandler } from 'hono';
import type { AppContext } from './context.js';
import { problemResponse } from './problem.js';

const allowHeaders = 'authorization, content-type, idempotency-key, kith-proof, last-event-id';
const exposeHeaders = 'retry-after, idempotency-replayed, location';

/**
 * Browsers may call a site's endpoints only from the origins its owner allowed. Requests without an
 * Origin header (servers, curl) are not browser requests and pass; authorization still applies.
 */
export function siteCors(ctx: AppContext): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (!origin) return next();
    const siteId = c.req.param('site') ?? '';
    const site = /^[a-z0-9][a-z0-9-]{0,62}$/.test(siteId) ? await ctx.sites.find(siteId) : null;
    const preflight = c.req.method === 'OPTIONS';
    const corsHeaders = (allowOrigin: string): Record<string, string> => ({
      'access-control-allow-origin': allowOrigin,
      'access-control-expose-headers': exposeHeaders,
      vary: 'Origin',
    });
    if (!site) {
      // Let the page read the 404 problem rather than a bare network error.
      if (preflight) {
        return new Response(null, {
          status: 204,
          headers: {
            ...corsHeaders('*'),
            'access-control-allow-headers': allowHeaders,
            'access-control-allow-methods': 'GET, POST, PATCH, PUT, DELETE',
          },
        });
      }
      await next();
      for (const [k, v] of Object.entries(corsHeaders('*'))) c.res.headers.set(k, v);
      return;
    }
    if (!site.origins.includes(origin)) {
      const response = problemResponse('origin-not-allowed', {
        detail: `The site "${site.id}" does not allow ${origin}. Its owner can add it with \`kith-server site origin add\`.`,
      });
      // Readable by the page, so the developer sees why; nothing is done on its behalf.
      for (const [k, v] of Object.entries(corsHeaders(origin))) response.headers.set(k, v);
      return response;
    }
    if (preflight) {
      return new Response(null, {
        status: 204,
        headers: {
          ...corsHeaders(origin),
          'access-control-allow-methods': 'GET, POST, PATCH, PUT, DELETE',
          'access-control-allow-headers': allowHeaders,
          'access-control-max-age': '600',
        },
      });
    }
    await next();
    for (const [k, v] of Object.entries(corsHeaders(origin))) c.res.headers.set(k, v);
  };
}
