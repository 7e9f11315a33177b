import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closeDemo, newContext, openDemo } from './browser.mjs';

describe('demo blog: share buttons', () => {
  let demo;
  let browser;
  before(async () => ({ demo, browser } = await openDemo()));
  after(() => closeDemo({ demo, browser }));

  async function openPost(context) {
    const page = await context.newPage();
    const requests = [];
    const problems = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${demo.url}/posts/meetup-recap/`);
    await page.waitForFunction(() => {
      const share = document.querySelector('kith-share');
      return (
        share?.targets &&
        share.shadowRoot?.querySelectorAll('[part~="button"]').length === share.targets.length
      );
    });
    return { page, requests, problems };
  }

  const shares = async () =>
    (
      await (
        await fetch(`${demo.url}/v1/sites/demo/threads/${encodeURIComponent('/posts/meetup-recap')}/shares`)
      ).json()
    ).counts;

  it('loads without a single request leaving the site', async () => {
    const context = await browser.newContext();
    const { page, requests, problems } = await openPost(context);
    await page.waitForTimeout(300);
    assert.deepEqual(problems, []);
    const foreign = requests.filter((url) => !url.startsWith(demo.url) && !url.startsWith('data:'));
    assert.deepEqual(foreign, []);
    await context.close();
  });

  it('opens a network in a new tab on click, and counts it on the site’s own server', async () => {
    const context = await browser.newContext();
    // The machine has no internet: answer the network's page ourselves.
    await context.route('https://www.reddit.com/**', (route) => route.fulfill({ body: 'reddit' }));
    const { page } = await openPost(context);
    const [popup] = await Promise.all([
      context.waitForEvent('page'),
      page.locator('kith-share').locator('a.reddit').click(),
    ]);
    await popup.waitForLoadState();
    const opened = new URL(popup.url());
    assert.equal(opened.origin + opened.pathname, 'https://www.reddit.com/submit');
    assert.equal(opened.searchParams.get('url'), `${demo.url}/posts/meetup-recap/`);
    for (let i = 0; i < 50 && !(await shares()).reddit; i++) await page.waitForTimeout(100);
    assert.equal((await shares()).reddit, 1);
    await context.close();
  });

  it('shares to the reader’s Mastodon server with the keyboard alone', async () => {
    const context = await browser.newContext();
    await context.route('https://fosstodon.org/**', (route) => route.fulfill({ body: 'mastodon' }));
    const { page } = await openPost(context);
    const share = page.locator('kith-share');
    await share.locator('a.mastodon').focus();
    await page.keyboard.press('Enter');
    const field = share.locator('[role="dialog"] input');
    await field.waitFor();
    assert.equal(await field.evaluate((el) => el.getRootNode().activeElement === el), true);
    await page.keyboard.type('fosstodon.org');
    const [popup] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('Enter')]);
    await popup.waitForLoadState();
    assert.match(popup.url(), /^https:\/\/fosstodon\.org\/share\?text=/);
    assert.equal(await share.locator('[role="dialog"]').count(), 0);
    assert.equal(
      await share.locator('a.mastodon').evaluate((el) => el.getRootNode().activeElement === el),
      true,
    );
    await context.close();
  });

  it('without the Mastodon picker’s code, the Mastodon button goes to the share page as a link would', async () => {
    const context = await browser.newContext();
    await context.route('https://share.joinmastodon.org/**', (route) => route.fulfill({ body: 'hub' }));
    const { page } = await openPost(context);
    await page.route('**/chunks/mastodon-picker-*.js*', (route) => route.abort());
    const [popup] = await Promise.all([
      context.waitForEvent('page'),
      page.locator('kith-share').locator('a.mastodon').click(),
    ]);
    await popup.waitForLoadState();
    assert.match(popup.url(), /^https:\/\/share\.joinmastodon\.org\/\?text=/);
    assert.equal(await page.locator('kith-share').locator('[role="dialog"]').count(), 0);
    await context.close();
  });

  it('where anchor positioning is missing and floating-ui cannot load, the Mastodon picker still opens', async () => {
    const context = await browser.newContext();
    await context.addInitScript(() => {
      const supports = CSS.supports;
      CSS.supports = (...args) => !String(args[0]).startsWith('anchor') && Reflect.apply(supports, CSS, args);
    });
    const { page, problems } = await openPost(context);
    const tabs = [];
    context.on('page', (tab) => tabs.push(tab.url()));
    await page.route('**/chunks/floating-ui.dom-*.js*', (route) => route.abort('internetdisconnected'));
    const share = page.locator('kith-share');
    await share.locator('a.mastodon').click();
    const field = share.locator('[role="dialog"] input');
    await field.waitFor();
    assert.equal(await field.evaluate((el) => el.getRootNode().activeElement === el), true);
    await page.waitForTimeout(300);
    assert.deepEqual(tabs, [], 'a tab opened as if the picker had failed');
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('without the menu’s code, a menu bar shows its buttons as icons, each named', async () => {
    const context = await browser.newContext();
    const { page, problems } = await openPost(context);
    await page.route('**/chunks/menu-*.js*', (route) => route.abort('internetdisconnected'));
    await page.evaluate(() => {
      document.querySelector('kith-share').layout = 'menu';
    });
    await page.locator('kith-share[layout="icons"]').waitFor();
    const names = await page.evaluate(() => {
      const share = document.querySelector('kith-share');
      return [...share.shadowRoot.querySelectorAll('[part~="button"]')].map((b) =>
        b.getAttribute('aria-label'),
      );
    });
    assert.equal(
      names.length,
      await page.evaluate(() => document.querySelector('kith-share').targets.length),
    );
    assert.ok(names.includes('Share on Reddit (opens in a new tab)'), names.join('; '));
    assert.ok(names.every(Boolean));
    // Setting the menu again, with its code back, tries again.
    await page.unroute('**/chunks/menu-*.js*');
    await page.evaluate(() => {
      document.querySelector('kith-share').layout = 'menu';
    });
    await page.locator('kith-share').locator('[part~="button-menu"]').waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('without the counts’ code, shows no counts and still shares', async () => {
    const context = await browser.newContext();
    await context.route('https://www.reddit.com/**', (route) => route.fulfill({ body: 'reddit' }));
    const { page, problems } = await openPost(context);
    await page.route('**/chunks/counts-*.js*', (route) => route.abort('internetdisconnected'));
    await page.evaluate(() => {
      document.querySelector('kith-share').counts = true;
    });
    const [popup] = await Promise.all([
      context.waitForEvent('page'),
      page.locator('kith-share').locator('a.reddit').click(),
    ]);
    await popup.waitForLoadState();
    assert.match(popup.url(), /^https:\/\/www\.reddit\.com\/submit\?/);
    await page.waitForTimeout(300);
    assert.equal(await page.locator('kith-share').locator('[part="count"]').count(), 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('copies the link and says so', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const { page } = await openPost(context);
    await page.locator('kith-share').locator('[part~="button-copy"]').click();
    await page.locator('kith-share').locator('[role="status"]', { hasText: 'Link copied' }).waitFor();
    assert.equal(
      await page.evaluate(() => navigator.clipboard.readText()),
      `${demo.url}/posts/meetup-recap/`,
    );
    await context.close();
  });

  it('has plain links before the element is defined and without JavaScript; the element shows the same links', async () => {
    const post = `${demo.url}/posts/spring-meetup/`;
    const plain = await newContext(browser, { javaScriptEnabled: false });
    const before = await plain.newPage();
    await before.goto(post);
    const fallback = before.locator('kith-share > a');
    const hrefs = await fallback.evaluateAll((links) => links.map((a) => a.href));
    assert.equal(hrefs.length, 6);
    for (const link of await fallback.all()) assert.ok(await link.isVisible());
    await plain.close();

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(post);
    await page.waitForFunction(() => {
      const share = document.querySelector('kith-share');
      return (
        share?.targets &&
        share.shadowRoot?.querySelectorAll('[part~="button"]').length === share.targets.length
      );
    });
    // The element's own buttons take their place, linking where the plain links did.
    assert.equal(await page.locator('kith-share > a').first().isVisible(), false);
    const shown = await page.evaluate(() =>
      [...document.querySelector('kith-share').shadowRoot.querySelectorAll('a[part~="button"]')].map(
        (a) => a.href,
      ),
    );
    for (const href of hrefs) assert.ok(shown.includes(href), `the element has no button for ${href}`);
    await context.close();
  });

  it('keeps the plain links until its buttons are ready, then shows them all at once', async () => {
    const post = `${demo.url}/posts/spring-meetup/`;
    const context = await browser.newContext();
    const page = await context.newPage();
    // The Reddit button's module arrives late: until it does, the reader keeps the plain links.
    let release;
    const late = new Promise((resolve) => {
      release = resolve;
    });
    let asked;
    const requested = new Promise((resolve) => {
      asked = resolve;
    });
    await page.route(/\/chunks\/reddit-[^/]+\.js$/, async (route) => {
      asked();
      await late;
      await route.continue();
    });
    // Every partial bar the element draws, recorded as it happens.
    await page.addInitScript(() => {
      window.barSizes = [];
      customElements.whenDefined('kith-share').then(() => {
        const share = document.querySelector('kith-share');
        const record = () => {
          const shown = share.shadowRoot?.querySelectorAll('[part~="button"]').length ?? 0;
          if (window.barSizes.at(-1) !== shown) window.barSizes.push(shown);
        };
        new MutationObserver(record).observe(share.shadowRoot ?? share, { childList: true, subtree: true });
      });
    });
    // Not until `load`: Firefox holds the load event for a module being fetched.
    await page.goto(post, { waitUntil: 'domcontentloaded' });
    await requested;
    await page.waitForFunction(() => customElements.get('kith-share'));
    await page.waitForTimeout(300);
    assert.equal(
      await page.locator('kith-share > a').first().isVisible(),
      true,
      'the plain links are hidden',
    );
    assert.equal(
      await page.evaluate(
        () => document.querySelector('kith-share').shadowRoot.querySelectorAll('[part~="button"]').length,
      ),
      0,
    );
    release();
    await page.waitForFunction(() => {
      const share = document.querySelector('kith-share');
      return share.shadowRoot.querySelectorAll('[part~="button"]').length === share.targets.length;
    });
    assert.equal(await page.locator('kith-share > a').first().isVisible(), false);
    const targets = await page.evaluate(() => document.querySelector('kith-share').targets.length);
    assert.deepEqual(
      await page.evaluate(() => window.barSizes.filter(Boolean)),
      [targets],
      'the bar was drawn piece by piece',
    );
    await context.close();
  });

  it('draws icons in the reader’s colours in high contrast mode', async () => {
    const context = await newContext(browser, { forcedColors: 'active' });
    const { page } = await openPost(context);
    const icons = await page.evaluate(() =>
      [...document.querySelector('kith-share').shadowRoot.querySelectorAll('[part~="button"]')].map(
        (button) => [
          getComputedStyle(button.querySelector('[part="icon"]')).stroke,
          getComputedStyle(button).color,
        ],
      ),
    );
    assert.ok(icons.length > 3);
    for (const [stroke, color] of icons) assert.equal(stroke, color);
    await context.close();
  });

  it('keeps the plain links when the buttons cannot load (offline)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.route(
      /\/chunks\/(x|reddit|linkedin|mastodon|bluesky|email|copy|copied|copy-link|native)-[^/]+\.js(\?\d+)?$/,
      (route) => route.abort('internetdisconnected'),
    );
    await page.goto(`${demo.url}/posts/spring-meetup/`);
    await page.waitForFunction(() => customElements.get('kith-share'));
    await page.waitForTimeout(500);
    assert.deepEqual(problems, []);
    const links = page.locator('kith-share > a');
    assert.equal(await links.count(), 6);
    for (const link of await links.all()) assert.ok(await link.isVisible());
    await context.close();
  });
});
