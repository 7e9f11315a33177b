// axe on the real demo pages (the site's own CSS around the elements, data from the real server),
// in light and dark, at rest and with the editor, the share menu's Mastodon picker open.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { closeDemo, inFirefox, newContext, openDemo, settled } from './browser.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// axe goes in as a script of its own, which the demo's Content-Security-Policy forbids; the other
// end-to-end tests run under that policy. Firefox over BiDi cannot bypass it: there axe runs as
// the driver's own evaluation, which the page's policy does not govern.
const bypassCSP = true;

async function violations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) {
    if (inFirefox) await page.evaluate(`${axeSource};window.axe=axe`);
    else await page.addScriptTag({ content: axeSource });
  }
  // WCAG 2.2's target size (2.5.8: 24 by 24 CSS pixels) too, which axe leaves off by default.
  return page.evaluate(async () =>
    (await window.axe.run(document, { rules: { 'target-size': { enabled: true } } })).violations.map(
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
      const context = await newContext(browser, { colorScheme, bypassCSP });
      const page = await context.newPage();
      for (const path of ['/', '/posts/welcome/', '/posts/spring-meetup/', '/posts/meetup-recap/']) {
        await page.goto(`${demo.url}${path}`);
        await page.waitForFunction(settled);
        assert.deepEqual(await violations(page), [], `axe on ${path} (${colorScheme})`);
      }
      await context.close();
    });
  }

  /** Light or dark text on the share bar's first button. */
  const textOf = (page) =>
    page.locator('kith-share').evaluate((el) => {
      const [r, g, b] = getComputedStyle(el.shadowRoot.querySelector('button'))
        .color.match(/\d+/g)
        .map(Number);
      return r + g + b > 384 ? 'light text' : 'dark text';
    });

  /** A page of the site's own (`head`, then a share bar), for a reader who prefers `colorScheme`. */
  async function ownPage(colorScheme, head) {
    const context = await newContext(browser, { colorScheme });
    const page = await context.newPage();
    const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Own colours</title>${head}
      <script type="module" src="/embed/kith.js" data-site="demo"></script></head>
      <body><main><h1>Own colours</h1><kith-share networks="x copy"></kith-share></main></body></html>`;
    await page.route(`${demo.url}/own-colours/`, (route) =>
      route.fulfill({ contentType: 'text/html', body }),
    );
    await page.goto(`${demo.url}/own-colours/`);
    await page.waitForFunction(settled);
    return page;
  }

  it('on a page dark by its own colours alone (no color-scheme), the elements are as dark or light as it is', async () => {
    // Many sites' dark mode is a media query, with no color-scheme declared: the elements, which
    // follow the page's color-scheme, would be light there, their dark text on the page's dark.
    // Dark here in oklch() (as Tailwind writes it), light in hex (rgb() once computed).
    const head = `<style>body { color: #222; background: #fff }
      @media (prefers-color-scheme: dark) { body { color: oklch(0.93 0 0); background: #111 } }</style>`;
    for (const [colorScheme, text] of [
      ['dark', 'light text'],
      ['light', 'dark text'],
    ]) {
      const page = await ownPage(colorScheme, head);
      assert.equal(await textOf(page), text, `for a reader who prefers ${colorScheme}`);
      // The reader's setting changes while the page is open (Chromium emulates it; Firefox's
      // BiDi cannot): the page's colours change, and the elements' with them.
      if (!inFirefox) {
        await page.emulateMedia({ colorScheme: colorScheme === 'dark' ? 'light' : 'dark' });
        const other = text === 'light text' ? 'dark text' : 'light text';
        await page.waitForFunction((want) => {
          const button = document.querySelector('kith-share').shadowRoot.querySelector('button');
          const sum = getComputedStyle(button).color.match(/\d+/g).slice(0, 3).map(Number);
          return (sum[0] + sum[1] + sum[2] > 384 ? 'light text' : 'dark text') === want;
        }, other);
      }
      assert.deepEqual(await violations(page), [], `axe for a reader who prefers ${colorScheme}`);
      await page.context().close();
    }
  });

  it('on a page that declares its colour scheme, the elements follow its own switch', async () => {
    // The reader's system prefers dark; the page's switch (a class, as most are) picks light.
    const head = `<style>:root { color-scheme: light dark } :root.light { color-scheme: light }
      body { color: light-dark(#222, #eee); background: light-dark(#fff, #111) }</style>`;
    const page = await ownPage('dark', head);
    assert.equal(await textOf(page), 'light text');
    await page.evaluate(() => document.documentElement.classList.add('light'));
    assert.equal(await textOf(page), 'dark text');
    assert.deepEqual(await violations(page), []);
    await page.context().close();
  });

  it('passes axe with the editor, the Mastodon picker and the calendar links open', async () => {
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
    await page.goto(`${demo.url}/posts/spring-meetup/`);
    await page.waitForFunction(settled);
    const card = page.locator('kith-rsvp');
    await card.getByText('Add to calendar').click();
    await card.getByRole('link', { name: 'Google Calendar' }).waitFor();
    assert.deepEqual(await violations(page), [], 'axe with the calendar links open');
    await context.close();
  });

  it('a reader’s own text spacing (WCAG 1.4.12) reaches every control, and nothing leaves a 320 px screen', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, bypassCSP });
    const page = await context.newPage();
    await page.goto(`${demo.url}/posts/spring-meetup/`);
    await page.waitForFunction(settled);
    // What the W3C's text spacing bookmarklet sets, as a reader's own style sheet would. Built in
    // the CSSOM, which the page's Content-Security-Policy allows (Firefox cannot bypass it).
    await page.evaluate(
      (css) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      },
      `* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
        word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }`,
    );
    const thread = page.locator('kith-thread');
    await thread.getByRole('button', { name: 'Write a comment…' }).click();
    await thread.getByRole('textbox', { name: 'Your comment' }).waitFor();
    await page.locator('kith-rsvp').getByRole('button', { name: 'Going', exact: true }).waitFor();
    // Each control's spacing is the element's (in pixels, as the reader's em makes it there).
    const controls = await page.evaluate(() =>
      ['kith-thread', 'kith-rsvp', 'kith-share', 'kith-comment-count'].flatMap((tag) => {
        const host = document.querySelector(tag);
        const spacing = (el) => `${getComputedStyle(el).letterSpacing} ${getComputedStyle(el).wordSpacing}`;
        return [...host.shadowRoot.querySelectorAll('button, input, textarea')]
          .filter((control) => control.getClientRects().length > 0)
          .map((control) => ({
            control: `${tag} ${control.localName} “${control.textContent.trim() || control.name}”`,
            spacing: spacing(control),
            reader: spacing(host),
          }));
      }),
    );
    assert.ok(controls.length > 10, `only ${controls.length} controls`);
    for (const { control, spacing, reader } of controls) {
      assert.match(reader, /^\d+(\.\d+)?px \d+(\.\d+)?px$/);
      assert.deepEqual({ control, spacing }, { control, spacing: reader });
    }
    // Nothing is cut off or pushed out sideways by the wider text.
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= 320, `the page is ${wide} px wide`);
    await context.close();
  });

  it('in high contrast (forced colours), the chosen sort, an answer, a linked comment and the loading placeholder stay visible', async () => {
    const { comments } = await (
      await fetch(`${demo.url}/v1/sites/demo/threads/${encodeURIComponent('/posts/meetup-recap')}`)
    ).json();
    const context = await newContext(browser, { forcedColors: 'active', bypassCSP });
    const page = await context.newPage();
    await page.goto(`${demo.url}/posts/meetup-recap/#kith-comment-${comments[0].id}`);
    await page.waitForFunction(settled);
    // The colours that mark them are replaced by the reader's: only the border's width remains.
    const border = (locator) => locator.evaluate((el) => getComputedStyle(el).borderTopWidth);
    const thread = page.locator('kith-thread');
    const newest = thread.getByRole('button', { name: 'Newest' });
    assert.equal(await newest.getAttribute('aria-pressed'), 'true');
    assert.notEqual(await border(newest), await border(thread.getByRole('button', { name: 'Oldest' })));
    const linked = thread.locator(`#kith-comment-${comments[0].id}`);
    await page.waitForFunction(
      (id) => document.querySelector('kith-thread').shadowRoot.activeElement?.id === `kith-comment-${id}`,
      comments[0].id,
    );
    assert.notEqual(await border(linked), '0px');

    // The loading placeholder is drawn by backgrounds, which high contrast removes: outlined instead.
    let release;
    const held = new Promise((resolve) => {
      release = resolve;
    });
    await page.route(/\/v1\/sites\/demo\/threads\//, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${demo.url}/posts/welcome/`);
    const bone = thread.locator('[part="skeleton"] span').first();
    await bone.waitFor();
    assert.notEqual(await border(bone), '0px');
    release();
    await page.waitForFunction(settled);

    await page.goto(`${demo.url}/posts/spring-meetup/`);
    const card = page.locator('kith-rsvp');
    await card.getByRole('button', { name: 'Maybe', exact: true }).click();
    await card.getByLabel('Your name').fill('Ada');
    await card.getByLabel('Your name').press('Enter');
    const maybe = card.getByRole('button', { name: 'Maybe', exact: true });
    await page.waitForFunction(() =>
      document.querySelector('kith-rsvp').shadowRoot.querySelector('[aria-pressed="true"]'),
    );
    assert.equal(await maybe.getAttribute('aria-pressed'), 'true');
    assert.notEqual(
      await border(maybe),
      await border(card.getByRole('button', { name: 'Going', exact: true })),
    );
    await context.close();
  });
});
