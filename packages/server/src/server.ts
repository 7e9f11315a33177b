import { type Server, STATUS_CODES } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { serve } from '@hono/node-server';
import { problemContentType } from '@kith/protocol/problems';
import type { Hono } from 'hono';
import { createApp } from './app.js';
import type { Db } from './db/driver.js';
import { openDb } from './db/open.js';
import type { AppContext } from './http/context.js';
import { problemBody } from './http/problem.js';
import { RateLimiter, SharedRateLimiter } from './http/rate-limit.js';
import { createLogger, errorFields, type Logger, type LogLevel } from './logger.js';
import { Comments } from './services/comments.js';
import { EventBus } from './services/events.js';
import { forgetOldNetworks } from './services/guest-networks.js';
import { PageCache } from './services/page-cache.js';
import { Proofs } from './services/proofs.js';
import { Reports } from './services/reports.js';
import { Rsvps } from './services/rsvps.js';
import { randomToken } from './services/secrets.js';
import { Sessions } from './services/sessions.js';
import { Shares } from './services/shares.js';
import { Sites } from './services/sites.js';
import { Threads } from './services/threads.js';
import { type WebhookOptions, Webhooks } from './services/webhooks.js';

export interface KithOptions {
  /** PostgreSQL URL; without it the embedded database is used. */
  databaseUrl?: string | undefined;
  /** Embedded database folder; undefined keeps data in memory. */
  dataDir?: string | undefined;
  logLevel?: LogLevel;
  logger?: Logger;
  trustProxy?: boolean;
  keepAliveMs?: number;
  /** How long thread events are kept for resuming streams. */
  eventRetentionDays?: number;
  /** Serve the script-tag build at /embed/ from this folder (the CLI uses @kith/embed's). */
  embedDir?: string | undefined;
  /** Webhook delivery (see `Webhooks`); `false` stores events but sends none from this instance. */
  webhooks?: WebhookOptions | false;
}

export interface Kith {
  app: Hono;
  ctx: AppContext;
  db: Db;
  /** Housekeeping, run hourly: expired sessions, old idempotency keys, events and share visitors. */
  maintain(): Promise<void>;
  close(): Promise<void>;
}

/** A server-wide secret (keys cursors), made once and shared by every instance on the database. */
async function serverKey(db: Db): Promise<string> {
  await db.query('INSERT INTO kith_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [
    'cursor-key',
    randomToken(32),
  ]);
  const rows = await db.query<{ value: string }>('SELECT value FROM kith_meta WHERE key = $1', [
    'cursor-key',
  ]);
  return rows[0]!.value;
}

async function maintain(db: Db, retentionDays: number): Promise<void> {
  await db.query("DELETE FROM idempotency WHERE created_at < now() - interval '1 day'");
  await db.query('DELETE FROM sessions WHERE expires_at < now()');
  await forgetOldNetworks(db);
  await db.query('DELETE FROM used_proofs WHERE expires_at < now()');
  await db.transaction(async (tx) => {
    const rows = await tx.query<{ thread_id: string; max: string }>(
      `DELETE FROM events WHERE created_at <= now() - make_interval(days => $1)
       RETURNING thread_id, id::text AS max`,
      [retentionDays],
    );
    const pruned = new Map<string, bigint>();
    for (const row of rows) {
      const id = BigInt(row.max);
      if (id > (pruned.get(row.thread_id) ?? 0n)) pruned.set(row.thread_id, id);
    }
    for (const [threadId, id] of pruned) {
      await tx.query(
        'UPDATE threads SET events_pruned_before = GREATEST(events_pruned_before, $2) WHERE id = $1',
        [threadId, (id + 1n).toString()],
      );
    }
  });
}

/** Opens the database (migrating it), and builds the app and its services. */
export async function createKith(options: KithOptions = {}): Promise<Kith> {
  const log = options.logger ?? createLogger(options.logLevel ?? 'info');
  const db = await openDb({ databaseUrl: options.databaseUrl, dataDir: options.dataDir });
  const key = await serverKey(db);
  const bus = new EventBus();
  const pages = new PageCache();
  bus.watch(
    (siteId, key) => pages.invalidate(siteId, key),
    () => pages.clear(),
  );
  await bus.start(db);
  const sites = new Sites(db);
  const ctx: AppContext = {
    db,
    log,
    sites,
    sessions: new Sessions(db, () => key),
    comments: new Comments(db, () => key),
    threads: new Threads(db),
    shares: new Shares(db, () => key),
    rsvps: new Rsvps(db, () => key),
    proofs: new Proofs(() => key),
    reports: new Reports(db, () => key),
    webhooks: new Webhooks(db, sites, log, options.webhooks || {}),
    bus,
    pages,
    limiter: db.kind === 'postgres' ? new SharedRateLimiter(db) : new RateLimiter(),
    trustProxy: options.trustProxy ?? false,
    keepAliveMs: options.keepAliveMs ?? 20_000,
  };
  const retention = options.eventRetentionDays ?? 30;
  const housekeeping = async () => {
    await maintain(db, retention);
    await ctx.shares.prune();
    await ctx.webhooks.prune();
    await ctx.limiter.prune();
  };
  await ctx.sessions.start();
  if (options.webhooks !== false) await ctx.webhooks.start();
  const timer = setInterval(() => {
    housekeeping().catch((error) => log.warn('maintenance failed', errorFields(error)));
  }, 3600_000);
  timer.unref();
  return {
    app: createApp(ctx, { embedDir: options.embedDir }),
    ctx,
    db,
    maintain: housekeeping,
    async close() {
      clearInterval(timer);
      await ctx.webhooks.stop();
      await ctx.sessions.stop();
      await bus.stop();
      await db.close();
    },
  };
}

export interface Listening {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * What Node answers itself, before the app sees the request, as problem+json like every other
 * error: an address or headers over its limit (16 KB) is a 431, a request it cannot parse a 400.
 * Timeouts keep Node's bare 408. Nothing is written once a response has begun on the connection
 * (as Node's own handler does), and the connection is closed.
 */
function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (!socket.writable || inFlight?.headersSent || error.code === 'ECONNRESET') {
      socket.destroy();
    } else if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
      socket.end('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\n\r\n');
    } else {
      const problem = problemBody(error.code === 'HPE_HEADER_OVERFLOW' ? 'headers-too-large' : 'bad-request');
      const body = JSON.stringify(problem);
      socket.end(
        `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\nContent-Type: ${problemContentType}\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    }
  });
}

/** Serves a Kith app over HTTP on Node. */
export function listen(kith: Kith, port = 8787, hostname = '127.0.0.1'): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: kith.app.fetch, port, hostname }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            const http = server as unknown as { closeIdleConnections(): void; closeAllConnections(): void };
            // Let requests in flight finish; event streams never end on their own, so after a
            // moment every connection still open is dropped.
            server.close(() => done());
            http.closeIdleConnections();
            setTimeout(() => http.closeAllConnections(), 1000).unref();
          }),
      });
    });
    // Idle connections stay open longer than a reverse proxy keeps its own (nginx and cloud load
    // balancers keep theirs 60 s): closed first by Node (5 s by default), a connection the proxy
    // reuses at that moment fails its request with a 502.
    const http = server as unknown as Server;
    http.keepAliveTimeout = 65_000;
    http.headersTimeout = 66_000;
    answerClientErrors(http);
    server.once('error', reject);
  });
}
