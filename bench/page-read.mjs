#!/usr/bin/env node
// What a read costs when nothing is cached, one read at a time, in-process (the app answers a
// Request; no HTTP client or socket in the way), on PostgreSQL and on PGlite:
// - a 50-comment thread page read fresh, as the first read after every change to its thread is
//   (one REPEATABLE READ snapshot: the thread, its comments, their first replies and the stream's
//   position), against the same page from the server's cache, measured in the same run;
// - a page's event (tally, line, first attendees and the stream's position in one snapshot),
//   which is never cached.
// Latency, not throughput: bench/server.mjs loads the server with 50 connections.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKith, Sites } from '../packages/server/dist/index.js';
import { postgresBinDir, startPostgres } from '../scripts/lib/postgres.mjs';

const reads = Number(process.env.BENCH_READS ?? 500);
const key = '/bench/page';
const paragraph =
  'Thanks for writing this up. I tried the **second approach** on our staging box and it held up under load; ' +
  'the only thing I would add is a note about `fsync` and what happens when the disk fills.';

async function measure(label, databaseUrl) {
  const dataDir = databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'kith-page-read-'));
  const kith = await createKith({ databaseUrl, dataDir, logLevel: 'silent', webhooks: false });
  try {
    const { secret } = await new Sites(kith.db).create('bench', ['http://localhost:1']);
    const api = 'http://kith.test/v1/sites/bench';
    const call = async (path, init = {}) => {
      const response = await kith.app.request(`${api}${path}`, init);
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return response.status === 204 ? undefined : response.json();
    };
    const json = (method, body, token) => ({
      method,
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify(body),
    });
    const limit = { max: 100_000, windowSeconds: 60 };
    await call(
      '/admin/settings',
      json('PATCH', { rateLimit: { comments: limit, sessions: limit, rsvps: limit } }, secret),
    );
    const { token } = await call('/sessions', json('POST', { name: 'Bench' }));
    const thread = `/threads/${encodeURIComponent(key)}`;
    const top = [];
    for (let i = 0; i < 50; i++)
      top.push(
        (await call(`${thread}/comments`, json('POST', { markdown: `${i}. ${paragraph}` }, token))).id,
      );
    for (let i = 0; i < 20; i++)
      await call(`${thread}/comments`, json('POST', { markdown: paragraph, parentId: top[i % 5] }, token));
    const start = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const end = new Date(Date.now() + 30 * 86_400_000 + 7_200_000).toISOString();
    await call(
      `/admin${thread}/event`,
      json('PUT', { title: 'Bench meetup', start, end, timeZone: 'Europe/Berlin', capacity: 100 }, secret),
    );
    for (let i = 0; i < 30; i++) {
      const reader = await call('/sessions', json('POST', { name: `Reader ${i}` }));
      await call(`${thread}/event/rsvp`, json('PUT', { response: i % 3 ? 'going' : 'maybe' }, reader.token));
    }

    const time = async (read, before = () => {}) => {
      const ms = [];
      for (let i = 0; i < 50; i++) await read(); // warm up (JIT, prepared plans, pool)
      for (let i = 0; i < reads; i++) {
        before();
        const started = performance.now();
        await read();
        ms.push(performance.now() - started);
      }
      ms.sort((a, b) => a - b);
      return { p50: ms[Math.floor(reads / 2)], p99: ms[Math.floor(reads * 0.99)] };
    };
    const page = () => call(`${thread}?limit=50`);
    const cached = await time(page);
    // Dropped as a write to the thread drops it, so every read goes to the database.
    const fresh = await time(page, () => kith.ctx.pages.invalidate('bench', key));
    const event = await time(() => call(`${thread}/event`));
    return { label, cached, fresh, event };
  } finally {
    await kith.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

const ms = (n) => `${n.toFixed(2)} ms`;
const runs = [];
if (postgresBinDir()) {
  // Durable settings (fsync, synchronous commit on), as a production database runs.
  const pg = await startPostgres({ durable: true });
  try {
    runs.push(await measure('PostgreSQL', pg.createDatabase('kith_page_read')));
  } finally {
    pg.stop();
  }
} else {
  console.log('PostgreSQL server not installed: PostgreSQL run skipped (apt-get install postgresql)\n');
}
runs.push(await measure('PGlite (embedded)'));

console.log(`Reads one at a time, in-process, ${reads} of each (after 50 to warm up)\n`);
for (const { label, cached, fresh, event } of runs) {
  console.log(label);
  console.log(`  50-comment thread page, cached: p50 ${ms(cached.p50)}, p99 ${ms(cached.p99)}`);
  console.log(
    `  the same page read fresh (first read after a change): p50 ${ms(fresh.p50)}, p99 ${ms(fresh.p99)} (${(fresh.p50 / cached.p50).toFixed(1)}× the cached read at the median)`,
  );
  console.log(`  a page's event with 30 answers (never cached): p50 ${ms(event.p50)}, p99 ${ms(event.p99)}`);
}
