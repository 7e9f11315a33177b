import { getConnInfo } from '@hono/node-server/conninfo';
import { type RouteSpec, routes } from '@kith/protocol';
import type { Static, TSchema } from '@sinclair/typebox';
import type { Context, Hono } from 'hono';
import type { Queryable } from '../db/driver.js';
import { fingerprint, sameSecret, siteSecretPrefix } from '../services/secrets.js';
import type { Viewer } from '../services/sessions.js';
import type { SiteRecord } from '../services/sites.js';
import type { AppContext } from './context.js';
import { type Claim, checkIdempotencyKey, type Outcome, runIdempotent } from './idempotency.js';
import { ProblemError } from './problem.js';
import { queryObject, validate } from './validate.js';

type Routes = typeof routes;
type Part<R, K extends string> = R extends Record<K, infer S extends TSchema> ? Static<S> : undefined;

export interface Request<R extends RouteSpec> {
  c: Context;
  site: SiteRecord;
  /** The signed-in reader; null on routes that do not require one and got no token. */
  viewer: R['auth'] extends 'user' ? Viewer : Viewer | null;
  params: Part<R, 'params'>;
  query: Part<R, 'query'>;
  body: Part<R, 'body'>;
  /** Who the request acts for: the rate limit and Idempotency-Key scope. */
  actor: string;
}

export type ReadHandler<R extends RouteSpec> = (req: Request<R>) => Promise<Response | Outcome>;
/** `wake` names the thread whose event streams to wake once the write has committed. */
export type WriteHandler<R extends RouteSpec> = (
  req: Request<R>,
  tx: Queryable,
  claim: Claim | undefined,
) => Promise<Outcome & { wake?: string | null; stored?: boolean }>;

export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type)) {
    throw new ProblemError('unsupported-media-type', { detail: 'Send the body as application/json.' });
  }
  // Bodies are taken as they are: a compressed one would only be called broken JSON.
  const coding = c.req.header('content-encoding')?.trim().toLowerCase();
  if (coding && coding !== 'identity') {
    throw new ProblemError('unsupported-media-type', { detail: 'Send the body without a Content-Encoding.' });
  }
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ProblemError('invalid-json', { detail: (error as Error).message });
  }
}

function honoPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

async function prepare<R extends RouteSpec>(ctx: AppContext, spec: R, c: Context): Promise<Request<R>> {
  const params = spec.params ? validate(spec.params, c.req.param(), 'path') : undefined;
  const query = spec.query
    ? validate(spec.query, queryObject(spec.query, c.req.queries()), 'query')
    : undefined;
  if (!spec.query && Object.keys(c.req.queries()).length > 0) {
    throw new ProblemError('validation-failed', { detail: 'This endpoint takes no query parameters.' });
  }
  const site = await ctx.sites.get((params as { site: string }).site);
  const body = spec.body ? validate(spec.body, await readJson(c), 'body') : undefined;
  const authorization = c.req.header('authorization');
  let viewer: Viewer | null = null;
  let actor = `ip:${clientAddress(c, ctx.trustProxy)}`;
  const secret = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  // A moderator route takes the site secret (told apart by its prefix) or a moderator's session.
  if (spec.auth === 'secret' || (spec.auth === 'moderator' && secret?.startsWith(siteSecretPrefix))) {
    if (!secret)
      throw new ProblemError('unauthorized', { detail: 'Send the site secret as a bearer token.' });
    if (!sameSecret(secret, site.secretHash)) {
      throw new ProblemError('invalid-token', { detail: 'That is not this site’s secret.' });
    }
    actor = 'owner';
  } else if (spec.stream && spec.auth === 'optional-user') {
    // A token the stream does not take (revoked, expired) makes it everyone's, not refused forever.
    viewer = await ctx.sessions.streamReader(site.id, authorization);
  } else if (spec.auth !== 'none' && (spec.auth !== 'optional-user' || authorization)) {
    viewer = await ctx.sessions.authenticate(site.id, authorization);
    actor = `user:${viewer.userId}`;
    if (spec.auth === 'moderator' && !viewer.moderator) {
      throw new ProblemError('forbidden', {
        detail: 'Only the site’s moderators may do this: the site names them when it signs them in.',
      });
    }
  }
  return { c, site, viewer, params, query, body, actor } as Request<R>;
}

function respond(outcome: { status: number; body: string; replayed?: boolean }): Response {
  const headers: Record<string, string> = {};
  if (outcome.body !== '') headers['content-type'] = 'application/json';
  if (outcome.replayed) headers['idempotency-replayed'] = 'true';
  return new Response(outcome.body === '' ? null : outcome.body, { status: outcome.status, headers });
}

export function defineRead<K extends keyof Routes>(
  app: Hono,
  ctx: AppContext,
  id: K,
  handler: ReadHandler<Routes[K]>,
) {
  const spec: RouteSpec = routes[id];
  app.on(spec.method, honoPath(spec.path), async (c) => {
    const req = await prepare(ctx, spec as Routes[K], c);
    const out = await handler(req);
    if (out instanceof Response) return out;
    return respond({ status: out.status, body: out.body === undefined ? '' : JSON.stringify(out.body) });
  });
}

export interface WriteOptions<R extends RouteSpec> {
  /** Rate limit bucket and limit, counted only for requests that will really write. */
  limit?: (req: Request<R>) => { bucket: string; max: number; windowSeconds: number } | undefined;
  /** The handler claims the Idempotency-Key in its own statement (see runIdempotent). */
  inlineClaim?: boolean;
}

/** A write runs in one transaction; a POST with an Idempotency-Key runs at most once per key. */
export function defineWrite<K extends keyof Routes>(
  app: Hono,
  ctx: AppContext,
  id: K,
  handler: WriteHandler<Routes[K]>,
  options: WriteOptions<Routes[K]> = {},
) {
  const spec: RouteSpec = routes[id];
  app.on(spec.method, honoPath(spec.path), async (c) => {
    const key = spec.method === 'POST' ? checkIdempotencyKey(c.req.header('idempotency-key')) : undefined;
    const req = await prepare(ctx, spec as Routes[K], c);
    if (req.viewer?.blocked) {
      throw new ProblemError('user-blocked', {
        detail: 'The site blocked this commenter: reading still works, writing does not.',
      });
    }
    let wake: string | null | undefined;
    const outcome = await runIdempotent(
      ctx.db,
      {
        siteId: req.site.id,
        actor: req.actor,
        key,
        fingerprint: fingerprint(spec.method, c.req.path, JSON.stringify(req.body ?? null)),
      },
      async (tx, claim) => {
        const { wake: thread, ...result } = await handler(req, tx, claim);
        wake = thread;
        return result;
      },
      {
        async admit() {
          const limit = options.limit?.(req);
          if (limit) await ctx.limiter.hit(`${req.site.id}:${limit.bucket}:${req.actor}`, limit);
        },
        async refund() {
          const limit = options.limit?.(req);
          if (limit) await ctx.limiter.refund(`${req.site.id}:${limit.bucket}:${req.actor}`);
        },
      },
      options.inlineClaim ?? false,
    );
    if (wake) ctx.bus.wake(req.site.id, wake);
    return respond(outcome);
  });
}
