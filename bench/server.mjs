#!/usr/bin/env node
import { spawn } from 'node:child_process';
// Reference server throughput on this machine: reading a 50-comment thread page and posting
// comments, on PostgreSQL and on PGlite, with a bare Node server returning the same bytes as the
// ceiling measured in the same run. The load generator (autocannon) shares the machine's cores.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { freePort, postgresBinDir, startPostgres } from '../scripts/lib/postgres.mjs';
import { startKithServer } from '../scripts/lib/server.mjs';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 50;
const key = '/bench/thread';

function load(options) {
  return new Promise((resolve, reject) => {
    autocannon({ duration: seconds, connections, ...options }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

async function call(url, method, body, token) {
  const headers = { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) };
  const response = await fetch(url, { method, headers, body: body && JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? undefined : response.json();
}

const paragraph =
  'Thanks for writing this up. I tried the **second approach** on our staging box and it held up under load; ' +
  'the only thing I would add is a note about `fsync` and what happens when the disk fills. See [the docs](https://example.com/docs).';

async function prepare(base, secret) {
  const api = `${base}/v1/sites/bench`;
  await call(
    `${api}/admin/settings`,
    'PATCH',
    {
      rateLimit: {
        comments: { max: 100_000, windowSeconds: 60 },
        sessions: { max: 100_000, windowSeconds: 60 },
        reactions: { max: 100_000, windowSeconds: 60 },
        rsvps: { max: 100_000, windowSeconds: 60 },
      },
    },
    secret,
  );
  const { token } = await call(`${api}/sessions`, 'POST', { name: 'Bench' });
  const thread = `${api}/threads/${encodeURIComponent(key)}`;
  const top = [];
  for (let i = 0; i < 50; i++)
    top.push((await call(`${thread}/comments`, 'POST', { markdown: `${i}. ${paragraph}` }, token)).id);
  // Some conversation under the first comments, as real threads have.
  for (let i = 0; i < 20; i++)
    await call(`${thread}/comments`, 'POST', { markdown: paragraph, parentId: top[i % 5] }, token);
  return { api, thread, token };
}

/** A webhook receiver answering 204 at once, noting how long each event took to arrive. */
async function receiver() {
  const lags = [];
  const ids = new Set();
  const server = createServer((request, response) => {
    ids.add(request.headers['webhook-id']);
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      lags.push(Date.now() - Date.parse(JSON.parse(body).timestamp));
      response.statusCode = 204;
      response.end();
    });
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${server.address().port}/hook`, lags, ids, close: () => server.close() };
}

const percentile = (values, p) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))];

async function measure(label, base, secret) {
  const { api, thread, token } = await prepare(base, secret);
  const pageUrl = `${thread}?limit=50`;
  const page = await (await fetch(pageUrl)).text();
  const read = await load({ url: pageUrl });
  // Signed-in readers get their own reactions and pending comments: no shared cache, every request
  // goes to the database (three indexed queries and serialization).
  const signedIn = await load({ url: pageUrl, headers: { authorization: `Bearer ${token}` } });
  const posting = (pace = {}) =>
    load({
      ...pace,
      url: `${thread}/comments`,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      requests: [
        {
          setupRequest(request) {
            // Each post a real client would send: its own Idempotency-Key, a spread of threads.
            request.headers = { ...request.headers, 'idempotency-key': randomUUID() };
            request.path = request.path.replace(
              /threads\/[^/]+/,
              `threads/${encodeURIComponent(`${key}-${Math.floor(Math.random() * 20)}`)}`,
            );
            request.body = JSON.stringify({ markdown: paragraph });
            return request;
          },
        },
      ],
    });
  const post = await posting();
  const rsvp = await answering(api, secret);
  // With moderation "first", each post first asks whether its author has a published comment
  // (this one has: its comments are published at once).
  await call(`${api}/admin/settings`, 'PATCH', { moderation: 'first' }, secret);
  const postFirst = await posting();
  // With a webhook for every comment: the event is one more row and a notify in the post's
  // transaction; delivery happens after, so what it costs the poster is measured apart from lag.
  const hooks = await receiver();
  await call(`${api}/admin/settings`, 'PATCH', { moderation: 'none', webhook: { url: hooks.url } }, secret);
  const postHook = await posting();
  const drain = async (posted) => {
    const started = Date.now();
    while (hooks.lags.length < posted && Date.now() - started < 60_000)
      await new Promise((r) => setTimeout(r, 50));
    return Date.now() - started;
  };
  const drained = await drain(postHook['2xx']);
  const flat = {
    lagP50: percentile(hooks.lags, 50),
    lagP99: percentile(hooks.lags, 99),
    delivered: hooks.lags.length,
    distinct: hooks.ids.size,
  };
  // At a pace a busy site sees (50 comments a second, far above most), how long an event takes.
  hooks.lags.length = 0;
  const paced = await posting({ connections: 5, overallRate: 50 });
  await drain(paced['2xx']);
  hooks.close();
  // The site's Atom feed, once thousands of comments are in (not cached by the server).
  const feed = await load({ url: `${api}/feed.atom` });
  const errors = (r) => r.non2xx + r.errors + r.timeouts;
  return {
    label,
    pageBytes: page.length,
    page,
    read: { rps: read.requests.average, p99: read.latency.p99, p50: read.latency.p50, errors: errors(read) },
    signedIn: { rps: signedIn.requests.average, p99: signedIn.latency.p99, errors: errors(signedIn) },
    post: { rps: post.requests.average, p99: post.latency.p99, errors: errors(post) },
    postFirst: { rps: postFirst.requests.average, p99: postFirst.latency.p99, errors: errors(postFirst) },
    postHook: {
      rps: postHook.requests.average,
      p99: postHook.latency.p99,
      errors: errors(postHook),
      posted: postHook['2xx'],
      ...flat,
      drained,
      pacedLagP50: percentile(hooks.lags, 50),
      pacedLagP99: percentile(hooks.lags, 99),
    },
    feed: { rps: feed.requests.average, p99: feed.latency.p99, errors: errors(feed) },
    rsvp,
  };
}

/**
 * 200 readers answering one event of 100 seats at once, over and over (going with a guest, going,
 * maybe, can't go): every answer locks the event, so this is its worst case. Afterwards all of
 * them ask for two seats at once, and the seats are counted from the attendee list: the event is
 * full, never over its capacity, and the tally agrees.
 */
async function answering(api, secret) {
  const event = `/bench/event`;
  const eventKey = encodeURIComponent(event);
  const start = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const end = new Date(Date.now() + 30 * 86_400_000 + 7_200_000).toISOString();
  await call(
    `${api}/admin/threads/${eventKey}/event`,
    'PUT',
    {
      title: 'Bench meetup',
      start,
      end,
      timeZone: 'Europe/Berlin',
      capacity: 100,
      maxGuests: 1,
    },
    secret,
  );
  const tokens = [];
  for (let i = 0; i < 200; i++)
    tokens.push((await call(`${api}/sessions`, 'POST', { name: `Reader ${i}` })).token);
  const answers = [
    { response: 'going', guests: 1 },
    { response: 'going' },
    { response: 'maybe' },
    { response: 'not-going' },
  ];
  let n = 0;
  const url = `${api}/threads/${eventKey}/event/rsvp`;
  const result = await load({
    url,
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest(request) {
          n += 1;
          request.headers = { ...request.headers, authorization: `Bearer ${tokens[n % tokens.length]}` };
          request.body = JSON.stringify(answers[Math.floor(n / tokens.length) % answers.length]);
          return request;
        },
      },
    ],
  });
  // Answers still in flight when the load stops are let finish. Then every reader asks for a seat
  // with a guest at once (400 seats for 100): where the cycle stopped (everyone "can't go", say)
  // would otherwise decide whether the check below has any seat to count. Afterwards the event
  // is full or one seat short (a reader seated alone whose guest did not fit).
  await new Promise((r) => setTimeout(r, 2000));
  await Promise.all(
    tokens.map(async (token) => {
      // Refused (409) is a seated reader whose guest no longer fits: they keep their own seat.
      const response = await fetch(url, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ response: 'going', guests: 1 }),
      });
      if (!response.ok && response.status !== 409) throw new Error(`rush: ${response.status}`);
    }),
  );
  const info = await call(`${api}/threads/${eventKey}/event`, 'GET');
  let seated = 0;
  let cursor = null;
  do {
    const page = await call(
      `${api}/threads/${eventKey}/event/attendees?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
      'GET',
    );
    seated += page.items.reduce((sum, a) => sum + 1 + a.guests, 0);
    cursor = page.nextCursor;
  } while (cursor);
  const read = await load({ url: `${api}/threads/${eventKey}/event` });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.non2xx + result.errors + result.timeouts,
    going: info.rsvp.going,
    seated,
    waitlist: info.rsvp.waitlist,
    readRps: read.requests.average,
    readP99: read.latency.p99,
  };
}

/** The ceiling: a bare Node server in its own process answering every request with the same bytes. */
async function bareNode(body) {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'kith-bare-'));
  writeFileSync(join(dir, 'body.json'), body);
  const source = `const b=require('fs').readFileSync(${JSON.stringify(join(dir, 'body.json'))});require('http').createServer((q,s)=>{s.writeHead(200,{'content-type':'application/json','content-length':b.length});s.end(b)}).listen(${port},'127.0.0.1',()=>console.log('up'))`;
  const child = spawn(process.execPath, ['-e', source], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve) => child.stdout.once('data', resolve));
  const result = await load({ url: `http://127.0.0.1:${port}/` });
  child.kill();
  rmSync(dir, { recursive: true, force: true });
  return result.requests.average;
}

