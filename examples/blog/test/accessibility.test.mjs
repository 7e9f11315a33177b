// axe on the real demo pages (the site's own CSS around the elements, data from the real server),
// in light and dark, at rest and with the editor, the share menu's Mastodon picker open.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { closeDemo, openDemo } from './browser.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// axe goes in as a script of its own, which the demo's Content-Security-Policy forbids; the other
// end-to-end tests run under that policy.
const bypassCSP = true;

/** Every Kith element on the page has drawn its data (counts, comments, share buttons). */
const settled = () =>
  [...document.querySelectorAll('kith-comment-count')].every((el) => el.count !== undefined) &&
  [...document.querySelectorAll('kith-thread')].every((el) => el.store?.$state.get().status === 'ready') &&
  [...document.querySelectorAll('kith-share')].every(
    (el) => el.targets && el.shadowRoot?.querySelectorAll('[part~="button"]').length === el.targets.length,
  );

async function violations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () =>
    (await window.axe.run(document)).violations.map(
      (v) => `${v.id}: ${v.nodes.length} node(s), first ${JSON.stringify(v.nodes[0]?.target)}`,
    ),
  );
}

describe('demo blog: accessibility (axe)', () => {
  let demo;
  let browser;
  before(async () => ({ demo, browser } = await openDemo()));
  after(() => closeDemo({ demo, browser }));

  for (const colorScheme of ['light', 'dark']) {
    it(`every page passes axe in ${colorScheme}`, async () => {
      const context = await browser.newContext({ colorScheme, bypassCSP });
      const page = await context.newPage();
      for (const path of ['/', '/posts/welcome/', '/posts/spring-meetup/', '/posts/meetup-recap/']) {
        await page.goto(`${demo.url}${path}`);
        await page.waitForFunction(settled);
        assert.deepEqual(await violations(page), [], `axe on ${path} (${colorScheme})`);
      }
      await context.close();
    });
  }

  it('passes axe with the editor and the Mastodon picker open', async () => {
    const context = await browser.newContext({ bypassCSP });
    const page = await context.newPage();
    await page.goto(`${demo.url}/posts/welcome/`);
    await page.waitForFunction(settled);
    const thread = page.locator('kith-thread');
    await thread.getByRole('button', { name: 'Write a comment…' }).click();
    await thread.getByRole('textbox', { name: 'Your comment' }).waitFor();
    const share = page.locator('kith-share');
    await share.getByRole('link', { name: /Share on Mastodon/ }).click();
    await share.getByRole('dialog').waitFor();
    assert.deepEqual(await violations(page), [], 'axe with the editor and the picker open');
    await context.close();
  });
});
