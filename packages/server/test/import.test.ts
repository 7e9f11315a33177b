import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { ExportedComment, SiteExport, ThreadPage } from '@kith/protocol';
import { issoQuery } from '../src/import/isso.js';
import { planImport } from '../src/import/plan.js';
import { readExport } from '../src/import/read.js';
import type { ImportSource } from '../src/import/source.js';
import { exportWxr } from '../src/services/export-wxr.js';
import { exportSite } from '../src/services/exports.js';
import { Imports } from '../src/services/imports.js';
import { renderMarkdown } from '../src/services/markdown.js';
import { Sites } from '../src/services/sites.js';
import {
  databaseKind,
  freshDatabaseUrl,
  guest,
  heardEverything,
  json,
  startServer,
  type TestServer,
} from './helpers.js';

const fixture = (name: string) => fileURLToPath(new URL(`fixtures/import/${name}`, import.meta.url));

describe(`importing and exporting a site on ${databaseKind}`, () => {
  let server: TestServer;
  let dir: string;
  const thread = async (key: string, sort = 'old') =>
    (
      await json<ThreadPage>(
        `${server.url}/v1/sites/${server.site}/threads/${encodeURIComponent(key)}?sort=${sort}`,
      )
    ).body;
  /** Imports as the CLI does, beside the running server, and waits until the server has heard of it. */
  const runImport = async (site: string, source: Awaited<ReturnType<typeof readExport>>, dryRun = false) => {
    const report = await new Imports(server.kith.db).run(site, source, { dryRun });
    await heardEverything(server);
    return report;
  };
  const importFile = async (name: string, site = server.site, dryRun = false) =>
    runImport(site, await readExport(fixture(name)), dryRun);
  const exported = async (site: string): Promise<SiteExport> => {
    let text = '';
    for await (const piece of exportSite(server.kith.db, site)) text += piece;
    return JSON.parse(text);
  };

  before(async () => {
    server = await startServer({ databaseUrl: await freshDatabaseUrl() });
    dir = await mkdtemp(join(tmpdir(), 'kith-import-'));
  });
  after(async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('a Disqus export: threads by page, replies in place, spam and deleted comments left out', async () => {
    // Read before the import: the page kept in memory must be dropped when the import commits.
    assert.equal((await thread('/posts/hello')).thread.commentCount, 0);
    const dry = await importFile('disqus.xml', server.site, true);
    assert.equal(dry.imported, 7);
    assert.equal((await thread('/posts/hello')).thread.commentCount, 0, 'a dry run writes nothing');

    const report = await importFile('disqus.xml');
    assert.deepEqual(report, {
      format: 'disqus',
      imported: 7,
      alreadyThere: 0,
      tombstones: 1,
      pending: 0,
      threads: 2,
      events: 0,
      skipped: { 'no-page': 2, deleted: 1, spam: 1 },
    });
    const page = await thread('/posts/hello');
    // The http, https and index.html threads of one page are one thread.
    // Counted as Kith counts: visible comments, so not the tombstone.
    assert.equal(page.thread.commentCount, 5);
    assert.equal(page.thread.topLevelCount, 2);
    const [ann, deleted, finn] = page.comments;
    assert.equal(ann!.author!.name, 'Ann <3');
    assert.equal(ann!.createdAt, '2019-03-01T11:00:00.000Z');
    assert.equal(
      ann!.markdown,
      'First! Read [this](https://x.example/?a=1&b=2#frag) & **that** 🎉\n\nSecond paragraph  \nwith a break',
    );
    assert.match(ann!.html, /<a href="https:\/\/x\.example\/\?a=1&amp;b=2#frag"[^>]*>this<\/a>/);
    assert.doesNotMatch(ann!.html, /script|alert/);
    assert.equal(ann!.replyCount, 2, 'replies at any depth');
    const reply = ann!.replies.comments[0]!;
    assert.equal(reply.replyCount, 1);
    assert.equal(ann!.replies.comments[1]!.depth, 2);
    assert.equal(reply.author!.name, 'سارة');
    assert.equal(reply.parentId, ann!.id);
    assert.equal(reply.depth, 1);
    // A deleted comment with a reply below it stays as a tombstone, as a deletion here would.
    assert.equal(deleted!.deleted, true);
    assert.equal(deleted!.author, null);
    assert.equal(deleted!.markdown, '');
    assert.equal(deleted!.replies.comments[0]!.markdown, 'Answering a deleted comment');
    assert.equal(finn!.parentId, null, 'a reply to a comment not in the file stands on its own');
    const old = await thread('/posts/old');
    assert.equal(old.thread.closed, true);
    assert.equal(old.comments[0]!.markdown, 'Years ago');
    const dump = JSON.stringify(await server.kith.db.query('SELECT * FROM comments'));
    assert.ok(!dump.includes('mail.example') && !dump.includes('192.0.2'), 'no email or IP address is kept');
  });

  it('the same file again adds nothing, and a new comment sorts after the imported ones', async () => {
    const again = await importFile('disqus.xml');
    assert.equal(again.imported, 0);
    assert.equal(again.alreadyThere, 7);
    assert.equal((await thread('/posts/hello')).thread.commentCount, 5);
    const token = await guest(server.url, server.site);
    const posted = await json(
      `${server.url}/v1/sites/${server.site}/threads/${encodeURIComponent('/posts/hello')}/comments`,
      {
        method: 'POST',
        token,
        body: { markdown: 'Hello from Kith' },
      },
    );
    assert.equal(posted.status, 201);
    const newest = await thread('/posts/hello', 'new');
    assert.equal(newest.comments[0]!.markdown, 'Hello from Kith');
    assert.equal(newest.thread.commentCount, 6);
  });

  it('a WordPress export: approved, awaiting approval, and what is not a reader’s comment', async () => {
    const report = await importFile('wordpress.xml');
    assert.deepEqual(report.skipped, { spam: 1, pingback: 1, trash: 1 });
    assert.equal(report.imported, 4);
    assert.equal(report.pending, 1);
    const tea = await thread('/2020/01/tea');
    assert.equal(tea.thread.commentCount, 2, 'the comment awaiting approval is not counted or shown');
    const [ann] = tea.comments;
    assert.equal(ann!.createdAt, '2020-01-02T09:00:00.000Z', 'the GMT date');
    assert.equal(ann!.markdown, 'Lovely post.\n\nTwo paragraphs, and a line  \nbreak. 5 \\* 3 = 15 & *more*');
    assert.match(
      ann!.html,
      /^<p>Lovely post\.<\/p>\s*<p>Two paragraphs, and a line<br \/>\s*break\. 5 \* 3 = 15 &amp; <em>more<\/em><\/p>/,
    );
    assert.equal(ann!.replies.comments[0]!.markdown, 'Thanks Ann!');
    const pending = await json(`${server.url}/v1/sites/${server.site}/admin/pending`, {
      token: server.secret,
    });
    const waiting = pending.body.comments.find(
      (c: { markdown: string }) => c.markdown === 'Not approved yet',
    );
    assert.equal(waiting.createdAt, '2020-01-03T08:00:00.000Z', 'the local date when the GMT one is zero');
    const closed = await thread('/2019/05/closed');
    assert.equal(closed.thread.closed, true);
    const [nameless] = closed.comments;
    assert.equal(nameless!.author!.name, 'Anonymous');
    assert.doesNotMatch(nameless!.html, /script|onerror|cookie/);
  });

  it('a Kith export moves a site: the same threads, text, replies and events, under new ids elsewhere', async () => {
    // An event with a full house and a waitlist, to move along with the comments.
    const picnic = `${server.url}/v1/sites/${server.site}/threads/${encodeURIComponent('/events/picnic')}/event`;
    const put = await json(picnic.replace('/threads/', '/admin/threads/'), {
      method: 'PUT',
      token: server.secret,
      body: {
        title: 'Picnic',
        start: '2099-06-01T12:00:00+02:00',
        end: '2099-06-01T15:00:00+02:00',
        timeZone: 'Europe/Berlin',
        capacity: 3,
        maxGuests: 1,
      },
    });
    assert.equal(put.status, 201);
    const answers: [string, object][] = [
      ['Ada', { response: 'going', guests: 1 }],
      ['Ben', { response: 'maybe' }],
      ['Cy', { response: 'going', guests: 1 }],
      ['Dee', { response: 'going' }],
    ];
    for (const [name, body] of answers) {
      const token = await guest(server.url, server.site, name);
      assert.equal((await json(`${picnic}/rsvp`, { method: 'PUT', token, body })).status, 200);
    }
    const tally = (await json(picnic)).body.rsvp;
    assert.equal(tally.waitlist, 3, 'Cy and a guest wait, and Dee behind them: first come, first served');
    // Through the API, as a site owner without shell access gets it.
    const response = await fetch(`${server.url}/v1/sites/${server.site}/admin/export`, {
      headers: { authorization: `Bearer ${server.secret}` },
    });
    assert.equal(response.status, 200);
    assert.match(
      response.headers.get('content-disposition') ?? '',
      /^attachment; filename="kith-test-\d{4}-\d\d-\d\d\.json"$/,
    );
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const original = (await response.json()) as SiteExport;
    assert.deepEqual(original.threads, (await exported(server.site)).threads);
    assert.equal(original.format, 'kith-export');
    assert.deepEqual(
      original.threads.map((t) => t.key),
      ['/2019/05/closed', '/2020/01/tea', '/events/picnic', '/posts/hello', '/posts/old'],
    );
    const { event } = original.threads.find((t) => t.key === '/events/picnic')!;
    assert.deepEqual(
      event!.answers.map((a) => [a.author.name, a.response, a.guests, a.waitlisted]),
      [
        ['Ada', 'going', 1, false],
        ['Ben', 'maybe', 0, false],
        ['Cy', 'going', 1, true],
        ['Dee', 'going', 0, true],
      ],
    );
    const file = join(dir, 'site.json');
    writeFileSync(file, JSON.stringify(original));
    await new Sites(server.kith.db).create('copy', ['https://copy.example']);
    const report = await runImport('copy', await readExport(file));
    assert.equal(
      report.imported,
      original.threads.reduce((n, t) => n + t.comments.length, 0),
    );
    const copy = await exported('copy');
    // Same content; ids are new (comment ids are unique on a server), parents follow them.
    const shape = (e: SiteExport) =>
      e.threads.map((t) => ({
        key: t.key,
        closed: t.closed,
        comments: t.comments.map(({ id, parentId, ...c }) => ({
          ...c,
          parent: parentId && t.comments.findIndex((p) => p.id === parentId),
        })),
        // A new event for calendars (a new UID, from sequence 0); its readers are the site's own.
        event: t.event && {
          event: t.event.event,
          answers: t.event.answers.map(({ author: { id, ...author }, ...answer }) => ({ author, ...answer })),
        },
      }));
    assert.deepEqual(shape(copy), shape(original));
    const moved = copy.threads.find((t) => t.key === '/events/picnic')!.event!;
    assert.notEqual(moved.uid, event!.uid);
    const copied = `${server.url}/v1/sites/copy/threads/${encodeURIComponent('/events/picnic')}/event`;
    assert.deepEqual((await json(copied)).body.rsvp, tally, 'the same seats taken and the same line');
    assert.equal(report.events, 1);
    assert.notEqual(copy.threads[0]!.comments[0]!.id, original.threads[0]!.comments[0]!.id);
  });

  it('a Kith export into its own site on an empty database keeps every id, so links keep working', async () => {
    const original = await exported(server.site);
    const file = join(dir, 'own.json');
    writeFileSync(file, JSON.stringify(original));
    const other = await startServer({ databaseUrl: await freshDatabaseUrl(), site: server.site });
    try {
      await new Imports(other.kith.db).run(server.site, await readExport(file));
      let text = '';
      for await (const piece of exportSite(other.kith.db, server.site)) text += piece;
      const moved: SiteExport = JSON.parse(text);
      assert.deepEqual(moved.threads, original.threads);
    } finally {
      await other.stop();
    }
  });

  it('refuses a file that is not a whole export, and says where it is wrong', async () => {
    const write = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    await assert.rejects(
      readExport(write('notes.txt', 'just some notes')),
      /not a Disqus, WordPress, Remark42, Commento, Artalk, Waline, Isso or Kith export/,
    );
    const cut = readFileSync(fixture('disqus.xml'), 'utf8').slice(0, 2500);
    await assert.rejects(readExport(write('cut.xml', cut)), /ends inside <\w+>: is it complete/);
    await assert.rejects(
      readExport(fixture('disqus.xml'), 'wordpress'),
      /expected a <rss> document, found <disqus>/,
    );
    await assert.rejects(
      readExport(
        write(
          'bad.json',
          JSON.stringify({
            format: 'kith-export',
            version: 1,
            site: 'x',
            exportedAt: '2026-01-01T00:00:00Z',
            threads: [{ key: '/a', closed: false, comments: [{ id: 'a' }] }],
          }),
        ),
      ),
      /\/file\/threads\/0\/comments\/0\/\w+/,
    );
    await assert.rejects(
      readExport(write('broken.json', '{"format":"kith-export","version":1,"threads":[')),
      /not JSON/,
    );
    await assert.rejects(
      readExport(fixture('commento.json'), 'artalk'),
      /not an Artalk export \(Artrans\): it is not a list of comments/,
    );
    await assert.rejects(
      readExport(write('list.json', '[{"id":"1"}, "two"]'), 'artalk'),
      /not an Artalk export \(Artrans\): item 1 is not a comment/,
    );
    // Isso keeps a database, not an export: the import says how to write its comments out.
    const database = write('comments.db', 'SQLite format 3\u0000');
    await assert.rejects(
      readExport(database),
      /comments\.db is an SQLite database, as Isso keeps its comments: write them out first with sqlite3 -json comments\.db "SELECT threads\.uri, .*" > isso\.json/,
    );
    await assert.rejects(readExport(write('nothing.json', '')), /nothing\.json is empty/);
    await assert.rejects(
      readExport(write('nothing.json', '\n'), 'isso'),
      /the file is empty \(sqlite3 writes nothing/,
    );
    await assert.rejects(
      readExport(write('rows.json', '[{"id":1,"text":"hi"}]'), 'isso'),
      /not Isso's comments \(a row has no uri or mode\): write them out with sqlite3 -json/,
    );
    await assert.rejects(
      readExport(fixture('artalk.artrans'), 'waline'),
      /not a Waline export: it has no "type": "waline"/,
    );
    await assert.rejects(
      readExport(write('waline.json', '{"type":"waline","version":1,"data":{}}')),
      /not a Waline export: it has no "data"."Comment" list/,
    );
  });

  it('a Remark42 backup, gzipped as Remark42 keeps them: votes up, edits and read-only posts', async () => {
    const file = join(dir, 'remark42.gz');
    writeFileSync(file, gzipSync(readFileSync(fixture('remark42.jsonl'))));
    const report = await runImport(server.site, await readExport(file));
    assert.equal(report.format, 'remark42');
    assert.equal(report.imported, 3);
    assert.deepEqual(report.skipped, { deleted: 1 });
    const [ann] = (await thread('/posts/one')).comments;
    assert.equal(ann!.markdown, 'Great **post** & thanks');
    assert.deepEqual(ann!.reactions, { '+1': 2 });
    const bob = ann!.replies.comments[0]!;
    assert.equal(bob.editedAt, '2021-06-01T11:05:00.000Z');
    const locked = await thread('/posts/locked');
    assert.equal(locked.thread.closed, true);
    // One author in the source is one author here, under an id of Kith's own.
    assert.equal(locked.comments[0]!.author!.id, ann!.author!.id);
    assert.doesNotMatch(ann!.author!.id, /github/);
    assert.notEqual(bob.author!.id, ann!.author!.id);
    const top = await thread('/posts/one', 'top');
    assert.equal(top.comments[0]!.id, ann!.id, 'votes count toward "top"');
  });

  it('a stray U+0000 in another system’s text is taken out, not a failed import; nor are what no name holds and text that shows nothing', async () => {
    // PostgreSQL cannot store NUL in text: one such byte used to stop the whole import.
    const rows = readFileSync(fixture('commento.json'), 'utf8');
    const export_ = JSON.parse(rows);
    export_.comments[0].markdown = 'Nul\u0000 inside';
    export_.comments[0].url = '/posts/nul/';
    export_.comments[1].url = '/posts/nul/';
    export_.comments[2].url = '/posts/nul/';
    export_.comments[2].markdown = '\u0000\u200b'; // nothing that shows once the NUL is out
    export_.comments[3].url = '/posts/nul/';
    // Ids of their own: an import remembers what it brought in, and the Commento test below
    // imports this file's comments as they are.
    for (const comment of export_.comments) {
      comment.commentHex = `nul-${comment.commentHex}`;
      if (comment.parentHex !== 'root') comment.parentHex = `nul-${comment.parentHex}`;
    }
    // And characters no name holds: a bidi override (it would turn the name around) and a bell.
    for (const commenter of export_.commenters) commenter.name = `\u202e${commenter.name}\u0000\u0007`;
    const file = join(dir, 'nul.json');
    writeFileSync(file, JSON.stringify(export_));
    const report = await runImport(server.site, await readExport(file, 'commento'));
    assert.equal(report.imported, 2);
    assert.deepEqual(report.skipped, { deleted: 1, empty: 1 });
    const [first] = (await thread('/posts/nul')).comments;
    assert.equal(first!.markdown, 'Nul inside');
    assert.equal(first!.author!.name, 'Ann');
  });

  it('comments here and imported ones sort by when they were written, page after page', async () => {
    const key = '/posts/mixed';
    const base = `${server.url}/v1/sites/${server.site}`;
    const token = await guest(server.url, server.site);
    const post = (markdown: string, parentId?: string) =>
      json(`${base}/threads/${encodeURIComponent(key)}/comments`, {
        method: 'POST',
        token,
        body: { markdown, ...(parentId && { parentId }) },
      });
    assert.equal((await post('Posted here today')).status, 201);
    // A Remark42 backup; then a later one with one more reply, after a reader here answered.
    const line = (id: string, pid: string, time: string) =>
      JSON.stringify({
        id,
        pid,
        text: `<p>${id}</p>`,
        user: { name: 'Ann', id: 'github_1' },
        locator: { site: 'r42', url: `https://r42.example${key}` },
        time,
      });
    const backup = (...lines: string[]) => {
      const file = join(dir, `mixed-${lines.length}.jsonl`);
      writeFileSync(file, [JSON.stringify({ version: 1, users: [], posts: [] }), ...lines].join('\n'));
      return readExport(file).then((source) => runImport(server.site, source));
    };
    const first = [
      line('m2019', '', '2019-05-01T10:00:00Z'),
      line('m2021', '', '2021-05-01T10:00:00Z'),
      line('reply-early', 'm2019', '2019-05-02T10:00:00Z'),
    ];
    assert.equal((await backup(...first)).imported, 3);
    const [m2019] = (await thread(key, 'old')).comments;
    assert.equal(m2019!.markdown, 'm2019');
    assert.equal((await post('Answered here today', m2019!.id)).status, 201);
    assert.equal((await backup(...first, line('reply-later', 'm2019', '2019-06-01T10:00:00Z'))).imported, 1);

    // Every order, a comment per page, so each step goes through a cursor.
    const walk = async (sort: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const url = `${base}/threads/${encodeURIComponent(key)}?sort=${sort}&limit=1${cursor ? `&cursor=${cursor}` : ''}`;
        const page: ThreadPage = (await json<ThreadPage>(url)).body;
        seen.push(...page.comments.map((c) => c.markdown));
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    };
    assert.deepEqual(await walk('new'), ['Posted here today', 'm2021', 'm2019']);
    assert.deepEqual(await walk('old'), ['m2019', 'm2021', 'Posted here today']);
    assert.deepEqual(await walk('top'), ['Posted here today', 'm2021', 'm2019']);
    const replies = (await thread(key, 'old')).comments[0]!.replies.comments.map((c) => c.markdown);
    assert.deepEqual(replies, ['reply-early', 'reply-later', 'Answered here today']);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const url = `${base}/comments/${m2019!.id}/replies?limit=1${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { comments: { markdown: string }[]; nextCursor: string | null } = (await json(url))
        .body as never;
      paged.push(...page.comments.map((c) => c.markdown));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(paged, replies);
  });

  it('a Commento export, as Commento and Commento++ give it: Markdown kept, flagged comments held', async () => {
    const file = join(dir, 'commento.json.gz');
    writeFileSync(file, gzipSync(readFileSync(fixture('commento.json'))));
    const report = await runImport(server.site, await readExport(file));
    assert.equal(report.format, 'commento');
    assert.equal(report.imported, 3);
    assert.equal(report.pending, 1, 'flagged: waits for the owner');
    assert.deepEqual(report.skipped, { deleted: 1 });
    const hello = await thread('/posts/hello');
    const ann = hello.comments.find((c) => c.author?.name === 'Ann')!;
    assert.equal(ann.markdown, 'First, with `code` & a [link](https://x.example)');
    assert.match(ann.html, /<code>code<\/code>/);
    assert.deepEqual(ann.reactions, { '+1': 3 });
    const reply = ann.replies.comments[0]!;
    assert.equal(reply.author!.name, 'Anonymous');
    assert.deepEqual(reply.reactions, {}, 'a score below zero is no reaction');
    const dump = JSON.stringify(await server.kith.db.query('SELECT * FROM comments'));
    assert.ok(!dump.includes('ann.example'), 'no link or photo of the commenter is kept');
  });
  it('replies go 100 levels deep at most, from a file or from a reader: deeper ones go in at that level', async () => {
    // A chain of replies, each answering the one before: 105 levels from a Commento file.
    const chain = Array.from({ length: 105 }, (_, i) => ({
      commentHex: `d${i}`,
      url: '/posts/deep',
      commenterHex: 'anonymous',
      markdown: `Level ${i}`,
      parentHex: i ? `d${i - 1}` : 'root',
      score: 0,
      state: 'approved',
      creationDate: new Date(Date.UTC(2020, 0, 1, 0, i)).toISOString(),
      deleted: false,
    }));
    const file = join(dir, 'deep.json');
    writeFileSync(file, JSON.stringify({ version: 1, comments: chain, commenters: [] }));
    assert.equal((await runImport(server.site, await readExport(file))).imported, 105);
    const rows = await server.kith.db.query<{ markdown: string; depth: number; parent: string | null }>(
      `SELECT c.markdown, c.depth, p.markdown AS parent FROM comments c
       LEFT JOIN comments p ON p.id = c.parent_id
       JOIN threads t ON t.id = c.thread_id WHERE t.key = '/posts/deep' ORDER BY c.created_at`,
    );
    const level = (n: number) => rows.find((r) => r.markdown === `Level ${n}`)!;
    assert.deepEqual(level(100), { markdown: 'Level 100', depth: 100, parent: 'Level 99' });
    assert.deepEqual(level(101), { markdown: 'Level 101', depth: 100, parent: 'Level 99' });
    assert.deepEqual(level(104), { markdown: 'Level 104', depth: 100, parent: 'Level 99' });
    assert.equal(Math.max(...rows.map((r) => r.depth)), 100);

    // A reader answering the deepest: in at level 100 too, and the answer says where.
    const top = (await thread('/posts/deep')).comments[0]!;
    const deepest = await json<{ comments: { id: string; markdown: string }[] }>(
      `${server.url}/v1/sites/${server.site}/comments/${top.id}/replies?limit=100`,
    );
    const replyTo = (n: number) => deepest.body.comments.find((c) => c.markdown === `Level ${n}`)!.id;
    const reply = await json(`${server.url}/v1/sites/${server.site}/threads/%2Fposts%2Fdeep/comments`, {
      method: 'POST',
      token: await guest(server.url, server.site, 'Deep'),
      body: { markdown: 'And one more', parentId: replyTo(100) },
    });
    assert.equal(reply.status, 201);
    assert.equal(reply.body.depth, 100);
    assert.equal(reply.body.parentId, replyTo(99));
    assert.equal((await thread('/posts/deep')).comments[0]!.replyCount, 105);
  });

  it('a chain of 50,000 replies is placed 100 levels deep at most, so no row keeps a long path', () => {
    const depth = 50_000;
    const source: ImportSource = {
      format: 'commento',
      site: null,
      threads: new Map([['/posts/endless', { closed: false }]]),
      comments: Array.from({ length: depth }, (_, i) => ({
        sourceId: `e${i}`,
        parentSourceId: i ? `e${i - 1}` : null,
        threadKey: '/posts/endless',
        author: { id: '', name: 'Echo', kind: 'guest', avatarUrl: null },
        markdown: '',
        status: 'published' as const,
        createdAt: new Date(Date.UTC(2020, 0, 1) + i).toISOString(),
        editedAt: null,
        reactions: {},
      })),
      unplaced: {},
    };
    const { comments } = planImport(server.site, source);
    assert.equal(comments.length, depth);
    assert.equal(
      comments.reduce((most, c) => Math.max(most, c.depth), 0),
      100,
    );
    assert.ok(comments.every((c) => c.path.length < 2000));
  });

  it('an Artalk export (Artrans) of several sites: the one asked for, its Markdown, pending comments and votes', async () => {
    const file = fixture('artalk.artrans');
    await assert.rejects(
      readExport(file),
      /the comments of 2 Artalk sites \("Blog", "Notes"\); say which to import with --source-site/,
    );
    await assert.rejects(
      readExport(file, undefined, { sourceSite: 'Shop' }),
      /no comments of an Artalk site "Shop"/,
    );
    const report = await runImport(server.site, await readExport(file, undefined, { sourceSite: 'Blog' }));
    assert.equal(report.format, 'artalk');
    assert.equal(report.imported, 4, "the Notes site's comment stays behind");
    assert.equal(report.pending, 1);
    const hello = await thread('/artalk/hello');
    assert.equal(hello.thread.commentCount, 2, 'the pending comment is not shown');
    const [ann] = hello.comments;
    assert.equal(ann!.author!.name, 'Ann');
    assert.equal(ann!.markdown, 'First, with `code` & a [link](https://x.example)');
    assert.equal(ann!.createdAt, '2021-06-01T02:00:00.000Z', 'the offset is kept');
    assert.equal(ann!.editedAt, null, 'Artalk moves updated_at for votes too');
    assert.deepEqual(ann!.reactions, { '+1': 3 });
    const bob = ann!.replies.comments[0]!;
    assert.equal(bob.markdown, 'A reply, and a second line\nhere');
    // Go's Time.String(): nanoseconds, then a zone's name that is not V8's CST (US Central).
    assert.equal(bob.createdAt, '2021-06-01T04:30:00.123Z');
    const locked = await thread('/artalk/locked');
    assert.equal(locked.thread.closed, true, "a page only Artalk's admins could comment on");
    assert.equal(locked.comments[0]!.author!.name, 'Anonymous');
    assert.equal(locked.comments[0]!.markdown, 'Brought over from **Valine**', 'HTML from Valine days');
    const pending = await json(`${server.url}/v1/sites/${server.site}/admin/pending`, {
      token: server.secret,
    });
    assert.ok(pending.body.comments.some((c: { markdown: string }) => c.markdown === 'Buy now'));
    const notes = await runImport(server.site, await readExport(file, 'artalk', { sourceSite: 'Notes' }));
    assert.equal(notes.imported, 1);
    const [dee] = (await thread('/notes/one')).comments;
    assert.deepEqual(
      [dee!.author!.name, dee!.createdAt, dee!.reactions],
      ['Dee', '2021-06-03T10:00:00.000Z', { '+1': 1 }],
    );
    const dump = JSON.stringify(await server.kith.db.query('SELECT * FROM comments'));
    assert.ok(
      !/mail\.example|203\.0\.113|ann\.example|Mozilla/.test(dump),
      'no email, link, IP or browser is kept',
    );
  });

  it('a byte order mark before an export (as Windows editors save files) is no part of it, in UTF-8 or UTF-16', async () => {
    // Windows PowerShell 5 writes what a command prints (sqlite3 -json … > isso.json) as UTF-16.
    for (const name of ['waline.json', 'remark42.jsonl', 'disqus.xml', 'isso.json']) {
      const plain = await readExport(fixture(name));
      const text = `\uFEFF${readFileSync(fixture(name), 'utf8')}`;
      for (const encoding of ['utf8', 'utf16le'] as const) {
        const file = join(dir, `bom-${encoding}-${name}`);
        writeFileSync(file, Buffer.from(text, encoding));
        assert.deepEqual(await readExport(file), plain, `${name} in ${encoding}`);
      }
    }
    const big = join(dir, 'big-endian.json');
    writeFileSync(big, Buffer.from([0xfe, 0xff, 0, 0x5b, 0, 0x5d]));
    await assert.rejects(readExport(big), /big-endian\.json is UTF-16 big-endian text: save it as UTF-8/);
  });

  it('a time past what a date holds is an unreadable comment, not a failed import', async () => {
    const waline = JSON.parse(readFileSync(fixture('waline.json'), 'utf8'));
    waline.data.Comment[0].insertedAt = 1e20;
    const isso = JSON.parse(readFileSync(fixture('isso.json'), 'utf8'));
    isso[0].created = 1e20;
    for (const [name, file] of [
      ['waline.json', waline],
      ['isso.json', isso],
    ]) {
      writeFileSync(join(dir, `far-${name}`), JSON.stringify(file));
      const { comments } = await readExport(join(dir, `far-${name}`));
      assert.equal(comments[0]!.drop, 'unreadable', name);
    }
  });

  it('a Waline export: account names, replies without their "@name:", reviews held, spam left out', async () => {
    // Read on a machine east of UTC: a time written without an offset is UTC all the same.
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    let source: Awaited<ReturnType<typeof readExport>>;
    try {
      source = await readExport(fixture('waline.json'));
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    const report = await runImport(server.site, source);
    assert.equal(report.format, 'waline');
    assert.equal(report.imported, 4);
    assert.equal(report.pending, 1);
    assert.deepEqual(report.skipped, { 'no-page': 1, spam: 1 });
    const hello = await thread('/waline/hello.html');
    const [ann] = hello.comments;
    assert.equal(
      ann!.author!.name,
      'Ann Admin',
      "a signed-in user's account name, not the nick on the comment",
    );
    assert.equal(ann!.markdown, 'Hello **world** & welcome');
    assert.deepEqual(ann!.reactions, { '+1': 2 });
    const bob = ann!.replies.comments[0]!;
    assert.equal(bob.markdown, 'Thanks!');
    assert.equal(bob.createdAt, '2021-07-01T11:00:00.000Z', "LeanCloud's dates");
    const pending = await json(`${server.url}/v1/sites/${server.site}/admin/pending`, {
      token: server.secret,
    });
    const carol = pending.body.comments.find(
      (c: { markdown: string }) => c.markdown === 'Waiting for review',
    );
    assert.equal(carol.createdAt, '2021-07-01T12:00:00.000Z', 'a time without an offset is UTC');
    const [old] = (await thread('/waline/old')).comments;
    assert.equal(old!.markdown, 'From the *Valine* days');
    assert.equal(old!.createdAt, '2020-01-01T00:00:00.000Z');
    const dump = JSON.stringify(await server.kith.db.query('SELECT * FROM comments'));
    assert.ok(
      !/mail\.example|203\.0\.113|ann\.example|\$P\$/.test(dump),
      'no email, link, IP or password is kept',
    );
  });
  it("Isso's comments, written out by the sqlite3 command the docs give: flattened replies, moderation, edits and likes", async () => {
    // The fixture is what that command printed for a database made with Isso's own schema; the
    // server guide gives the same command.
    const guide = readFileSync(fileURLToPath(new URL('../../../docs/server.md', import.meta.url)), 'utf8');
    assert.ok(guide.includes(`sqlite3 -json comments.db "${issoQuery}" > isso.json`));
    const report = await importFile('isso.json');
    assert.equal(report.format, 'isso');
    assert.equal(report.imported, 5);
    assert.equal(report.tombstones, 1, 'a deleted comment with a reply below it');
    assert.equal(report.pending, 1);
    assert.deepEqual(report.skipped, { 'no-page': 1 });
    const [ann] = (await thread('/isso/hello')).comments;
    assert.equal(ann!.author!.name, 'Ann');
    assert.equal(ann!.markdown, 'First, with `code` & a [link](https://x.example)');
    assert.equal(ann!.createdAt, '2021-06-01T10:00:00.250Z');
    assert.deepEqual(ann!.reactions, { '+1': 2 });
    const bob = ann!.replies.comments[0]!;
    // sqlite3 prints 1622545200.0 as 1622545199.9999999999.
    assert.equal(bob.createdAt, '2021-06-01T11:00:00.000Z');
    assert.equal(bob.editedAt, '2021-06-01T12:00:00.500Z');
    const [deleted] = (await thread('/isso/second.html')).comments;
    assert.equal(deleted!.deleted, true);
    assert.equal(deleted!.replies.comments[0]!.markdown, 'Answering a deleted comment');
    const pending = await json(`${server.url}/v1/sites/${server.site}/admin/pending`, {
      token: server.secret,
    });
    const waiting = pending.body.comments.find(
      (c: { markdown: string }) => c.markdown === 'Waiting for a moderator',
    );
    assert.equal(waiting.author.name, 'Anonymous');
  });
  it('a WordPress export (WXR) takes the comments to another system, or back into Kith, as readers saw them', async () => {
    // What could end a CDATA section or pass for markup, in a name and in a comment.
    const token = await guest(server.url, server.site, 'Zed ]]> <b>&amp;</b>');
    const posted = await json(
      `${server.url}/v1/sites/${server.site}/threads/${encodeURIComponent('/posts/cdata')}/comments`,
      { method: 'POST', token, body: { markdown: 'Code: `a]]>b` and <script>x</script> ]]> & &amp;' } },
    );
    assert.equal(posted.status, 201);
    let wxr = '';
    for await (const piece of exportWxr(server.kith.db, server.site, 'https://blog.example')) wxr += piece;
    assert.ok(wxr.includes('<![CDATA[Zed ]]]]><![CDATA[> <b>&amp;</b>]]>'), 'the name, in two sections');
    // The same file through the API, for an owner without the command line.
    const response = await fetch(
      `${server.url}/v1/sites/${server.site}/admin/export.wxr?base=${encodeURIComponent('https://blog.example')}`,
      { headers: { authorization: `Bearer ${server.secret}` } },
    );
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/rss+xml; charset=utf-8');
    assert.match(
      response.headers.get('content-disposition') ?? '',
      /^attachment; filename="kith-test-\d{4}-\d\d-\d\d\.wxr\.xml"$/,
    );
    const undated = (file: string) => file.replace(/<pubDate>[^<]*<\/pubDate>/, '');
    assert.equal(undated(await response.text()), undated(wxr));
    const { secret } = await new Sites(server.kith.db).create('nowhere', []);
    const nowhere = await json(`${server.url}/v1/sites/nowhere/admin/export.wxr`, { token: secret });
    assert.equal(nowhere.status, 422);
    assert.match(nowhere.body.detail, /no origin to put its pages at: say where they are with base/);
    assert.match(wxr, /<link>https:\/\/blog\.example\/posts\/hello<\/link>/);
    assert.match(wxr, /<dsq:thread_identifier>\/posts\/hello<\/dsq:thread_identifier>/);
    assert.ok(!/reactions|picnic/i.test(wxr), 'no reactions and no events: WXR has no place for them');
    const file = join(dir, 'site.wxr');
    writeFileSync(file, wxr);
    await new Sites(server.kith.db).create('wxr', ['https://wxr.example']);
    const source = await readExport(file);
    assert.equal(source.format, 'wordpress', 'told by the file, as any WordPress export');
    const report = await runImport('wxr', source);
    assert.deepEqual(report.skipped, {});
    const original = await exported(server.site);
    const copy = await exported('wxr');
    // WXR keeps whole seconds, and HTML: each comment as readers see it (its Markdown may be
    // written another way), its place as who it answers.
    const shape = (e: SiteExport) =>
      e.threads
        .filter((t) => t.comments.length)
        .map((t) => {
          const seen = (c: ExportedComment) => ({
            name: c.author?.name,
            html: renderMarkdown(c.markdown),
            status: c.status,
            deleted: c.deleted,
            at: c.createdAt.slice(0, 19),
          });
          const byId = new Map(t.comments.map((c) => [c.id, c]));
          return {
            key: t.key,
            closed: t.closed,
            comments: t.comments
              .map((c) => ({ ...seen(c), answers: c.parentId && seen(byId.get(c.parentId)!) }))
              .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
          };
        });
    assert.deepEqual(shape(copy), shape(original));
  });
});
