import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closeDemo, openDemo } from './browser.mjs';
import { proofFor } from './demo.mjs';

describe('demo blog: comment counts from the real server', () => {
  let demo;
  let browser;
  before(async () => ({ demo, browser } = await openDemo()));
  after(() => closeDemo({ demo, browser }));

  async function openListing() {
    const page = await browser.newPage();
    const problems = [];
    const requests = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${demo.url}/`);
    return { page, texts: await countTexts(page), problems, requests };
  }

  /** The page's counts as shown, once every one has its number. */
  async function countTexts(page) {
    await page.waitForFunction(() =>
      [...document.querySelectorAll('kith-comment-count')].every((el) => el.count !== undefined),
    );
    return page
      .locator('kith-comment-count')
      .evaluateAll((els) => els.map((el) => el.shadowRoot.textContent.replace(/\s+/g, ' ').trim()));
  }

  it('shows the seeded counts, fetched in one request, from the page’s own origin only', async () => {
    const { page, texts, problems, requests } = await openListing();
    assert.deepEqual(texts, ['No comments', '4 comments', '3 comments']);
    assert.deepEqual(problems, []);
    assert.equal(requests.filter((u) => u.includes('/counts?')).length, 1);
    for (const url of requests)
      assert.ok(url.startsWith(demo.url) || url.startsWith('data:'), `request to ${url}`);
    await page.close();
  });

  it('draws the counts once the network returns, when their code could not be had at first', async () => {
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    let offline = true;
    await page.route('**/chunks/comment-count-*.js*', (route) =>
      offline ? route.abort('internetdisconnected') : route.continue(),
    );
    const failed = page.waitForEvent('console', (m) =>
      m.text().includes('could not load <kith-comment-count>'),
    );
    await page.goto(`${demo.url}/`);
    await failed;
    offline = false;
    await page.context().setOffline(true);
    await page.context().setOffline(false);
    // Nothing was posted yet (the next test posts): the seeded counts, as the first test read them.
    assert.deepEqual(await countTexts(page), ['No comments', '4 comments', '3 comments']);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('counts what was posted since, after a reload', async () => {
    const api = `${demo.url}/v1/sites/demo`;
    const session = await (
      await fetch(`${api}/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"name":"E2E"}',
      })
    ).json();
    const post = await fetch(`${api}/threads/${encodeURIComponent('/posts/spring-meetup')}/comments`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${session.token}`,
        'kith-proof': await proofFor(demo.url),
      },
      body: JSON.stringify({ markdown: 'See you there!' }),
    });
    assert.equal(post.status, 201);
    const { page, texts } = await openListing();
    assert.equal(texts[0], '1 comment');
    await page.close();
  });

  it('on a post page, counts that post’s thread (its canonical path)', async () => {
    const page = await browser.newPage();
    await page.goto(`${demo.url}/posts/welcome/index.html?utm_source=newsletter`);
    await page.waitForFunction(() => document.querySelector('kith-comment-count')?.count !== undefined);
    const text = await page.locator('kith-comment-count').evaluate((el) => el.shadowRoot.textContent.trim());
    assert.equal(text, '3 comments');
    await page.close();
  });
});
