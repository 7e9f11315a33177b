import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { SignJWT } from 'jose';
import { openDb, Sites } from '../src/index.js';
import { databaseKind, freshDatabaseUrl, guest, json, startServer } from './helpers.js';

const run = promisify(execFile);
// The built command, as `kith-server` runs it: Node loads it as it loads any package, which tsx
// does not (an import of exports once failed there alone). `pnpm test` builds first.
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const newest = (folder: string) =>
  Math.max(
    0,
    ...readdirSync(fileURLToPath(new URL(folder, import.meta.url)), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => statSync(join(entry.parentPath, entry.name)).mtimeMs),
  );

describe(`kith-server CLI on ${databaseKind}`, () => {
  let databaseUrl: string | undefined;
  let dataDir: string;
  const kith = (...args: string[]) =>
    run(process.execPath, [cli, ...args, '--data', dataDir], {
      env: { ...process.env, DATABASE_URL: databaseUrl ?? '' },
    });

  before(async () => {
    assert.ok(
      existsSync(cli) && newest('../dist') >= newest('../src'),
      'the built CLI is missing or older than its sources: pnpm --filter @kith/server build',
    );
    databaseUrl = await freshDatabaseUrl();
    dataDir = mkdtempSync(join(tmpdir(), 'kith-cli-'));
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('site add prints the secret once and stores only its hash', async () => {
    const { stdout } = await kith(
      'site',
      'add',
      'blog',
      '--origin',
      'https://blog.example/',
      '--origin',
      'http://localhost:4000',
    );
    const secret = /secret[^:]*: (ks_\S+)/.exec(stdout)?.[1];
    assert.ok(secret, stdout);
    assert.match(stdout, /https:\/\/blog\.example, http:\/\/localhost:4000/);
    const db = await openDb({ databaseUrl, dataDir });
    const dump = JSON.stringify(await db.query('SELECT * FROM sites'));
    // The tests below sign in more guests from this one address within a minute than a site lets
    // in, on servers that come and go (on PostgreSQL the count outlives each).
    const sites = new Sites(db);
    await sites.update(await sites.get('blog'), {
      rateLimit: { sessions: { max: 1000, windowSeconds: 60 } },
    });
    await db.close();
    assert.ok(!dump.includes(secret), 'the secret itself is not stored');
    await assert.rejects(kith('site', 'add', 'blog', '--origin', 'https://x.example'), /already exists/);
    await assert.rejects(kith('site', 'add', 'Bad_Id', '--origin', 'https://x.example'), /lower-case/);
    await assert.rejects(kith('site', 'add', 'other'), /--origin/);
    for (const port of ['abc', '99999'])
      await assert.rejects(kith('start', `--port=${port}`), (error: { code: number; stderr: string }) => {
        assert.equal(error.code, 2);
        assert.match(error.stderr, /the port \(--port or PORT\) is a number from 0 to 65535/);
        return true;
      });
    const list = await kith('site', 'list');
    assert.match(list.stdout, /^blog\thttps:\/\/blog\.example http:\/\/localhost:4000$/m);
  });

  it('site webhook sets where events go, prints the signing secret, lists deliveries, and turns it off', async () => {
    // A receiver on this machine is taken, with a word on what the server needs to reach it.
    const local = await kith('site', 'webhook', 'blog', 'http://localhost:9000/kith');
    assert.match(
      local.stderr,
      /^note: localhost is (127\.0\.0\.1|::1), not a public address: the server delivers there only when it runs with KITH_WEBHOOK_PRIVATE=1\n$/,
    );
    const set = await kith(
      'site',
      'webhook',
      'blog',
      'https://hooks.example/kith',
      '--events',
      'comment.pending,comment.reported',
    );
    assert.match(set.stdout, /comment\.pending, comment\.reported now go to https:\/\/hooks\.example\/kith/);
    assert.equal(set.stderr, '', 'a public address: no note');
    const secret = /signing secret: (whsec_\S+)/.exec(set.stdout)?.[1];
    assert.ok(secret, set.stdout);
    const shown = await kith('site', 'webhook', 'blog');
    assert.match(shown.stdout, /^https:\/\/hooks\.example\/kith\tcomment\.pending,comment\.reported$/m);
    await assert.rejects(kith('site', 'webhook', 'blog', 'ftp://hooks.example'), /webhook\/url/);
    await assert.rejects(
      kith('site', 'webhook', 'blog', 'https://hooks.example', '--events', 'comment.nope'),
      /events/,
    );
    const off = await kith('site', 'webhook', 'blog', 'off');
    assert.match(off.stdout, /site blog: no webhook/);
    assert.match((await kith('site', 'webhook', 'blog')).stdout, /^no webhook$/m);
  });

  it('site sso turns single sign-on on, prints the secret a site signs with, rotates it and turns it off', async () => {
    const on = await kith('site', 'sso', 'blog', 'on');
    const secret = /secret \(HS256\): (ssosec_\S+)/.exec(on.stdout)?.[1];
    assert.ok(secret, on.stdout);
    assert.equal(/secret \(HS256\): (\S+)/.exec((await kith('site', 'sso', 'blog')).stdout)?.[1], secret);
    // Signed the way a site's own server would, with a JWT library and the secret as given.
    const sign = (key: string) =>
      new SignJWT({ name: 'Linus', email: 'linus@blog.example' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('user-7')
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(new TextEncoder().encode(key));
    // The embedded database takes one process at a time: the server runs between CLI commands.
    const withServer = async (
      check: (signIn: (token: string) => Promise<any>, url: string) => Promise<void>,
    ) => {
      const server = await startServer({ databaseUrl, dataDir, site: 'blog' });
      try {
        await check(
          (token) => json(`${server.url}/v1/sites/blog/sessions/sso`, { method: 'POST', body: { token } }),
          server.url,
        );
      } finally {
        await server.stop();
      }
    };
    await withServer(async (signIn, base) => {
      const session = await signIn(await sign(secret));
      assert.equal(session.status, 201, JSON.stringify(session.body));
      assert.deepEqual([session.body.user.kind, session.body.user.name], ['sso', 'Linus']);
      const url = `${base}/v1/sites/blog/threads/${encodeURIComponent('/posts/sso')}/comments`;
      const posted = await json(url, { method: 'POST', token: session.body.token, body: { markdown: 'hi' } });
      assert.equal(posted.status, 201);
      assert.equal(posted.body.author.id, session.body.user.id);
    });
    const rotated = /secret \(HS256\): (ssosec_\S+)/.exec(
      (await kith('site', 'sso', 'blog', 'rotate')).stdout,
    )?.[1];
    assert.ok(rotated && rotated !== secret);
    await withServer(async (signIn) => {
      assert.equal((await signIn(await sign(secret))).body.code, 'invalid-token');
      assert.equal((await signIn(await sign(rotated))).status, 201);
    });
    assert.match((await kith('site', 'sso', 'blog', 'off')).stdout, /single sign-on is off/);
    assert.match((await kith('site', 'sso', 'blog')).stdout, /single sign-on is off/);
    await assert.rejects(kith('site', 'sso', 'blog', 'maybe'), /site sso <id>/);
    await assert.rejects(kith('site', 'sso', 'nosuch', 'on'), /no site/);
  });

  it('comments block stops a comment’s author from writing; unblock lets them again', async () => {
    const key = encodeURIComponent('/posts/blocked');
    const post = async (base: string, token: string) =>
      json(`${base}/v1/sites/blog/threads/${key}/comments`, {
        method: 'POST',
        token,
        body: { markdown: 'hi' },
      });
    let token = '';
    let id = '';
    let server = await startServer({ databaseUrl, dataDir, site: 'blog' });
    try {
      token = await guest(server.url, 'blog', 'Troll');
      id = (await post(server.url, token)).body.id;
    } finally {
      await server.stop();
    }
    assert.match((await kith('comments', 'block', 'blog', id)).stdout, /is blocked/);
    server = await startServer({ databaseUrl, dataDir, site: 'blog' });
    try {
      assert.equal((await post(server.url, token)).body.code, 'user-blocked');
    } finally {
      await server.stop();
    }
    assert.match((await kith('comments', 'unblock', 'blog', id)).stdout, /may post again/);
    server = await startServer({ databaseUrl, dataDir, site: 'blog' });
    try {
      assert.equal((await post(server.url, token)).status, 201);
    } finally {
      await server.stop();
    }
    await assert.rejects(kith('comments', 'block', 'blog', 'nope123'), /no comment/);
  });

  it('comments author-data copies what the site holds of a comment’s author; erase-author erases it, with their name and sessions', async () => {
    const key = encodeURIComponent('/posts/erased');
    let token = '';
    let id = '';
    let server = await startServer({ databaseUrl, dataDir, site: 'blog' });
    try {
      token = await guest(server.url, 'blog', 'Asks To Be Forgotten');
      const posted = await json(`${server.url}/v1/sites/blog/threads/${key}/comments`, {
        method: 'POST',
        token,
        body: { markdown: 'forget me' },
      });
      id = posted.body.id;
    } finally {
      await server.stop();
    }
    const copy = JSON.parse((await kith('comments', 'author-data', 'blog', id)).stdout);
    assert.equal(copy.user.name, 'Asks To Be Forgotten');
    assert.deepEqual(
      copy.comments.map((c: { markdown: string }) => c.markdown),
      ['forget me'],
    );
    assert.match(
      (await kith('comments', 'erase-author', 'blog', id)).stdout,
      /is erased: 1 comments, 0 reactions, 0 event answers and 0 reports/,
    );
    server = await startServer({ databaseUrl, dataDir, site: 'blog' });
    try {
      const page = await json(`${server.url}/v1/sites/blog/threads/${key}`);
      assert.equal(page.body.comments[0].deleted, true);
      assert.doesNotMatch(JSON.stringify(page.body), /forget me|Asks To Be Forgotten/);
      assert.equal((await json(`${server.url}/v1/sites/blog/sessions/current`, { token })).status, 401);
    } finally {
      await server.stop();
    }
    await assert.rejects(kith('comments', 'erase-author', 'blog', id), /no author|not found|no comment/i);
  });

  it('thread close makes a thread read-only; thread open reopens it', async () => {
    await kith('thread', 'close', 'blog', 'https://blog.example/posts/hello/');
    const server = await startServer({ databaseUrl, dataDir, site: 'blog' });
    try {
      const token = await guest(server.url, 'blog');
      const url = `${server.url}/v1/sites/blog/threads/${encodeURIComponent('/posts/hello')}/comments`;
      const refused = await json(url, { method: 'POST', token, body: { markdown: 'hi' } });
      assert.equal(refused.status, 403);
      assert.equal(refused.body.code, 'thread-closed');
    } finally {
      await server.stop();
    }
    const { stdout } = await kith('thread', 'open', 'blog', '/posts/hello');
    assert.match(stdout, /now open/);
    await assert.rejects(kith('thread', 'close', 'nosuch', '/x'), /no site/);
  });

  it('comments reported lists readers’ reports with their reasons and notes; dismiss clears them', async () => {
    await kith('site', 'moderation', 'blog', 'none');
    const key = encodeURIComponent('/posts/reported');
    const server = await startServer({ databaseUrl, dataDir, site: 'blog' });
    let id: string;
    try {
      const author = await guest(server.url, 'blog');
      const posted = await json(`${server.url}/v1/sites/blog/threads/${key}/comments`, {
        method: 'POST',
        token: author,
        body: { markdown: 'Visit my   shop' },
      });
      id = posted.body.id;
      for (const [reason, note] of [
        ['spam', 'an advert'],
        ['spam', undefined],
        ['abuse', undefined],
      ]) {
        const reader = await guest(server.url, 'blog');
        const reported = await json(`${server.url}/v1/sites/blog/comments/${id}/reports`, {
          method: 'POST',
          token: reader,
          body: note ? { reason, note } : { reason },
        });
        assert.equal(reported.status, 204);
      }
    } finally {
      await server.stop();
    }
    const lines = (await kith('comments', 'reported', 'blog')).stdout.trimEnd().split('\n');
    assert.match(
      lines[0]!,
      new RegExp(`^${id}\t3 \\((abuse 1, spam 2|spam 2, abuse 1)\\)\t/posts/reported\t\\S+\tVisit my shop$`),
    );
    assert.equal(lines[1], '\t“an advert”');
    assert.match((await kith('comments', 'dismiss', 'blog', id)).stdout, /dismissed; it stays/);
    assert.match((await kith('comments', 'reported', 'blog')).stdout, /no comments are reported/);
    await assert.rejects(kith('comments', 'dismiss', 'blog', 'nosuch'), /no comment/);
  });

  it('site moderation pre holds new comments; comments pending, approve and remove moderate them', async () => {
    assert.match((await kith('site', 'moderation', 'blog', 'pre')).stdout, /wait for approval/);
    const key = encodeURIComponent('/posts/moderated');
    let server = await startServer({ databaseUrl, dataDir, site: 'blog' });
    const ids: string[] = [];
    try {
      const token = await guest(server.url, 'blog');
      for (const markdown of ['Worth approving', 'Buy   cheap\nwatches']) {
        const posted = await json(`${server.url}/v1/sites/blog/threads/${key}/comments`, {
          method: 'POST',
          token,
          body: { markdown },
        });
        assert.equal(posted.body.status, 'pending');
        ids.push(posted.body.id);
      }
    } finally {
      await server.stop();
    }
    const pending = (await kith('comments', 'pending', 'blog')).stdout.trim().split('\n');
    assert.equal(pending.length, 2);
    assert.match(pending[0]!, new RegExp(`^${ids[0]}\t\\S+\t/posts/moderated\t\\S+\tWorth approving$`));
    assert.match(pending[1]!, /\tBuy cheap watches$/, 'one line per comment');
    assert.match(
      (await kith('comments', 'approve', 'blog', ids[0]!)).stdout,
      /published on \/posts\/moderated/,
    );
    assert.match((await kith('comments', 'remove', 'blog', ids[1]!)).stdout, /removed/);
    assert.match((await kith('comments', 'pending', 'blog')).stdout, /no comments are waiting/);
    await assert.rejects(kith('comments', 'approve', 'blog', ids[1]!), /no comment/);
    await assert.rejects(kith('comments', 'approve', 'blog'), /comments approve\|remove/);
    // Ids are base64url: one may begin with "-" and is still an id, not an option.
    await assert.rejects(kith('comments', 'remove', 'blog', '-Qx_9'), /no comment "-Qx_9"/);
    await assert.rejects(kith('start', '--prot', '9000'), /Unknown option '--prot'/);
    await assert.rejects(kith('site', 'moderation', 'blog', 'post'), /pre\|first\|none/);
    assert.match((await kith('site', 'moderation', 'blog', 'first')).stdout, /with none published yet/);
    assert.match((await kith('site', 'moderation', 'blog', 'none')).stdout, /published at once/);
    assert.match((await kith('site', 'proof-of-work', 'blog', 'guests')).stdout, /guests now solve/);
    await assert.rejects(kith('site', 'proof-of-work', 'blog', 'all'), /guests\|everyone\|none/);
    assert.match((await kith('site', 'proof-of-work', 'blog', 'none')).stdout, /nobody is asked/);
    assert.match((await kith('site', 'hold-links', 'blog', '2')).stdout, /2 or more links now wait/);
    await assert.rejects(kith('site', 'hold-links', 'blog', 'many'), /hold-links <id> <count>/);
    await assert.rejects(kith('site', 'hold-links', 'blog', '99'), /holdLinks/);
    assert.match(
      (await kith('site', 'hold-words', 'blog', 'casino', 'cheap pills')).stdout,
      /any of 2 words/,
    );
    const shown = JSON.parse((await kith('site', 'show', 'blog')).stdout);
    assert.equal(shown.holdLinks, 2);
    assert.deepEqual(shown.holdWords, ['casino', 'cheap pills']);
    assert.equal(shown.secret, undefined);
    assert.match((await kith('site', 'hold-words', 'blog')).stdout, /no comment is held for its words/);
    assert.match((await kith('site', 'hold-links', 'blog', '0')).stdout, /no comment is held for its links/);
    server = await startServer({ databaseUrl, dataDir, site: 'blog' });
    try {
      const page = await json(`${server.url}/v1/sites/blog/threads/${key}`);
      assert.deepEqual(
        page.body.comments.map((c: { id: string }) => c.id),
        [ids[0]],
      );
      assert.equal(page.body.thread.commentCount, 1);
    } finally {
      await server.stop();
    }
  });

  it('event put reads a file and says what is wrong with it; show, attendees and remove', async () => {
    const file = join(dataDir, 'event.json');
    const event = {
      title: 'Spring meetup',
      start: '2099-04-01T18:00:00+02:00',
      end: '2099-04-01T21:00:00+02:00',
      timeZone: 'Europe/Berlin',
      capacity: 30,
      maxGuests: 1,
    };
    writeFileSync(file, JSON.stringify({ ...event, start: '2099-04-01T18:00:00' }));
    await assert.rejects(kith('event', 'put', 'blog', '/meetups/spring', file), /\/body\/start/);
    writeFileSync(file, '{ "title": ');
    await assert.rejects(kith('event', 'put', 'blog', '/meetups/spring', file), /is not JSON/);
    await assert.rejects(kith('event', 'put', 'blog', '/meetups/spring'), /event put <site> <key>/);
    await assert.rejects(
      kith('event', 'put', 'blog', '/meetups/spring', join(dataDir, 'missing.json')),
      /kith-server: cannot read .*missing\.json: .*no such file/i,
    );
    writeFileSync(file, JSON.stringify(event));
    const put = await kith('event', 'put', 'blog', 'https://blog.example/meetups/spring/', file);
    assert.match(put.stdout, /^Spring meetup \(scheduled, sequence 0\)$/m);
    assert.match(put.stdout, /going 0 of 30, waitlist 0, maybe 0, not going 0; answers open/);
    const key = encodeURIComponent('/meetups/spring');
    const server = await startServer({ databaseUrl, dataDir, site: 'blog' });
    try {
      const token = await guest(server.url, 'blog');
      const answered = await json(`${server.url}/v1/sites/blog/threads/${key}/event/rsvp`, {
        method: 'PUT',
        token,
        body: { response: 'going', guests: 1 },
      });
      assert.equal(answered.status, 200);
    } finally {
      await server.stop();
    }
    assert.match((await kith('event', 'show', 'blog', '/meetups/spring')).stdout, /going 2 of 30/);
    assert.equal(
      (await kith('event', 'list', 'blog')).stdout,
      '2099-04-01T18:00:00+02:00\t/meetups/spring\tSpring meetup\t2/30 going\n',
    );
    assert.match((await kith('event', 'attendees', 'blog', '/meetups/spring')).stdout, /^\S.*\t\+1$/m);
    assert.match((await kith('event', 'remove', 'blog', '/meetups/spring')).stdout, /removed/);
    await assert.rejects(kith('event', 'show', 'blog', '/meetups/spring'), /has no event/);
    assert.match((await kith('event', 'list', 'blog')).stdout, /^no events$/m);
  });

  it("import reads another system's export, says what it did, and export writes the site out", async () => {
    const disqus = fileURLToPath(new URL('fixtures/import/disqus.xml', import.meta.url));
    const dry = await kith('import', 'blog', disqus, '--dry-run');
    assert.equal(
      dry.stdout,
      'would import 7 comments from a Disqus export into 2 threads (1 kept as tombstones for their replies)\n' +
        'left out: 2 no-page, 1 deleted, 1 spam\nnothing was written (--dry-run)\n',
    );
    const done = await kith('import', 'blog', disqus);
    assert.match(done.stdout, /^imported 7 comments from a Disqus export into 2 threads/);
    const again = await kith('import', 'blog', disqus, '--from', 'disqus');
    assert.match(
      again.stdout,
      /^imported 0 comments .*\n7 comments were already imported and left as they are$/m,
    );
    const out = join(dataDir, 'blog.json');
    assert.match((await kith('export', 'blog', '--out', out)).stdout, /exported to/);
    const printed = JSON.parse((await kith('export', 'blog')).stdout);
    const written = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(printed.site, 'blog');
    assert.deepEqual(printed.threads, written.threads);
    const hello = written.threads.find((t: { key: string }) => t.key === '/posts/hello');
    assert.equal(hello.comments.length, 6);
    // For another system: a WordPress export, its pages at the site's first origin or at --base.
    const wxr = (await kith('export', 'blog', '--format', 'wxr')).stdout;
    assert.match(wxr, /^<\?xml [\s\S]*<link>https:\/\/blog\.example\/posts\/hello<\/link>[\s\S]*<\/rss>\n$/);
    assert.match(
      (await kith('export', 'blog', '--format', 'wxr', '--base', 'https://www.blog.example')).stdout,
      /<link>https:\/\/www\.blog\.example\/posts\/hello<\/link>/,
    );
    await assert.rejects(
      kith('export', 'blog', '--format', 'csv'),
      /--format is kith \(the default\) or wxr/,
    );
    await assert.rejects(kith('export', 'blog', '--base', 'https://x.example'), /--base is for --format wxr/);
    await assert.rejects(
      kith('export', 'blog', '--format', 'wxr', '--base', 'https://blog.example/posts/'),
      /--base is the site's origin, as https:\/\/blog\.example, without a path/,
    );
    await assert.rejects(
      kith('import', 'blog', disqus, '--from', 'blogger'),
      /--from is one of disqus, wordpress, remark42, commento, artalk, waline, isso, kith/,
    );
    // An Artalk file holds every site of its Artalk: the one to import is named.
    const artalk = fileURLToPath(new URL('fixtures/import/artalk.artrans', import.meta.url));
    await assert.rejects(
      kith('import', 'blog', artalk, '--dry-run'),
      /cannot import .*artalk\.artrans: the file holds the comments of 2 Artalk sites \("Blog", "Notes"\); say which to import with --source-site/,
    );
    assert.match(
      (await kith('import', 'blog', artalk, '--source-site', 'Notes', '--dry-run')).stdout,
      /^would import 1 comment from an Artalk export into 1 thread$/m,
    );
    await assert.rejects(
      kith('import', 'blog', disqus, '--source-site', 'Blog'),
      /--source-site picks a site of an Artalk export; .*disqus\.xml is a Disqus export/,
    );
    await assert.rejects(
      kith('import', 'blog', artalk, '--from', 'waline', '--source-site', 'Blog'),
      /--source-site picks a site of an Artalk export \(--from artalk\)/,
    );
    await assert.rejects(kith('import', 'nosuch', disqus), /no site/);
    await assert.rejects(
      kith('import', 'blog', join(dataDir, 'missing.xml')),
      /cannot import .*missing\.xml: .*no such file/i,
    );
    await assert.rejects(kith('import', 'blog', disqus, '--from', 'kith'), /cannot import .*not JSON/);
    await assert.rejects(
      kith('export', 'blog', '--out', join(dataDir, 'no-such-folder', 'blog.json')),
      /kith-server: cannot write .*no-such-folder.blog\.json: .*no such file/i,
    );
  });

  it('site remove says what a site holds, and removes it with all of it only with --yes', async () => {
    const disqus = fileURLToPath(new URL('fixtures/import/disqus.xml', import.meta.url));
    await kith('site', 'add', 'doomed', '--origin', 'https://doomed.example');
    await kith('import', 'doomed', disqus);
    const count = async (table: string) => {
      const db = await openDb({ databaseUrl, dataDir });
      try {
        const [row] = await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE site_id = $1`, [
          'doomed',
        ]);
        return Number(row!.n);
      } finally {
        await db.close();
      }
    };
    const blogComments = async () => {
      const db = await openDb({ databaseUrl, dataDir });
      try {
        return (await db.query(`SELECT 1 FROM comments WHERE site_id = 'blog'`)).length;
      } finally {
        await db.close();
      }
    };
    const before = await blogComments();
    assert.ok(before > 0, 'the other site has comments');

    await assert.rejects(
      kith('site', 'remove', 'doomed'),
      (error: { code: number; stderr: string }) =>
        error.code === 2 &&
        /site doomed holds 2 threads, 7 comments, 0 events and \d+ readers\. .*--yes.*Nothing was removed/.test(
          error.stderr,
        ),
    );
    assert.equal(await count('comments'), 7, 'nothing removed without --yes');

    const limits = async (sql: string) => {
      const db = await openDb({ databaseUrl, dataDir });
      try {
        return await db.query<{ bucket: string }>(sql);
      } finally {
        await db.close();
      }
    };
    await limits(`INSERT INTO rate_limits (bucket, hits, reset_at) VALUES
      ('doomed:comments:reader', 3, now() + interval '1 hour'),
      ('blog:comments:reader', 3, now() + interval '1 hour')`);

    assert.match(
      (await kith('site', 'remove', 'doomed', '--yes')).stdout,
      /^site doomed is removed, with 2 threads, 7 comments, 0 events and \d+ readers\n$/,
    );
    assert.doesNotMatch((await kith('site', 'list')).stdout, /doomed/);
    for (const table of ['threads', 'comments', 'users']) assert.equal(await count(table), 0, table);
    assert.equal(await blogComments(), before, 'another site keeps everything');
    assert.deepEqual(
      (
        await limits(
          "SELECT bucket FROM rate_limits WHERE bucket LIKE 'doomed:%' OR bucket = 'blog:comments:reader'",
        )
      ).map((r) => r.bucket),
      ['blog:comments:reader'],
      'a new site taking the id does not inherit its readers’ rate limits',
    );
    await assert.rejects(kith('site', 'remove', 'doomed', '--yes'), /there is no site "doomed"/);
    // The id is free again, and a site made with it starts empty.
    await kith('site', 'add', 'doomed', '--origin', 'https://doomed.example');
    await assert.rejects(kith('site', 'remove', 'doomed'), /holds 0 threads, 0 comments/);
  });

  it('site origin adds and removes origins, and says what is wrong in words', async () => {
    assert.match(
      (await kith('site', 'origin', 'add', 'blog', 'https://www.blog.example/')).stdout,
      /https:\/\/www\.blog\.example$/m,
    );
    await assert.rejects(
      kith('site', 'origin', 'remove', 'blog', 'https://never.example'),
      /https:\/\/never\.example is not one of site blog's origins \(.*https:\/\/www\.blog\.example/,
    );
    assert.doesNotMatch(
      (await kith('site', 'origin', 'remove', 'blog', 'https://www.blog.example')).stdout,
      /www/,
    );
    // A pattern is said in words, not as its regular expression.
    await assert.rejects(
      kith('site', 'webhook', 'blog', 'hooks.example/kith'),
      /kith-server: \/body\/webhook\/url: Must be an http:\/\/ or https:\/\/ address, without spaces\n/,
    );
  });

  it('--version says which version is installed', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    assert.equal((await run(process.execPath, [cli, '--version'])).stdout, `kith-server ${version}\n`);
  });

  it('says what is wrong with a DATABASE_URL, without its password', async () => {
    const withUrl = (url: string) =>
      run(process.execPath, [cli, 'site', 'list'], { env: { ...process.env, DATABASE_URL: url } });
    for (const url of ['mysql://kith@db.example/kith', 'kith'])
      await assert.rejects(
        withUrl(url),
        /kith-server: DATABASE_URL is not a PostgreSQL URL: give one like postgres:/,
      );
    await assert.rejects(withUrl('postgres://kith:s3cret-word@127.0.0.1:1/comments'), (error: Error) => {
      assert.match(
        error.message,
        /cannot connect to PostgreSQL at 127\.0\.0\.1:1 \(database "comments"\): .*ECONNREFUSED/,
      );
      assert.doesNotMatch(error.message.replace(/^Command failed: .*/, ''), /s3cret-word/);
      return true;
    });
  });

  it('refuses the embedded database while a server has it open, and takes over a claim left behind', {
    skip: databaseKind !== 'pglite',
  }, async () => {
    const server = await startServer({ databaseUrl, dataDir, site: 'blog' });
    try {
      await assert.rejects(
        kith('site', 'list'),
        (error: { code: number; stderr: string }) =>
          error.code === 1 &&
          /open in another process \(pid \d+, a running kith-server\?\)/.test(error.stderr),
      );
    } finally {
      await server.stop();
    }
    // A process that died with the folder open leaves its claim: the next one takes it over.
    writeFileSync(join(dataDir, 'kith.lock'), String(spawnSync(process.execPath, ['-e', '']).pid));
    assert.match((await kith('site', 'list')).stdout, /^blog\t/m);
  });

  it('start says when its port is taken, and leaves the database free, or when a setting is not one it knows', async () => {
    const taken = createServer();
    await new Promise<void>((listening) => taken.listen(0, '127.0.0.1', listening));
    const { port } = taken.address() as AddressInfo;
    try {
      await assert.rejects(
        kith('start', '--port', String(port)),
        (error: { code: number; stderr: string }) =>
          error.code === 1 &&
          error.stderr.includes(
            `port ${port} on 127.0.0.1 is taken by another program: stop it, or give --port`,
          ),
      );
    } finally {
      taken.close();
    }
    assert.match((await kith('site', 'list')).stdout, /^blog\t/m);
    await assert.rejects(
      run(process.execPath, [cli, 'start', '--data', dataDir], {
        env: { ...process.env, DATABASE_URL: databaseUrl ?? '', KITH_LOG_LEVEL: 'warning' },
      }),
      /kith-server: KITH_LOG_LEVEL is debug, info, warn, error or silent, not "warning"/,
    );
    await assert.rejects(
      run(process.execPath, [cli, 'start', '--data', dataDir], {
        env: { ...process.env, DATABASE_URL: databaseUrl ?? '', KITH_TRUST_PROXY: 'yes' },
      }),
      /kith-server: KITH_TRUST_PROXY is 1 \(on\) or 0 \(off\), not "yes"/,
    );
  });

  it('says when the embedded database’s folder is a file, or holds something else', {
    skip: databaseKind !== 'pglite',
  }, async () => {
    const list = (folder: string) => run(process.execPath, [cli, 'site', 'list', '--data', folder]);
    const file = join(dataDir, 'moved.txt');
    writeFileSync(file, 'not a folder');
    await assert.rejects(
      list(file),
      /kith-server: the embedded database needs a folder, and .*moved\.txt is a file/,
    );
    const other = mkdtempSync(join(tmpdir(), 'kith-other-'));
    try {
      writeFileSync(join(other, 'PG_VERSION'), 'not ours');
      await assert.rejects(list(other), /kith-server: cannot open the embedded database in .*kith-other-/);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('import moves pages with --map and names anonymous comments with --anonymous', async () => {
    const wordpress = fileURLToPath(new URL('fixtures/import/wordpress.xml', import.meta.url));
    const map = join(dataDir, 'moved.txt');
    writeFileSync(map, 'https://wp.example/2020/*  https://blog.example/posts/*\n/2019/05/closed/ /closed\n');
    const done = await kith('import', 'blog', wordpress, '--map', map, '--anonymous', 'Anonyme');
    assert.match(done.stdout, /^imported 4 comments from a WordPress export into 2 threads/);
    const { threads } = JSON.parse((await kith('export', 'blog')).stdout);
    const keys = threads.map((t: { key: string }) => t.key);
    assert.ok(keys.includes('/posts/01/tea') && keys.includes('/closed'), keys.join(' '));
    const closed = threads.find((t: { key: string }) => t.key === '/closed');
    assert.equal(closed.comments[0].author.name, 'Anonyme');
    writeFileSync(map, '/a/* /b\n');
    await assert.rejects(
      kith('import', 'blog', wordpress, '--map', map),
      /cannot use the map .*line 1: put \* at the end/,
    );
    await assert.rejects(kith('import', 'blog', wordpress, '--anonymous', '  '), /--anonymous takes a name/);
  });
});
