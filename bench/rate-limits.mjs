#!/usr/bin/env node
// What sharing rate limits across instances costs a post on PostgreSQL: the same server posting
// flat out (50 connections) with its limits counted in the database (what PostgreSQL uses, so
// instances behind a load balancer share each limit) and in memory (what each instance did alone
// before), alternating, in the same run. Two loads: one author posting from every connection
// (every hit on one counter: the worst case), and fifty authors.
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { RateLimiter, SharedRateLimiter } from '../packages/server/dist/http/rate-limit.js';
import { createKith, listen, Sites } from '../packages/server/dist/index.js';
import { postgresBinDir, startPostgres } from '../scripts/lib/postgres.mjs';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const paragraph =
  'Thanks for writing this up. I tried the **second approach** on our staging box and it held up under load.';

if (!postgresBinDir()) {
  console.log('rate limits: skipped, no PostgreSQL on this machine');
  process.exit(0);
}
const pg = await startPostgres({ durable: true });
const kith = await createKith({
  databaseUrl: pg.createDatabase('kith_rate_limits'),
  logLevel: 'silent',
  webhooks: false,
});
try {
  const { secret } = await new Sites(kith.db).create('bench', ['http://localhost:1']);
  const server = await listen(kith, 0);
  const api = `${server.url}/v1/sites/bench`;
  const call = async (path, body, token) => {
    const headers = {
      'content-type': 'application/json',
      ...(token && { authorization: `Bearer ${token}` }),
    };
    const response = await fetch(`${api}${path}`, {
      method: path === '/admin/settings' ? 'PATCH' : 'POST',
      headers,
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  const limit = { max: 100_000, windowSeconds: 3600 };
  await call('/admin/settings', { rateLimit: { comments: limit, sessions: limit } }, secret);
  const authors = [];
  for (let i = 0; i < 50; i++) authors.push((await call('/sessions', { name: `Author ${i}` })).token);

  const posting = (tokens, duration = seconds) =>
    new Promise((resolve, reject) => {
      let n = 0;
      autocannon(
        {
          url: `${api}/threads/${encodeURIComponent('/bench/0')}/comments`,
          method: 'POST',
          connections: 50,
          duration,
          requests: [
            {
              setupRequest(request) {
                request.headers = {
                  'content-type': 'application/json',
                  authorization: `Bearer ${tokens[n++ % tokens.length]}`,
                  'idempotency-key': randomUUID(),
                };
                request.path = request.path.replace(
                  /threads\/[^/]+/,
                  `threads/${encodeURIComponent(`/bench/${Math.floor(Math.random() * 20)}`)}`,
                );
                request.body = JSON.stringify({ markdown: paragraph });
                return request;
              },
            },
          ],
        },
        (error, result) => (error ? reject(error) : resolve(result)),
      );
    });

  const limiters = { database: new SharedRateLimiter(kith.db), memory: new RateLimiter() };
  // Not measured: the first seconds of posting (connections, caches, the tables' first pages).
  for (const limiter of Object.values(limiters)) {
    kith.ctx.limiter = limiter;
    await posting(authors, 3);
  }
  const results = {};
  for (const [load, tokens] of [
    ['one author', authors.slice(0, 1)],
    ['fifty authors', authors],
  ]) {
    for (let round = 0; round < rounds; round++) {
      for (const [name, limiter] of Object.entries(limiters)) {
        kith.ctx.limiter = limiter;
        const result = await posting(tokens);
        if (result.non2xx) throw new Error(`${load}, ${name}: ${result.non2xx} posts failed`);
        (results[`${load}|${name}`] ??= []).push(result.requests.average);
      }
    }
  }
  await server.close();

  const mean = (values) => values.reduce((a, b) => a + b, 0) / values.length;
  console.log(`posting on PostgreSQL, 50 connections, ${rounds} × ${seconds} s each, alternating:`);
  for (const load of ['one author', 'fifty authors']) {
    const database = results[`${load}|database`];
    const memory = results[`${load}|memory`];
    console.log(
      `  ${load}: limits in the database ${mean(database).toFixed(0)} comments/s (${database.map((r) => r.toFixed(0)).join(', ')}), ` +
        `in memory ${mean(memory).toFixed(0)} (${memory.map((r) => r.toFixed(0)).join(', ')}); ratio ${(mean(database) / mean(memory)).toFixed(2)}`,
    );
  }
} finally {
  await kith.close();
  pg.stop();
}
