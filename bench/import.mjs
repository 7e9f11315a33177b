#!/usr/bin/env node
// Moving to Kith: how fast the reference server takes in a Disqus export and writes a site out.
// 1. A Disqus export is generated (BENCH_IMPORT_COMMENTS comments over threads of 40, a third of
//    them replies, each a paragraph of HTML with a link) and read: XML parsed as a stream, every
//    message turned into Markdown.
// 2. It is imported into a fresh embedded database (PGlite), and into PostgreSQL (durable
//    settings) where it is installed: rendered, sanitized, written in batches, counted.
// 3. Baseline, same run: posting comments one at a time through the service a reader's POST uses
//    (one transaction each), on the first 2,000.
// 4. The site is exported again (kith-server export).
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readExport } from '../packages/server/dist/import/read.js';
import { migrate, openDb, Sites } from '../packages/server/dist/index.js';
import { Comments } from '../packages/server/dist/services/comments.js';
import { exportSite } from '../packages/server/dist/services/exports.js';
import { Imports } from '../packages/server/dist/services/imports.js';
import { postgresBinDir, startPostgres } from '../scripts/lib/postgres.mjs';

const total = Number(process.env.BENCH_IMPORT_COMMENTS ?? 20_000);
const perThread = 40;
const baselineCount = Math.min(2000, total);
const dir = mkdtempSync(join(tmpdir(), 'kith-bench-import-'));
const file = join(dir, 'disqus.xml');

function disqusExport() {
  const parts = [
    '<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">\n',
  ];
  const threads = Math.ceil(total / perThread);
  for (let t = 0; t < threads; t++) {
    parts.push(
      `<thread dsq:id="t${t}"><link>https://blog.example/posts/${t}/</link><title>Post ${t}</title><createdAt>2020-01-01T00:00:00Z</createdAt><isClosed>false</isClosed><isDeleted>false</isDeleted></thread>\n`,
    );
  }
  const start = Date.parse('2020-01-02T00:00:00Z');
  for (let i = 0; i < total; i++) {
    const t = Math.floor(i / perThread);
    const n = i % perThread;
    const parent = n > 0 && n % 3 === 0 ? `<parent dsq:id="p${i - 1 - (n % 5)}"/>` : '';
    const at = new Date(start + i * 60_000).toISOString();
    parts.push(
      `<post dsq:id="p${i}"><message><![CDATA[<p>Comment ${i} on post ${t}: I read this twice &amp; <b>agree</b> with most of it, though <a href="https://example.org/${i}">this source</a> says otherwise. What do you think?</p>]]></message><createdAt>${at}</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam><author><email>reader${i % 500}@mail.example</email><name>Reader ${i % 500}</name><isAnonymous>false</isAnonymous></author><thread dsq:id="t${t}"/>${parent}</post>\n`,
    );
  }
  parts.push('</disqus>\n');
  return parts.join('');
}

const perSecond = (n, ms) => `${Math.round((n / ms) * 1000).toLocaleString('en')}/s`;
const time = async (fn) => {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
};

writeFileSync(file, disqusExport());
console.log(
  `a Disqus export of ${total.toLocaleString('en')} comments in ${Math.ceil(total / perThread)} threads: ${(statSync(file).size / 1e6).toFixed(1)} MB`,
);
const [source, readMs] = await time(() => readExport(file));
console.log(`  read (streamed XML, HTML to Markdown): ${readMs.toFixed(0)} ms, ${perSecond(total, readMs)}`);

async function importInto(label, options) {
  const db = await openDb(options);
  try {
    await migrate(db);
    await new Sites(db).create('bench', ['https://blog.example']);
    const [report, ms] = await time(() => new Imports(db).run('bench', source));
    console.log(
      `  import on ${label}: ${report.imported.toLocaleString('en')} comments in ${(ms / 1000).toFixed(1)} s, ${perSecond(report.imported, ms)}`,
    );
    const [again, againMs] = await time(() => new Imports(db).run('bench', source));
    console.log(
      `    the same file again: ${again.imported} new, ${again.alreadyThere.toLocaleString('en')} already there, ${(againMs / 1000).toFixed(1)} s`,
    );
    const [size, exportMs] = await time(async () => {
      let bytes = 0;
      for await (const piece of exportSite(db, 'bench')) bytes += Buffer.byteLength(piece);
      return bytes;
    });
    console.log(
      `    export: ${(size / 1e6).toFixed(1)} MB in ${exportMs.toFixed(0)} ms, ${perSecond(total, exportMs)}`,
    );
    // Baseline: the same kind of comments posted one by one, as readers post them.
    await new Sites(db).create('posted', ['https://blog.example']);
    const site = await new Sites(db).find('posted');
    await db.query(
      "INSERT INTO users (id, site_id, kind, name) VALUES ('bench-reader', 'posted', 'guest', 'Reader')",
    );
    const comments = new Comments(db, () => 'bench');
    const viewer = {
      userId: 'bench-reader',
      siteId: 'posted',
      tokenHash: '',
      expiresAt: new Date(Date.now() + 3600_000),
      author: { id: 'bench-reader', name: 'Reader', kind: 'guest', avatarUrl: null },
    };
    const [, postMs] = await time(async () => {
      for (let i = 0; i < baselineCount; i++) {
        const comment = source.comments[i];
        await db.transaction((tx) =>
          comments.create(
            tx,
            { ...site, settings: { ...site.settings, moderation: 'none' } },
            comment.threadKey,
            viewer,
            {
              markdown: comment.markdown,
            },
          ),
        );
      }
    });
    const importRate = report.imported / ms;
    const postRate = baselineCount / postMs;
    console.log(
      `    baseline, posting one at a time: ${perSecond(baselineCount, postMs)}; import is ${(importRate / postRate).toFixed(1)}× that`,
    );
  } finally {
    await db.close();
  }
}

try {
  await importInto('PGlite (embedded, on disk)', { dataDir: join(dir, 'pglite') });
  if (postgresBinDir()) {
    const pg = await startPostgres({ durable: true });
    try {
      await importInto('PostgreSQL', { databaseUrl: pg.createDatabase('kith_bench_import') });
    } finally {
      pg.stop();
    }
  } else {
    console.log('  PostgreSQL server not installed: PostgreSQL run skipped (apt-get install postgresql)');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
