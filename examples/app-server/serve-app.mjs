// How the app examples (React, Vue, Svelte, Astro) are served: the app's build and the reference
// server on one origin, so the app's server is `location.origin`. A fresh database gets the site
// and two comments under the post, written through the protocol as two guests would.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { createKith, listen, Sites } from '@kith/server';
import { Hono } from 'hono';

/**
 * Serves `dir`'s `dist` as "Kith in <framework>" on PORT (else `port`), with the site `site`;
 * data in KITH_DATA_DIR, else `dir`'s `.kith-data`. Prints "is running" once it answers.
 */
export async function serveApp({ dir, framework, site, port: defaultPort }) {
  const here = fileURLToPath(dir);
  const port = Number(process.env.PORT ?? defaultPort);
  const host = process.env.HOST ?? '127.0.0.1';
  const dataDir = process.env.KITH_DATA_DIR ?? resolve(here, '.kith-data');

  const kith = await createKith({ dataDir, logLevel: process.env.KITH_LOG_LEVEL ?? 'warn' });
  const sites = new Sites(kith.db);
  const fresh = !(await sites.find(site));
  if (fresh)
    await sites.create(
      site,
      [`http://localhost:${port}`, `http://127.0.0.1:${port}`],
      `Kith in ${framework}`,
    );

  const app = new Hono();
  app.use('/*', serveStatic({ root: resolve(here, 'dist') }));
  app.all('*', (c) => kith.app.fetch(c.req.raw, c.env));
  const server = await listen({ ...kith, app }, port, host);
  const origin = `http://localhost:${server.port}`;

  if (fresh) {
    const thread = `${origin}/v1/sites/${site}/threads/${encodeURIComponent('/posts/hello')}/comments`;
    for (const [name, markdown] of [
      ['Ada', `First! Written **before** ${framework} rendered anything.`],
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

  console.log(`\n  Kith in ${framework} is running: open ${origin}/\n`);
  const stop = async () => {
    await server.close();
    await kith.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
