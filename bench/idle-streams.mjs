#!/usr/bin/env node
// What open but quiet pages cost the database: readers keep a live event stream open for as long
// as a page is open, mostly with nothing new. N streams over 20 threads, in-process, on PostgreSQL
// (else PGlite), with the keep-alive at 1 s instead of 20 s so a short run sees many of them:
// - the database queries a second the quiet streams cause;
// - how long a comment then takes to reach the 10 streams of its thread (notifications drive
//   delivery, not the streams' own looks).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKith, Sites } from '../packages/server/dist/index.js';
import { postgresBinDir, startPostgres } from '../scripts/lib/postgres.mjs';

const streams = Number(process.env.BENCH_STREAMS ?? 200);
const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const keepAliveMs = 1000;
const threads = 20;

async function measure(label, databaseUrl) {
  const dataDir = databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'kith-idle-'));
  const kith = await createKith({ databaseUrl, dataDir, logLevel: 'silent', webhooks: false, keepAliveMs });
  const readers = [];
  try {
    await new Sites(kith.db).create('bench', ['http://localhost:1']);
    const api = 'http://kith.test/v1/sites/bench';
    const events = (i) => `${api}/threads/${encodeURIComponent(`/idle/${i % threads}`)}/events`;
    /** Resolves each time `text` arrives on a stream. */
    const arrivals = [];
    const open = async (i) => {
      const response = await kith.app.request(events(i));
      const reader = response.body.getReader();
      readers.push(reader);
      const decoder = new TextDecoder();
      (async () => {
        for (;;) {
          const { value, done } = await reader.read().catch(() => ({ done: true }));
          if (done) return;
          const text = decoder.decode(value);
          for (const arrival of arrivals)
            if (arrival.thread === i % threads && text.includes(arrival.text)) arrival.hit();
        }
      })();
    };
    for (let i = 0; i < streams; i++) await open(i);
    await new Promise((resolve) => setTimeout(resolve, 2 * keepAliveMs));

    let queries = 0;
    const query = kith.db.query.bind(kith.db);
    kith.db.query = (...args) => {
      queries += 1;
      return query(...args);
    };
    const started = performance.now();
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    const perSecond = queries / ((performance.now() - started) / 1000);
    kith.db.query = query;

    // A comment on one thread: how long until all of its streams have it.
    const { token } = await (
      await kith.app.request(`${api}/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Writer' }),
      })
    ).json();
    const text = `hello-${Date.now()}`;
    let left = streams / threads;
    const all = new Promise((resolve) =>
      arrivals.push({ thread: 0, text, hit: () => --left === 0 && resolve() }),
    );
    const posted = performance.now();
    await kith.app.request(`${api}/threads/${encodeURIComponent('/idle/0')}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ markdown: text }),
    });
    await all;
    const reached = performance.now() - posted;

    console.log(
      `${label}: ${streams} quiet streams, keep-alive every ${keepAliveMs / 1000} s: ` +
        `${perSecond.toFixed(1)} queries/s (${((perSecond / streams) * 100).toFixed(1)} per 100 streams); ` +
        `a comment reached its thread's ${streams / threads} streams in ${reached.toFixed(0)} ms`,
    );
  } finally {
    // As a reader leaving the page: each stream ends before the database closes.
    await Promise.all(readers.map((reader) => reader.cancel().catch(() => {})));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await kith.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

if (postgresBinDir()) {
  const pg = await startPostgres();
  try {
    await measure('PostgreSQL', pg.createDatabase('kith_idle'));
  } finally {
    pg.stop();
  }
}
await measure('PGlite', undefined);
process.exit(0);
