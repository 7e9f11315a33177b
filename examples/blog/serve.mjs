#!/usr/bin/env node
// The demo: the reference server on its embedded database, a seeded demo site, and the blog pages,
// all on one origin. `pnpm start` builds the packages, then runs this.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { createKith, listen, Sites } from '@kith/server';
import { Hono } from 'hono';
import { addMembers } from './members.mjs';
import { seedDemo } from './seed.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = resolve(here, '../..');
const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? '127.0.0.1';
const dataDir = process.env.KITH_DATA_DIR ?? resolve(root, '.kith-data');
const site = 'demo';

// The reference server also serves the script-tag build at /embed/.
const kith = await createKith({
  dataDir,
  logLevel: process.env.KITH_LOG_LEVEL ?? 'warn',
  embedDir: resolve(root, 'packages/embed/dist'),
});
const origin = `http://localhost:${port}`;
const sites = new Sites(kith.db);
const existing = await sites.find(site);
let secret;
if (!existing) {
  const created = await sites.create(site, [origin, `http://127.0.0.1:${port}`], 'Kith demo');
  secret = created.secret;
  // As we suggest for a public site: guests solve a proof of work with each comment (no CAPTCHA),
  // and a comment with two links or more waits for approval. The blog's members sign in to the
  // comments with single sign-on (members.mjs).
  await sites.update(created.site, { proofOfWork: 'guests', holdLinks: 2, sso: true });
  await seedDemo(kith, site);
}

// The secret the blog signs its members' tokens with; turned on for data from before the demo had members.
const ssoSecret = async () => {
  const demo = await sites.get(site);
  if (demo.settings.sso) return demo.settings.sso.secret;
  const { secret } = (await sites.update(demo, { sso: true })).settings.sso;
  kith.ctx.sites.forget(site);
  return secret;
};
await ssoSecret();

const app = new Hono();
addMembers(app, { publicDir: resolve(here, 'public'), site, sso: ssoSecret });
app.use('/*', serveStatic({ root: resolve(here, 'public') }));
app.all('*', (c) => kith.app.fetch(c.req.raw, c.env));

const server = await listen({ ...kith, app }, port, host);
// Shown once, when the demo site is made, as `kith-server site add` does: for trying the admin
// calls (moderation, settings) on the demo.
if (secret) console.log(`\n  the demo site's secret (shown once): ${secret}`);
console.log(`\n  Kith demo is running: open http://localhost:${server.port}/\n`);
console.log(
  `  data: ${dataDir} (delete it to start over) · API: http://localhost:${server.port}/v1/openapi.json\n`,
);

const stop = async () => {
  await server.close();
  await kith.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
