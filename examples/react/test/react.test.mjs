// The React example built by `pnpm build` (tsc, then Vite), served with the real reference server,
// in Chromium: React 19 sets the elements' properties, follows their events, and drives them from
// its state.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../../scripts/lib/chromium.mjs';
import { startExample } from '../../../scripts/lib/example.mjs';

describe('React example: Kith elements in a React 19 app, against the real server', () => {
  let example;
  let browser;
  let url;

  before(async () => {
    example = await startExample(fileURLToPath(new URL('../serve.mjs', import.meta.url)));
    url = `${example.url}/`;
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await example?.stop();
  });

  async function open() {
    const page = await browser.newPage();
    const problems = [];
    const requests = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
    await page.goto(url);
    return { page, problems, requests };
  }

  /** The thread's comment texts, in the order shown. */
  const bodies = (page) =>
    page.$eval('kith-thread', (el) =>
      [...el.shadowRoot.querySelectorAll('[part="body"]')].map((b) => b.textContent.trim()),
    );

  it('renders every element inside React, and React hears their load events', async () => {
    const { page, problems, requests } = await open();
    await page.waitForFunction(() => document.querySelector('kith-comment-count')?.count === 2);
    assert.match(await page.$eval('kith-comment-count', (el) => el.shadowRoot.textContent), /2 comments/);
    // React's onkith-load handler put the thread's count into React state.
    await page.waitForFunction(() => document.querySelector('.loaded')?.textContent === '2 comments');
    assert.deepEqual(await bodies(page), [
      'First! Written before React rendered anything.',
      'And a second one, to sort.',
    ]);
    // Props React passed: properties where the element has one, attributes otherwise. The bar
    // draws its buttons once their modules are in (on a busy machine, after the thread).
    await page.waitForFunction(
      () =>
        document.querySelector('kith-share')?.shadowRoot?.querySelectorAll('[part~="button"]').length === 4,
    );
    const share = await page.$eval('kith-share', (el) => ({
      layout: el.layout,
      reflected: el.getAttribute('layout'),
      title: el.shareTitle,
      buttons: [...el.shadowRoot.querySelectorAll('[part~="button"]')].map((b) =>
        b.getAttribute('aria-label'),
      ),
    }));
    assert.deepEqual(share.layout, 'icons');
    assert.equal(share.reflected, 'icons');
    assert.equal(share.title, 'Hello from React');
    assert.equal(share.buttons.length, 4);
    assert.deepEqual(problems, []);
    for (const request of requests) assert.ok(request.startsWith(url), `request to ${request}`);
    await page.close();
  });

  it('follows React state: a re-render sets the thread’s sort, and the thread re-sorts', async () => {
    const { page, problems } = await open();
    await page.waitForFunction(() => document.querySelector('.loaded')?.textContent === '2 comments');
    assert.equal((await bodies(page))[0], 'First! Written before React rendered anything.');
    await page.getByRole('button', { name: 'Showing oldest first' }).click();
    await page.waitForFunction(() => document.querySelector('kith-thread')?.sort === 'new');
    await page.waitForFunction(
      () =>
        document
          .querySelector('kith-thread')
          .shadowRoot.querySelector('[part="body"]')
          ?.textContent.trim() === 'And a second one, to sort.',
    );
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('gives React the typed share event', async () => {
    const { page, problems } = await open();
    await page.waitForFunction(() =>
      document.querySelector('kith-share')?.shadowRoot.querySelector('[part~="button-copy"]'),
    );
    await page.locator('kith-share [part~="button-copy"]').click();
    await page.getByRole('status').filter({ hasText: 'Shared via copy' }).waitFor();
    assert.deepEqual(problems, []);
    await page.close();
  });
});
