// The end-to-end suite of an app example (React, Vue, Svelte, Astro): the app built by `pnpm build`
// (its type check, then the framework's build), served with the real reference server by its
// `serve.mjs`, in Chromium (or Firefox: KITH_BROWSER=firefox). The app sets the elements'
// properties or attributes, follows their events, and drives them from its state (Astro's, from
// the page's script).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, newContext } from './browser.mjs';
import { startExample } from './example.mjs';

/**
 * Runs the suite on an example whose page is "Hello from <framework>": a count, a share bar of
 * four buttons whose `kith-share` the app shows in a status line, a button switching the thread's
 * sort, the count the thread's `kith-load` gave, and the thread of two seeded comments.
 */
export function describeAppExample({ framework, serveFile }) {
  describe(`${framework} example: Kith elements in ${framework}, against the real server`, () => {
    let example;
    let browser;
    let url;

    before(async () => {
      example = await startExample(serveFile);
      url = `${example.url}/`;
      browser = await launchBrowser();
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

    it(`renders every element inside ${framework}, and ${framework} hears their load events`, async () => {
      const { page, problems, requests } = await open();
      await page.waitForFunction(() => document.querySelector('kith-comment-count')?.count === 2);
      assert.match(await page.$eval('kith-comment-count', (el) => el.shadowRoot.textContent), /2 comments/);
      // The app's kith-load handler put the thread's count into its state.
      await page.waitForFunction(() => document.querySelector('.loaded')?.textContent === '2 comments');
      assert.deepEqual(await bodies(page), [
        `First! Written before ${framework} rendered anything.`,
        'And a second one, to sort.',
      ]);
      // Props the app passed: properties where the element has one, attributes otherwise. The bar
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
      assert.equal(share.title, `Hello from ${framework}`);
      assert.equal(share.buttons.length, 4);
      assert.deepEqual(problems, []);
      for (const request of requests) assert.ok(request.startsWith(url), `request to ${request}`);
      await page.close();
    });

    it(`follows ${framework}: its sort button sets the thread’s sort, and the thread re-sorts`, async () => {
      const { page, problems } = await open();
      await page.waitForFunction(() => document.querySelector('.loaded')?.textContent === '2 comments');
      assert.equal((await bodies(page))[0], `First! Written before ${framework} rendered anything.`);
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

    it('keeps its text dark on this page without a dark mode, for a reader who prefers dark', async () => {
      const context = await newContext(browser, { colorScheme: 'dark' });
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForFunction(() => document.querySelector('.loaded')?.textContent === '2 comments');
      // The page declares no colour scheme, so it stays white; the thread follows the page, not
      // the reader's system, or its light text would be unreadable on it.
      const colours = await page.$eval('kith-thread', (el) => ({
        page: getComputedStyle(document.documentElement).colorScheme,
        text: getComputedStyle(el.shadowRoot.querySelector('[part="body"]')).color,
      }));
      assert.equal(colours.page, 'normal');
      assert.equal(colours.text, 'rgb(31, 35, 40)');
      await context.close();
    });

    it(`gives ${framework} the typed share event`, async () => {
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
}
