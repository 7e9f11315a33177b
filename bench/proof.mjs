#!/usr/bin/env node
// Proofs of work, as a reader's browser and the reference server meet them:
// 1. Headless Chromium solves challenges from the reference server with the shipped client code
//    (`@kith/core/proof`, unbundled ESM as npm users get it) and posts a comment with each; the
//    solve times are what a guest's device spends, while they write.
// 2. The server's side: making a challenge (one key derivation) and checking a solution (one
//    HMAC), each timed over many, on the same machine in the same run.
// 3. For scale, in the same page: one try (one PBKDF2 derivation at the challenge's cost).
import { readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createKith, listen, Sites } from '../packages/server/dist/index.js';
import { Proofs, proofDifficulty } from '../packages/server/dist/services/proofs.js';
import { launchChromium } from '../scripts/lib/chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const solves = Number(process.env.BENCH_PROOFS ?? 40);
const altcha = join(root, 'packages/core/node_modules/altcha-lib/dist/esm/v2');

// What the page may load: the client as built, and the two modules it imports from elsewhere.
const mounts = {
  '/bench/core/': join(root, 'packages/core/dist'),
  '/bench/protocol/': join(root, 'packages/protocol/dist'),
  '/bench/altcha/': altcha,
};
const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>proof bench</title>
<script type="importmap">${JSON.stringify({
  imports: {
    '@kith/protocol/problems': '/bench/protocol/problems.js',
    'altcha-lib': '/bench/altcha/index.js',
    'altcha-lib/algorithms/web/pbkdf2': '/bench/altcha/algorithms/web/pbkdf2.js',
  },
})}</script></head><body></body></html>`;

function serveStatic(pathname) {
  if (pathname === '/bench/') return new Response(page, { headers: { 'content-type': 'text/html' } });
  for (const [prefix, dir] of Object.entries(mounts)) {
    if (!pathname.startsWith(prefix)) continue;
    const file = normalize(join(dir, pathname.slice(prefix.length)));
    if (!file.startsWith(dir)) break;
    try {
      const type = extname(file) === '.js' ? 'text/javascript' : 'application/octet-stream';
      return new Response(readFileSync(file), { headers: { 'content-type': type } });
    } catch {
      break;
    }
  }
  return new Response('not found', { status: 404 });
}

const kith = await createKith({ logLevel: 'warn' });
const sites = new Sites(kith.db);
const { site } = await sites.create('bench', []);
await sites.update(site, {
  proofOfWork: 'everyone',
  rateLimit: { comments: { max: 100000, windowSeconds: 60 } },
});
const server = await listen(
  {
    ...kith,
    app: {
      fetch: (request) => {
        const { pathname } = new URL(request.url);
        return pathname.startsWith('/bench/') ? serveStatic(pathname) : kith.app.fetch(request);
      },
    },
  },
  0,
);
const origin = server.url.replace('127.0.0.1', 'localhost'); // a secure context: Web Crypto
await kith.ctx.sites.update(await kith.ctx.sites.get('bench'), { origins: [origin] });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const ms = (x) => `${x.toFixed(0)} ms`;

const browser = await launchChromium();
try {
  const tab = await browser.newPage();
  await tab.goto(`${origin}/bench/`);
  const browserSide = await tab.evaluate(
    async ({ origin, solves }) => {
      const { createClient } = await import('/bench/core/client.js');
      const { getChallenge, solveProof } = await import('/bench/core/proof.js');
      const client = createClient({ server: origin, site: 'bench' });
      client.setToken((await client.signInAsGuest({ name: 'Bench' })).token);
      const times = [];
      const counters = [];
      let posted = 0;
      for (let i = 0; i < solves; i++) {
        const challenge = await getChallenge(client);
        const started = performance.now();
        const proof = await solveProof(challenge);
        times.push(performance.now() - started);
        counters.push(JSON.parse(atob(proof)).solution.counter);
        const comment = await client.createComment('/bench', { markdown: `proof ${i}` }, { proof });
        if (comment.id) posted += 1;
      }
      // One try, for scale: a derivation at the challenge's cost, averaged over 200.
      const { cost } = (await getChallenge(client)).parameters;
      const salt = crypto.getRandomValues(new Uint8Array(16));
      const started = performance.now();
      for (let i = 0; i < 200; i++) {
        const key = await crypto.subtle.importKey('raw', new Uint32Array([i]), 'PBKDF2', false, [
          'deriveBits',
        ]);
        await crypto.subtle.deriveBits({ name: 'PBKDF2', salt, iterations: cost, hash: 'SHA-256' }, key, 256);
      }
      return { times, counters, posted, perTry: (performance.now() - started) / 200 };
    },
    { origin, solves },
  );
  const { times, counters, posted, perTry } = browserSide;

  // The server's side, in this process.
  const proofs = new Proofs(() => 'bench-key');
  const made = [];
  let started = performance.now();
  for (let i = 0; i < 200; i++) made.push(await proofs.challenge(site));
  const makeMs = (performance.now() - started) / 200;
  const { solveProof } = await import('../packages/protocol/dist/conformance/index.js');
  const headers = [];
  for (const challenge of made.slice(0, 20)) headers.push(await solveProof(challenge));
  const db = { query: async () => [{ ok: 1 }] }; // the spent-proof insert is measured by the post bench
  started = performance.now();
  for (let round = 0; round < 50; round++) for (const header of headers) await proofs.spend(db, site, header);
  const checkMs = (performance.now() - started) / (50 * headers.length);

  console.log(
    `difficulty: PBKDF2/SHA-256, ${proofDifficulty.cost} iterations a try, the answer drawn from ${proofDifficulty.minCounter}–${proofDifficulty.maxCounter} tries`,
  );
  console.log(
    `\nbrowser (headless Chromium, ${solves} challenges from the reference server, @kith/core/proof):`,
  );
  console.log(
    `  solve time: median ${ms(median(times))}, p90 ${ms(pct(times, 0.9))}, max ${ms(Math.max(...times))}`,
  );
  console.log(`  tries needed: median ${median(counters)} (one try ${perTry.toFixed(2)} ms)`);
  console.log(`  comments posted with their proof: ${posted} of ${solves}`);
  console.log('\nserver (this process, one core):');
  console.log(`  make a challenge: ${makeMs.toFixed(2)} ms (${Math.round(1000 / makeMs)} a second)`);
  console.log(`  check a solution: ${checkMs.toFixed(3)} ms (${Math.round(1000 / checkMs)} a second)`);
  console.log(
    `  ratio: a reader's device works ${Math.round(median(times) / checkMs)}× longer than the server takes to check it`,
  );
  if (posted !== solves) process.exitCode = 1;
} finally {
  await browser.close();
  await server.close();
  await kith.close();
}
