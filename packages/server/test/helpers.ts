import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createKith, type Kith, type KithOptions, type Listening, listen } from '../src/index.js';
import { eventsChannel } from '../src/services/events.js';
import { Sites } from '../src/services/sites.js';

/** Set by the test command to run the same tests on PostgreSQL; otherwise PGlite. */
export const postgresUrl = process.env.KITH_TEST_DATABASE_URL || undefined;
export const databaseKind = postgresUrl ? 'postgres' : 'pglite';

/** A fresh, empty database for one test file: a new PostgreSQL database, or undefined for in-memory PGlite. */
export async function freshDatabaseUrl(): Promise<string | undefined> {
  if (!postgresUrl) return undefined;
  const name = `kith_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export interface TestServer {
  kith: Kith;
  http: Listening;
  url: string;
  site: string;
  secret: string;
  stop(): Promise<void>;
}

export async function startServer(
  options: KithOptions & { site?: string; origins?: string[] } = {},
): Promise<TestServer> {
  const kith = await createKith({ logLevel: 'silent', keepAliveMs: 500, ...options });
  const sites = new Sites(kith.db);
  const site = options.site ?? 'test';
  const secret = (await sites.find(site))
    ? await sites.rotateSecret(site)
    : (await sites.create(site, options.origins ?? ['http://localhost:1'])).secret;
  kith.ctx.sites.forget(site);
  const http = await listen(kith, 0);
  return {
    kith,
    http,
    url: http.url,
    site,
    secret,
    async stop() {
      await http.close();
      await kith.close();
    },
  };
}

/**
 * Resolves once this server has heard every change committed so far by any connection, such as a
 * CLI import's. PostgreSQL delivers notifications in commit order, so hearing one sent now is enough.
 */
export async function heardEverything(server: TestServer): Promise<void> {
  const key = `settled-${randomBytes(6).toString('hex')}`;
  const { bus } = server.kith.ctx;
  let unsubscribe = () => {};
  const heard = new Promise<void>((resolve) => {
    unsubscribe = bus.subscribe(server.site, key, resolve);
  });
  await server.kith.db.query('SELECT pg_notify($1, $2)', [eventsChannel, JSON.stringify([server.site, key])]);
  await heard;
  unsubscribe();
}

/** A JSON call: `body` is sent as JSON (a string as is), `token` as a bearer token. */
export type JsonInit = Omit<RequestInit, 'body'> & { token?: string; body?: unknown };

export async function json<T = any>(url: string, init: JsonInit = {}) {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  let body: string | undefined;
  if (typeof init.body === 'string') body = init.body;
  else if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers.set('content-type', 'application/json');
  }
  const response = await fetch(url, { ...init, headers, body });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: (text ? JSON.parse(text) : undefined) as T,
  };
}

export async function guest(base: string, site: string, name = 'Tester'): Promise<string> {
  const reply = await json(`${base}/v1/sites/${site}/sessions`, { method: 'POST', body: { name } });
  if (reply.status !== 201) throw new Error(`session: ${reply.status}`);
  return reply.body.token;
}
