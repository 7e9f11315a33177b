// Builds Storybook and opens every story in Chromium (or Firefox: KITH_BROWSER=firefox): each must
// render its element without a page error, reach the state its play function drives it to, and
// pass its axe check (the a11y addon, `test: 'error'` in .storybook/preview.ts). Run by `pnpm test`
// in both browsers, building once: KITH_STORYBOOK_OUT names a folder that keeps the build for the
// next run (built there when it holds none; the caller removes it).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../../scripts/lib/browser.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

describe('Storybook', () => {
  const kept = process.env.KITH_STORYBOOK_OUT;
  const out = kept || mkdtempSync(join(tmpdir(), 'kith-sb-'));
  let server;
  let base;
  let browser;
  before(async () => {
    if (!existsSync(join(out, 'index.json'))) {
      execFileSync(join(root, 'node_modules/.bin/storybook'), ['build', '-o', out, '--quiet'], {
        cwd: root,
        env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
        stdio: 'pipe',
      });
    }
    server = createServer((req, res) => {
      const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(
        /^(\.\.[/\\])+/,
        '',
      );
      try {
        const body = readFileSync(join(out, path.endsWith('/') ? `${path}index.html` : path));
        res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
        res.end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${server.address().port}`;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    server?.close();
    if (!kept) rmSync(out, { recursive: true, force: true });
  });

  it('renders every story without errors, and never touches a real network', async () => {
    const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'));
    const stories = Object.values(index.entries).filter((e) => e.type === 'story');
    assert.ok(stories.length >= 5, `found ${stories.length} stories`);
    const page = await browser.newPage();
    // Storybook reports each story's end on its channel: an error there is a play function that
    // threw (a state story that did not reach its state) or an accessibility check that failed.
    await page.addInitScript(() => {
      let channel;
      Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
        configurable: true,
        get: () => channel,
        set(value) {
          channel = value;
          const thrown = [];
          const keep = (error) => thrown.push(error?.message ?? String(error));
          channel.on('playFunctionThrewException', keep);
          channel.on('unhandledErrorsWhilePlaying', (errors) => errors.forEach(keep));
          channel.on('storyFinished', (finished) => {
            window.__kithFinished = { ...finished, thrown };
          });
        },
      });
    });
    const errors = [];
    const foreign = [];
    const unfinished = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('data:')) foreign.push(r.url());
    });
    for (const story of stories) {
      await page.goto(`${base}/iframe.html?id=${story.id}&viewMode=story`);
      await page
        .waitForFunction(
          () => {
            const elements = [
              ...document.querySelectorAll('kith-comment-count, kith-share, kith-thread, kith-rsvp'),
            ];
            // Drawn: its content, or (the event card) its loading line or its failure.
            const drawn = '[part="base"], [part="list"] li, [aria-busy="true"], [part="error"]';
            return elements.length > 0 && elements.every((el) => el.shadowRoot?.querySelector(drawn));
          },
          undefined,
          { timeout: 10_000 },
        )
        .catch((error) => {
          throw new Error(
            `story ${story.id} did not render: ${error.message}; page errors: ${errors.join('; ')}`,
          );
        });
      const finished = await page
        .waitForFunction((id) => window.__kithFinished?.storyId === id && window.__kithFinished, story.id, {
          timeout: 20_000,
        })
        .then((handle) => handle.jsonValue());
      const failed = finished.reporters
        .filter((r) => r.status === 'failed')
        .map((r) =>
          [
            r.type,
            ...(r.result?.violations ?? []).map(
              (v) => `${v.id} at ${v.nodes.length} nodes, first ${v.nodes[0]?.target.join(' ')}`,
            ),
          ].join(': '),
        );
      failed.push(...finished.thrown.map((message) => `play: ${message.split('\n')[0]}`));
      if (finished.status !== 'success' || failed.length) {
        const message = await page.evaluate(
          () => document.querySelector('#error-message')?.textContent ?? '',
        );
        unfinished.push(
          `${story.id}${failed.length ? ` (${failed.join('; ')})` : ''}${message ? `: ${message}` : ''}`,
        );
      }
    }
    assert.deepEqual(unfinished, [], 'stories that ended in error');
    assert.deepEqual(errors, []);
    assert.deepEqual(foreign, []);
  });
});
