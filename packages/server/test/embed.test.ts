import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startServer, type TestServer } from './helpers.js';

describe('the script-tag build served at /embed/', () => {
  let dir: string;
  let server: TestServer;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kith-embed-'));
    mkdirSync(join(dir, 'chunks'));
    writeFileSync(join(dir, 'kith.js'), 'export {};');
    writeFileSync(join(dir, 'chunks', 'a-123.js'), 'export const a = 1;');
    server = await startServer({ embedDir: dir });
  });
  after(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is readable from any origin, the loader briefly cached, hashed chunks for good', async () => {
    const loader = await fetch(`${server.url}/embed/kith.js`, {
      headers: { origin: 'https://blog.example' },
    });
    assert.equal(loader.status, 200);
    assert.match(loader.headers.get('content-type') ?? '', /javascript/);
    assert.equal(loader.headers.get('access-control-allow-origin'), '*');
    assert.equal(loader.headers.get('cache-control'), 'public, max-age=300');
    const chunk = await fetch(`${server.url}/embed/chunks/a-123.js`);
    assert.match(chunk.headers.get('cache-control') ?? '', /immutable/);
    const missing = await fetch(`${server.url}/embed/../package.json`);
    assert.equal(missing.status, 404);
  });
});
