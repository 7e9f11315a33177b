import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closeDemo, openDemo } from './browser.mjs';

const thread = (page) => page.locator('kith-thread');

describe('demo blog: members signed in to the blog comment as themselves (single sign-on)', () => {
  let demo;
  let browser;
  before(async () => ({ demo, browser } = await openDemo()));
  after(() => closeDemo({ demo, browser }));

  it('a member signs in on the blog, comments under that name on every page, and signs out with the blog', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const exchanges = [];
    const foreign = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/sessions/sso')) exchanges.push(r.url());
      if (!r.url().startsWith(demo.url)) foreign.push(r.url());
    });
    await page.goto(`${demo.url}/posts/welcome/`);
    await thread(page).locator('[part="list"]').waitFor({ state: 'attached' });
    await page.getByLabel('Member name').fill('Mia <Member>');
    await page.getByRole('button', { name: 'Sign in to the blog' }).click();
    await page.getByText('Signed in to the blog as Mia <Member>').waitFor();
    await thread(page).getByText('Commenting as Mia <Member>').waitFor();
    assert.equal(await thread(page).getByRole('button', { name: 'Sign out' }).count(), 0);

    await thread(page).getByRole('button', { name: 'Write a comment…' }).click();
    const editor = thread(page).locator('[part="editor"]').first();
    assert.equal(await editor.getByLabel('Your name').count(), 0, 'no guest name asked');
    await editor.getByRole('textbox', { name: 'Your comment' }).fill('Posted as a member of the blog');
    await editor.getByRole('textbox', { name: 'Your comment' }).press('Control+Enter');
    await thread(page).locator('article', { hasText: 'Posted as a member of the blog' }).waitFor();
    const stored = await fetch(`${demo.url}/v1/sites/demo/threads/${encodeURIComponent('/posts/welcome')}`);
    const mine = (await stored.json()).comments.find((c) => c.markdown === 'Posted as a member of the blog');
    assert.deepEqual([mine.author.kind, mine.author.name], ['sso', 'Mia <Member>']);

    // Another page: a fresh token for the same member, no second sign-in.
    await page.goto(`${demo.url}/posts/meetup-recap/`);
    await thread(page).getByText('Commenting as Mia <Member>').waitFor();
    assert.equal(exchanges.length, 1, 'signed in to the comments once');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in to the blog' }).waitFor();
    await thread(page).locator('[part="list"]').waitFor({ state: 'attached' });
    await page.waitForFunction(
      () => !localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith('kith:session:')) ?? ''),
    );
    assert.equal(await thread(page).getByText('Commenting as').count(), 0, 'signed out with the blog');
    assert.deepEqual(foreign, [], 'nothing left the site');
    await context.close();
  });

  it('a member whose sign-in could not reach the server is signed in when it can', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    // The server cannot be reached for the first exchange and its quick retries (three attempts);
    // later ones go through.
    let tries = 0;
    await page.route(/\/sessions\/sso$/, (route) =>
      ++tries > 3 ? route.continue() : route.abort('connectionreset'),
    );
    await page.goto(`${demo.url}/posts/welcome/`);
    await thread(page).locator('[part="list"]').waitFor({ state: 'attached' });
    await page.getByLabel('Member name').fill('Ola Offline');
    await page.getByRole('button', { name: 'Sign in to the blog' }).click();
    await page.getByText('Signed in to the blog as Ola Offline').waitFor();
    await thread(page).getByText('Commenting as Ola Offline').waitFor({ timeout: 10_000 });
    assert.equal(tries, 4, 'three attempts dropped, then one that went through');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
