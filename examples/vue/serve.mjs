#!/usr/bin/env node
// The Vue example, served with the reference server on one origin: `pnpm build` first (from the
// repository's root), then `pnpm --filter @kith/example-vue start`.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { createKith, listen, Sites } from '@kith/server';
import { Hono } from 'hono';

const here = fileURLToPath(new URL('.', import.meta.url));
const port = Number(process.env.PORT ?? 8789);
const host = process.env.HOST ?? '127.0.0.1';
const dataDir = process.env.KITH_DATA_DIR ?? resolve(here, '.kith-data');
const site = 'vue';

const kith = await createKith({ dataDir, logLevel: process.env.KITH_LOG_LEVEL ?? 'warn' });
const sites = new Sites(kith.db);
const fresh = !(await sites.find(site));
if (fresh) await sites.create(site, [`http://localhost:${port}`, `http://127.0.0.1:${port}`], 'Kith in Vue');

const app = new Hono();
app.use('/*', serveStatic({ root: resolve(here, 'dist') }));
app.all('*', (c) => kith.app.fetch(c.req.raw, c.env));
const server = await listen({ ...kith, app }, port, host);
const origin = `http://localhost:${server.port}`;

// Two comments under the post, written through the protocol as two guests would.
if (fresh) {
  const thread = `${origin}/v1/sites/${site}/threads/${encodeURIComponent('/posts/hello')}/comments`;
  for (const [name, markdown] of [
    ['Ada', 'First! Written **before** Vue rendered anything.'],
    ['Grace', 'And a second one, to sort.'],
  ]) {
    const session = await fetch(`${origin}/v1/sites/${site}/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ name }),
    }).then((r) => r.json());
    const posted = await fetch(thread, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, authorization: `Bearer ${session.token}` },
      body: JSON.stringify({ markdown }),
    });
    if (posted.status !== 201) throw new Error(`seeding failed: ${posted.status} ${await posted.text()}`);
  }
}

console.log(`\n  Kith in Vue is running: open ${origin}/\n`);
const stop = async () => {
  await server.close();
  await kith.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
