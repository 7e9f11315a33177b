import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { openDb } from '../src/index.js';
import { databaseKind, freshDatabaseUrl, guest, json, startServer } from './helpers.js';

const run = promisify(execFile);
const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

describe(`kith-server CLI on ${databaseKind}`, () => {
  let databaseUrl: string | undefined;
  let dataDir: string;
  const kith = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', cli, ...args, '--data', dataDir], {
      env: { ...process.env, DATABASE_URL: databaseUrl ?? '' },
    });

  before(async () => {
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
    await db.close();
    assert.ok(!dump.includes(secret), 'the secret itself is not stored');
    await assert.rejects(kith('site', 'add', 'blog', '--origin', 'https://x.example'), /already exists/);
    await assert.rejects(kith('site', 'add', 'Bad_Id', '--origin', 'https://x.example'), /lower-case/);
    await assert.rejects(kith('site', 'add', 'other'), /--origin/);
    const list = await kith('site', 'list');
    assert.match(list.stdout, /^blog\thttps:\/\/blog\.example http:\/\/localhost:4000$/m);
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
});
