import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { type AddressInfo, createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { databaseKind, freshDatabaseUrl, startServer, type TestServer } from './helpers.js';

const run = promisify(execFile);
// The built `kith-conformance`, as another backend's developers run it (`pnpm test` builds first).
const cli = fileURLToPath(new URL('../../protocol/dist/conformance/cli.js', import.meta.url));
const conformance = (...args: string[]) =>
  run(process.execPath, [cli, ...args], { env: { ...process.env, KITH_SITE_SECRET: '' } });

/** Runs `args` and expects exit code 2 with `message` on standard error. */
async function refused(args: string[], message: RegExp) {
  await assert.rejects(conformance(...args), (error: { code: number; stderr: string }) => {
    assert.equal(error.code, 2, error.stderr);
    assert.match(error.stderr, message);
    assert.doesNotMatch(error.stderr, /\n\s+at /, 'no stack trace');
    return true;
  });
}

describe(`kith-conformance says what keeps it from running, on ${databaseKind}`, () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ databaseUrl: await freshDatabaseUrl(), site: 'conformance' });
  });
  after(() => server.stop());

  it('says which version of the suite it is', async () => {
    const { stdout } = await conformance('--version');
    assert.match(stdout, /^kith-conformance \d+\.\d+\.\d+ \(Kith protocol v1\)\n$/);
  });

  it('names what the command lacks', async () => {
    await refused([], /^kith-conformance: give the URL of the server to check\n\nkith-conformance <baseUrl>/);
    await refused(
      ['comments.example', '--site', 's', '--secret', 'k'],
      /"comments\.example" is not an http:\/\/ or https:\/\/ URL/,
    );
    await refused([server.url, '--secret', 'k'], /give the id of a test site on that server \(--site\)/);
    await refused([server.url, '--site', 's'], /give the site’s secret \(--secret, or KITH_SITE_SECRET\)/);
    await refused(
      [server.url, '--site', 's', '--secret', 'k', '--grep', '(x'],
      /--grep is not a regular expression/,
    );
    await refused([server.url, '--sight', 's'], /Unknown option '--sight'/);
  });

  it('runs the cases --grep picks, and refuses a --grep that picks none', async () => {
    const picked = await conformance(
      server.url,
      '--site',
      'conformance',
      '--secret',
      server.secret,
      '--grep',
      'unknown path',
    );
    assert.match(
      picked.stdout,
      /^ {2}✓ unknown path: 404 problem \(\d+ ms\)\nconformance: 1 passed, 0 failed\n$/,
    );
    await refused(
      [server.url, '--site', 'conformance', '--secret', server.secret, '--grep', 'no such case'],
      /^kith-conformance: no case matches --grep no such case\n/,
    );
  });

  it('says why it cannot start on a server it cannot reach, a site it does not have, or a wrong secret', async () => {
    // A port nothing listens on: one the system gave out and took back.
    const closed = createServer();
    await new Promise<void>((listening) => closed.listen(0, '127.0.0.1', listening));
    const { port } = closed.address() as AddressInfo;
    await new Promise((done) => closed.close(done));
    await refused(
      [`http://127.0.0.1:${port}`, '--site', 'conformance', '--secret', 'k'],
      /could not run the suite on conformance at http:\/\/127\.0\.0\.1:\d+: fetch failed \(connect ECONNREFUSED/,
    );
    await refused(
      [server.url, '--site', 'elsewhere', '--secret', server.secret],
      /could not run the suite on elsewhere at .*404/,
    );
    await refused(
      [server.url, '--site', 'conformance', '--secret', 'ks_wrong'],
      /could not run the suite on conformance at .*401/,
    );
  });
});
