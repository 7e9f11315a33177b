// Astro renders the page at build time: without JavaScript (or before the script runs), a reader
// still gets the post and share links that work, made with `shareUrl()` from `@kith/core/share`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { shareUrl } from '@kith/core/share';
import { launchBrowser, newContext } from '../../../scripts/lib/browser.mjs';
import { startExample } from '../../../scripts/lib/example.mjs';

describe('Astro example: without JavaScript', () => {
  let example;
  let browser;
  before(async () => {
    example = await startExample(fileURLToPath(new URL('../serve.mjs', import.meta.url)));
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await example?.stop();
  });

  it('shows the share bar’s plain links, each the network’s own share link, built with the site', async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${example.url}/`);
    const links = await page.$$eval('kith-share > a', (as) =>
      as.map((a) => ({ name: a.textContent.trim(), href: a.href, target: a.target, rel: a.rel })),
    );
    const data = { url: 'https://blog.example/posts/hello', title: 'Hello from Astro' };
    const newTab = { target: '_blank', rel: 'noopener noreferrer' };
    assert.deepEqual(links, [
      { name: 'X', href: shareUrl('x', data), ...newTab },
      { name: 'Reddit', href: shareUrl('reddit', data), ...newTab },
      { name: 'Email', href: shareUrl('email', data), target: '', rel: 'noopener noreferrer' },
    ]);
    assert.equal(await page.locator('kith-share a').first().isVisible(), true);
    // The elements are in the page as Astro wrote them, waiting for the script.
    assert.equal(
      await page.locator('kith-thread[thread="/posts/hello"][sort="old"][max-depth="4"]').count(),
      1,
    );
    await context.close();
  });
});