const fmt = (n) => Math.round(n).toLocaleString('en-US');

async function main() {
  console.log(
    `Kith reference server benchmark — ${cpus().length} × ${cpus()[0]?.model?.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
  );
  console.log(`${connections} connections, ${seconds} s per run, autocannon on the same machine\n`);
  const runs = [];
  if (postgresBinDir()) {
    // Durable settings (fsync, synchronous commit on), as a production database runs.
    const pg = await startPostgres({ durable: true });
    const server = await startKithServer({
      env: { DATABASE_URL: pg.createDatabase('kith_bench'), KITH_WEBHOOK_PRIVATE: '1' },
      site: 'bench',
      origin: 'http://localhost:1',
    });
    try {
      runs.push(await measure('PostgreSQL', server.url, server.secret));
    } finally {
      await server.stop();
      pg.stop();
    }
  } else {
    console.log('PostgreSQL server not installed: PostgreSQL run skipped (apt-get install postgresql)\n');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'kith-bench-'));
  const server = await startKithServer({
    env: { KITH_DATA_DIR: dataDir, DATABASE_URL: '', KITH_WEBHOOK_PRIVATE: '1' },
    site: 'bench',
    origin: 'http://localhost:1',
  });
  try {
    runs.push(await measure('PGlite (embedded)', server.url, server.secret));
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const ceiling = await bareNode(runs[0].page);
  for (const run of runs) {
    console.log(`${run.label}`);
    console.log(
      `  read a 50-comment thread page (${(run.pageBytes / 1024).toFixed(1)} KB): ${fmt(run.read.rps)} req/s, p50 ${run.read.p50} ms, p99 ${run.read.p99} ms, ${run.read.errors} errors`,
    );
    console.log(
      `    ratio to a bare Node server returning the same bytes (${fmt(ceiling)} req/s): ${(run.read.rps / ceiling).toFixed(2)}`,
    );
    console.log(
      `  the same page for a signed-in reader (not cached): ${fmt(run.signedIn.rps)} req/s, p99 ${run.signedIn.p99} ms, ${run.signedIn.errors} errors`,
    );
    console.log(
      `  post comments (idempotency key each, 20 threads): ${fmt(run.post.rps)} comments/s, p99 ${run.post.p99} ms, ${run.post.errors} errors`,
    );
    console.log(
      `  the same with moderation "first" (a known author): ${fmt(run.postFirst.rps)} comments/s, p99 ${run.postFirst.p99} ms, ${run.postFirst.errors} errors`,
    );
    const h = run.postHook;
    console.log(
      `  the same with a webhook for every comment: ${fmt(h.rps)} comments/s, p99 ${h.p99} ms, ${h.errors} errors; ${h.delivered} delivered (${h.distinct} distinct; ${h.posted} posts answered within the run), from the post to the receiver p50 ${h.lagP50} ms, p99 ${h.lagP99} ms, the last ${h.drained} ms after the load stopped`,
    );
    console.log(
      `    at 50 comments/s: from the post to the receiver p50 ${h.pacedLagP50} ms, p99 ${h.pacedLagP99} ms`,
    );
    console.log(
      `  read the site's Atom feed (50 latest of all comments): ${fmt(run.feed.rps)} req/s, p99 ${run.feed.p99} ms, ${run.feed.errors} errors`,
    );
    const r = run.rsvp;
    console.log(
      `  answer one event of 100 seats (200 readers at once): ${fmt(r.rps)} answers/s, p99 ${r.p99} ms, ${r.errors} errors; then all at once for two seats: ${r.going} seats taken (${r.seated} counted from the attendees), ${r.waitlist} waiting, ${r.going >= 99 && r.going <= 100 && r.going === r.seated ? 'full, never overbooked' : 'OVERBOOKED, MISCOUNTED OR NOT FULL'}`,
    );
    console.log(`  read the event card (not cached): ${fmt(r.readRps)} req/s, p99 ${r.readP99} ms`);
  }
  const pg = runs.find((r) => r.label === 'PostgreSQL');
  if (pg) {
    const ok = (cond) => (cond ? 'met' : 'NOT met');
    console.log(
      `\ntargets on PostgreSQL: read ≥ 1,500 req/s with p99 ≤ 50 ms: ${ok(pg.read.rps >= 1500 && pg.read.p99 <= 50)}; post ≥ 300/s: ${ok(pg.post.rps >= 300)}`,
    );
  }
}

await main();
