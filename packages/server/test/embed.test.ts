import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { startServer, type TestServer } from './helpers.js';

describe('the script-tag build served at /embed/', () => {
  let dir: string;
  let server: TestServer;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kith-embed-'));
    mkdirSync(join(dir, 'chunks'));
    writeFileSync(join(dir, 'chunks', 'a-123.js'), 'export const a = 1;');
    // As the build writes them: each file compressed beside it.
    const loader = `export const loader = '${'kith '.repeat(200)}';`;
    writeFileSync(join(dir, 'kith.js'), loader);
    writeFileSync(join(dir, 'kith.js.br'), brotliCompressSync(loader));
    writeFileSync(join(dir, 'kith.js.gz'), gzipSync(loader));
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
    // Scripts are never sniffed as anything else, and take no policy of their own.
    assert.equal(chunk.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(chunk.headers.get('content-security-policy'), null);
    const missing = await fetch(`${server.url}/embed/../package.json`);
    assert.equal(missing.status, 404);
    // A chunk this build lacks (a page of a newer build asks, say) is not kept by any cache.
    const newer = await fetch(`${server.url}/embed/chunks/b-456.js`);
    assert.equal(newer.status, 404);
    assert.equal(newer.headers.get('cache-control'), 'no-store');
  });

  it('answers as data that a browser opening it directly neither sniffs, runs nor frames', async () => {
    const key = encodeURIComponent('/posts/<script>');
    for (const [path, status] of [
      [`/v1/sites/${server.site}`, 200],
      [`/v1/sites/${server.site}/threads/${key}`, 200],
      [`/v1/sites/${server.site}/threads/${key}/feed.atom`, 200],
      [`/v1/sites/${server.site}/nothing`, 404],
      ['/nothing', 404],
    ] as const) {
      const answer = await fetch(`${server.url}${path}`);
      assert.equal(answer.status, status, path);
      assert.equal(answer.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(
        answer.headers.get('content-security-policy'),
        "default-src 'none'; frame-ancestors 'none'; sandbox",
        path,
      );
    }
  });

  it('sends the compressed copy a browser accepts: brotli, else gzip, else as is', async () => {
    const plain = readFileSync(join(dir, 'kith.js'), 'utf8');
    const get = (encoding: string) =>
      new Promise<{ encoding: string | undefined; vary: string | undefined; body: Buffer }>(
        (resolve, reject) => {
          // node:http, which leaves the body as sent (fetch would decompress it).
          httpGet(`${server.url}/embed/kith.js`, { headers: { 'accept-encoding': encoding } }, (response) => {
            const parts: Buffer[] = [];
            response.on('data', (part: Buffer) => parts.push(part));
            response.on('end', () =>
              resolve({
                encoding: response.headers['content-encoding'],
                vary: response.headers.vary,
                body: Buffer.concat(parts),
              }),
            );
          }).on('error', reject);
        },
      );
    const br = await get('gzip, deflate, br');
    assert.equal(br.encoding, 'br');
    assert.match(br.vary ?? '', /accept-encoding/i);
    assert.equal(brotliDecompressSync(br.body).toString(), plain);
    assert.ok(br.body.length < plain.length / 4);
    const gz = await get('gzip');
    assert.equal(gz.encoding, 'gzip');
    assert.equal(gunzipSync(gz.body).toString(), plain);
    const none = await get('identity');
    assert.equal(none.encoding, undefined);
    assert.match(none.vary ?? '', /accept-encoding/i, 'a shared cache keeps the plain copy apart');
    assert.equal(none.body.toString(), plain);
  });
});
