#!/usr/bin/env node
// `pnpm test`: every suite (lint, type checks with the tests, unit, real-browser (Chromium, and Firefox and WebKit for the elements), server and conformance on PGlite and on
// PostgreSQL, end to end on the demo blog and the React, Vue, Svelte and Astro examples, size budgets, the packages as
// npm would publish them, the docs' TypeScript examples), then one closing line `N passed, N failed` over all of them.
// Pass suite names to run only those: `pnpm test conformance`.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPostgres } from './lib/postgres.mjs';
import { startKithServer } from './lib/server.mjs';
import { ensureSystemDeps } from './lib/system.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules/.bin', name);
const only = process.argv.slice(2);
/** Node 20's test runner takes no globs: list the files. */
const testFiles = (dir, suffix = '.test.ts') =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith(suffix))
    .map((f) => join(dir, f));
// A test file that hangs fails after fifteen minutes, by name, instead of stopping the whole run
// at the CI's limit with nothing said. The slowest (the CLI's, on PGlite) takes under five here.
const nodeTest = ['--test-reporter=spec', '--test-timeout=900000'];

const results = [];
const skipped = [];

function sh(cmd, args, { env = {}, cwd = root } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const onData = (chunk) => {
      out += chunk;
      process.stdout.write(chunk);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

/** Counts from a suite's output: node's test runner, web-test-runner, or our own `N passed, N failed`. */
function countsOf(out) {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips terminal colours
  const text = out.replace(/\x1b\[[0-9;]*m/g, '');
  const node = /ℹ pass (\d+)[\s\S]*?ℹ fail (\d+)/.exec(text);
  if (node) return { passed: Number(node[1]), failed: Number(node[2]) };
  const last = [...text.matchAll(/(\d+) passed, (\d+) failed/g)].at(-1);
  if (last) return { passed: Number(last[1]), failed: Number(last[2]) };
  return undefined;
}

const wanted = (name) => only.length === 0 || only.some((o) => name.includes(o));

async function suite(name, cmd, args, options = {}) {
  if (!wanted(name)) return;
  console.log(`\n━━ ${name}`);
  const t = Date.now();
  const { code, out } = await sh(cmd, args, options);
  const counts = countsOf(out) ?? { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 };
  if (code !== 0 && counts.failed === 0) counts.failed = 1; // a crash is a failure even if nothing counted it
  results.push({ name, ...counts, seconds: Math.round((Date.now() - t) / 100) / 10 });
}

async function conformance(name, env) {
  if (!wanted(name)) return;
  const dataDir = mkdtempSync(join(tmpdir(), 'kith-conf-'));
  const server = await startKithServer({
    env: { KITH_DATA_DIR: dataDir, ...env },
    site: 'conformance',
    origin: 'http://localhost:5999',
  });
  try {
    await suite(
      name,
      process.execPath,
      [
        'packages/protocol/dist/conformance/cli.js',
        server.url,
        '--site',
        'conformance',
        '--origin',
        'http://localhost:5999',
      ],
      { env: { KITH_SITE_SECRET: server.secret } },
    );
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The elements' tests in one browser (web-test-runner.config.mjs picks it from `env`). */
function elementsIn(browser, env) {
  return suite(
    `elements in ${browser} (web-test-runner)`,
    join(root, 'packages/elements/node_modules/.bin/web-test-runner'),
    ['--config', 'web-test-runner.config.mjs'],
    { cwd: join(root, 'packages/elements'), env },
  );
}

/** The demo blog's and the app examples' end-to-end suites, in one browser. */
async function endToEndIn(browser, env) {
  for (const [name, dir] of [
    ['demo blog', 'examples/blog'],
    ['React example', 'examples/react'],
    ['Vue example', 'examples/vue'],
    ['Svelte example', 'examples/svelte'],
    ['Astro example', 'examples/astro'],
  ]) {
    await suite(
      `end to end: ${name} in ${browser}`,
      process.execPath,
      ['--test', ...nodeTest, ...testFiles(`${dir}/test`, '.test.mjs').map((f) => f.replace(`${dir}/`, ''))],
      { cwd: join(root, dir), env },
    );
  }
}

async function main() {
  const deps = ensureSystemDeps();
  skipped.push(...deps.skipped);
  for (const line of deps.skipped) console.log(`SKIPPED: ${line}`);

  console.log('\n━━ build');
  const built = await sh('pnpm', ['build']);
  if (built.code !== 0) {
    results.push({ name: 'build', passed: 0, failed: 1, seconds: 0 });
    return;
  }

  const serverTest = [
    '--import',
    'tsx',
    '--test',
    ...nodeTest,
    ...testFiles('packages/server/test').map((f) => f.replace('packages/server/', '')),
  ];
  await suite('lint and format (biome)', bin('biome'), ['check', '.']);
  // The build checks the packages' sources; this checks their tests and test servers too, and the
  // loader, which the bundler builds without checking its types.
  for (const pkg of ['core', 'server', 'elements']) {
    await suite(`type-check ${pkg} with its tests (tsc)`, bin('tsc'), [
      '-p',
      `packages/${pkg}/tsconfig.check.json`,
    ]);
  }
  await suite('type-check the embed loader (tsc)', bin('tsc'), ['-p', 'packages/embed/tsconfig.json']);
  await suite('server on PGlite', process.execPath, serverTest, {
    cwd: join(root, 'packages/server'),
  });
  await conformance('conformance on PGlite', {});
  await suite(
    'core client',
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      ...nodeTest,
      ...testFiles('packages/core/test').map((f) => f.replace('packages/core/', '')),
    ],
    {
      cwd: join(root, 'packages/core'),
    },
  );
  // Each browser the machine has, with what tells the tests to use it.
  const chromium = deps.chromium && { CHROMIUM_PATH: deps.chromium };
  const firefox = deps.firefox && { KITH_BROWSER: 'firefox', FIREFOX_PATH: deps.firefox };
  if (chromium) {
    await elementsIn('Chromium', chromium);
    await endToEndIn('Chromium', chromium);
  }
  // The same tests in a second engine, Gecko. Where it lacks setHTML or CSS anchor positioning
  // (Firefox ESR 140 lacks both, 153 has them), DOMPurify and floating-ui run there for real.
  if (firefox) {
    await elementsIn('Firefox', firefox);
    // Driven by Playwright over WebDriver BiDi (scripts/lib/firefox-esr.mjs).
    await endToEndIn('Firefox', firefox);
  }
  // And in WebKit (Debian's WebKitGTK, the engine of Safari), which has no setHTML.
  if (deps.webkit) await elementsIn('WebKit', { KITH_BROWSER: 'webkit' });
  // Storybook is built once, by the first of these runs, for both.
  const storybook = mkdtempSync(join(tmpdir(), 'kith-sb-'));
  try {
    for (const [browser, env] of [
      ['Chromium', chromium],
      ['Firefox', firefox],
    ]) {
      if (env) {
        await suite(
          `Storybook stories in ${browser}`,
          process.execPath,
          ['--test', ...nodeTest, '.storybook/test/stories.test.mjs'],
          { env: { ...env, KITH_STORYBOOK_OUT: storybook } },
        );
      }
    }
  } finally {
    rmSync(storybook, { recursive: true, force: true });
  }
  await suite('size budgets', process.execPath, ['scripts/size.mjs']);
  await suite('packages as published (publint)', process.execPath, ['scripts/packages.mjs']);
  await suite("docs' TypeScript examples", process.execPath, ['scripts/doc-examples.mjs']);

  let pg;
  if (deps.postgres && (wanted('server on PostgreSQL') || wanted('conformance on PostgreSQL'))) {
    pg = await startPostgres();
    try {
      await suite('server on PostgreSQL', process.execPath, serverTest, {
        cwd: join(root, 'packages/server'),
        env: { KITH_TEST_DATABASE_URL: pg.url() },
      });
      await conformance('conformance on PostgreSQL', { DATABASE_URL: pg.createDatabase('kith_conformance') });
    } finally {
      pg.stop();
    }
  }
}

try {
  await main();
} catch (error) {
  console.error(error);
  results.push({ name: 'test runner', passed: 0, failed: 1, seconds: 0 });
}
console.log('\n━━ summary');
for (const r of results)
  console.log(`${r.failed ? '✗' : '✓'} ${r.name}: ${r.passed} passed, ${r.failed} failed (${r.seconds}s)`);
for (const s of skipped) console.log(`SKIPPED: ${s}`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && results.length > 0 ? 0 : 1);
