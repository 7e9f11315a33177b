import { serveStatic } from '@hono/node-server/serve-static';
import { buildOpenApi } from '@kith/protocol';
import { Hono } from 'hono';
import { DatabaseUnavailable } from './db/driver.js';
import { allowedMethods } from './http/allowed-methods.js';
import { bodyLimit } from './http/body-limit.js';
import type { AppContext } from './http/context.js';
import { siteCors } from './http/cors.js';
import { clientAddress } from './http/define.js';
import { ProblemError, problemResponse } from './http/problem.js';
import { errorFields } from './logger.js';
import { commentRoutes } from './routes/comments.js';
import { eventRoutes } from './routes/events.js';
import { rsvpRoutes } from './routes/rsvps.js';
import { sessionRoutes } from './routes/sessions.js';
import { shareRoutes } from './routes/shares.js';
import { siteRoutes } from './routes/sites.js';
import { threadRoutes } from './routes/threads.js';

export const maxBodyBytes = 64 * 1024;

export interface AppOptions {
  /** A folder served at /embed/ (the script-tag build), readable from any origin. */
  embedDir?: string | undefined;
}

/** The HTTP application: protocol routes, CORS per site, problem+json for every error. */
export function createApp(ctx: AppContext, options: AppOptions = {}): Hono {
  const app = new Hono({ strict: false });

  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    if (ctx.log.enabled('info')) {
      // The path only: query strings may carry cursors; headers (tokens) are never logged.
      ctx.log.info('request', {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        ip: clientAddress(c, ctx.trustProxy),
      });
    }
  });

  // Answers are data, never pages: opened in a browser (a feed, a thread's JSON with readers'
  // text in it), nothing is sniffed as HTML, run or framed. The script-tag build is a script.
  app.use('*', async (c, next) => {
    await next();
    c.header('x-content-type-options', 'nosniff');
    if (!c.req.path.startsWith('/embed/'))
      c.header('content-security-policy', "default-src 'none'; frame-ancestors 'none'; sandbox");
  });

  app.use('/v1/*', bodyLimit(maxBodyBytes));
  app.use('/v1/sites/:site', siteCors(ctx));
  app.use('/v1/sites/:site/*', siteCors(ctx));

  let openapi: string | undefined;
  app.get('/v1/openapi.json', (c) => {
    openapi ??= JSON.stringify(buildOpenApi());
    return c.body(openapi, 200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
  });
  app.get('/healthz', async (c) => {
    await ctx.db.query('SELECT 1');
    return c.json({ ok: true, database: ctx.db.kind });
  });

  if (options.embedDir) {
    const root = options.embedDir;
    // Module scripts load in CORS mode: the embed must be readable from every site's pages.
    app.use('/embed/*', async (c, next) => {
      await next();
      c.header('access-control-allow-origin', '*');
      // Every answer, the plain one too, so a shared cache keeps one per encoding.
      if (c.res.ok && !c.res.headers.has('vary')) c.header('vary', 'Accept-Encoding');
      // A chunk's name changes with its content, so it is kept for good; a miss (a page asking
      // for a chunk of a newer build than this one, say) is not kept at all.
      c.header(
        'cache-control',
        !c.res.ok
          ? 'no-store'
          : c.req.path.includes('/chunks/')
            ? 'public, max-age=31536000, immutable'
            : 'public, max-age=300',
      );
    });
    // The build writes each file brotli- and gzip-compressed beside it (packages/embed).
    app.use(
      '/embed/*',
      serveStatic({ root, precompressed: true, rewriteRequestPath: (path) => path.replace(/^\/embed/, '') }),
    );
  }

  siteRoutes(app, ctx);
  threadRoutes(app, ctx);
  commentRoutes(app, ctx);
  sessionRoutes(app, ctx);
  eventRoutes(app, ctx);
  shareRoutes(app, ctx);
  rsvpRoutes(app, ctx);

  app.notFound((c) => {
    const allowed = allowedMethods(c.req.path);
    if (!allowed.length)
      return problemResponse('not-found', { detail: `Nothing at ${c.req.method} ${c.req.path}.` });
    const response = problemResponse('method-not-allowed', {
      detail: `${c.req.path} takes ${allowed.join(', ')}, not ${c.req.method}.`,
    });
    response.headers.set('allow', allowed.join(', '));
    return response;
  });
  let saidUnavailableAt = 0;
  app.onError((error, c) => {
    if (error instanceof ProblemError) return problemResponse(error.code, error.extras);
    if (error instanceof DatabaseUnavailable) {
      // Said once in a while, not once a request: an outage would flood the log.
      if (Date.now() - saidUnavailableAt > 30_000) {
        saidUnavailableAt = Date.now();
        ctx.log.warn('the database cannot be reached; answering 503 until it can', { error: error.message });
      }
      return problemResponse('unavailable', {
        detail: 'The database cannot be reached just now; try again shortly.',
        retryAfter: 5,
      });
    }
    ctx.log.error('unhandled error', { method: c.req.method, path: c.req.path, ...errorFields(error) });
    return problemResponse('internal-error');
  });
  return app;
}
