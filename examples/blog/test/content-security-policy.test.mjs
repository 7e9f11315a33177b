// The demo sends a strict Content-Security-Policy with Trusted Types enforced (members.mjs). Every
// element must work under it, and not one violation may be reported: a site that collects CSP
// reports would otherwise get one for each page view.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closeDemo, openDemo, settled } from './browser.mjs';

/** A page that records every CSP violation and page error. */
async function watchedPage(browser, { withoutSanitizerApi = false } = {}) {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  await context.addInitScript((withoutSanitizer) => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.cspViolations.push(`${e.effectiveDirective}: ${e.sample || e.blockedURI}`),
    );
    // Browsers without the HTML Sanitizer API sanitize with DOMPurify, through its own policy.
    if (withoutSanitizer) delete Element.prototype.setHTML;
  }, withoutSanitizerApi);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const violations = () => page.evaluate(() => window.cspViolations);
  return { context, page, errors, violations };
}

describe('demo blog: a strict Content-Security-Policy with Trusted Types', () => {
  let demo;
  let browser;
  before(async () => ({ demo, browser } = await openDemo()));
  after(() => closeDemo({ demo, browser }));

  it('the pages are sent with it', async () => {
    const policy = (await fetch(`${demo.url}/posts/welcome/`)).headers.get('content-security-policy');
    assert.match(policy, /default-src 'self'/);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval/);
    assert.match(policy, /require-trusted-types-for 'script'/);
  });

  it('reading: comments, avatars in their colours, brand-coloured share buttons, no violation', async () => {
    const { context, page, errors, violations } = await watchedPage(browser);
    await page.goto(`${demo.url}/posts/meetup-recap/`);
    await page.waitForFunction(settled);
    const thread = page.locator('kith-thread');
    await thread.locator('[part~="body"] p', { hasText: 'Slides from my talk' }).waitFor();
    // Set through the CSSOM: a style attribute would be refused, and the colour lost.
    const hue = await thread
      .locator('[part="avatar"]')
      .first()
      .evaluate((el) => el.style.getPropertyValue('--_hue'));
    assert.match(hue, /^\d+$/);
    const brand = await page
      .locator('kith-share [part~="button-reddit"]')
      .evaluate((el) => el.style.getPropertyValue('--_brand'));
    assert.match(brand, /^#/);
    assert.deepEqual(await violations(), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('without the HTML Sanitizer API, DOMPurify puts comments in through its policy', async () => {
    const { context, page, errors, violations } = await watchedPage(browser, { withoutSanitizerApi: true });
    await page.goto(`${demo.url}/posts/meetup-recap/`);
    await page.waitForFunction(settled);
    await page.locator('kith-thread [part~="body"] p', { hasText: 'Slides from my talk' }).waitFor();
    assert.deepEqual(await violations(), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('writing, answering, sharing and adding to a calendar: no violation', async () => {
    const { context, page, errors, violations } = await watchedPage(browser);
    await page.goto(`${demo.url}/posts/spring-meetup/`);
    await page.waitForFunction(settled);

    // The event card: its schema.org data goes in through the `kith` policy.
    const card = page.locator('kith-rsvp');
    await card.getByRole('heading', { name: 'Spring meetup' }).waitFor();
    await page.waitForFunction(() =>
      document.querySelector('kith-rsvp script[type="application/ld+json"]')?.textContent.includes('Event'),
    );
    await card.getByRole('button', { name: 'Going', exact: true }).click();
    await card.getByLabel('Your name').fill('Noor');
    await card.getByLabel('Your name').press('Enter');
    await card.getByText('You’re going.', { exact: true }).first().waitFor();
    await card.getByText('Add to calendar').click();
    await card.getByRole('link', { name: 'Google Calendar' }).waitFor();
    await card.getByRole('button', { name: /See everyone going/ }).click();
    await card.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');

    // The share bar: the Mastodon picker, and copying the link.
    const share = page.locator('kith-share');
    await share.getByRole('link', { name: /Share on Mastodon/ }).click();
    await share.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    await share.getByRole('button', { name: 'Copy link' }).click();
    await share.locator('[role="status"]', { hasText: 'Link copied' }).waitFor();

    // The thread: a comment posted (the reader is signed in by their answer), with its proof of work.
    const thread = page.locator('kith-thread');
    await thread.getByRole('button', { name: 'Write a comment…' }).click();
    const text = thread.getByRole('textbox', { name: 'Your comment' });
    await text.fill('Under a strict **policy**');
    await text.press('Control+Enter');
    await thread.locator('[part~="body"] strong', { hasText: 'policy' }).waitFor();

    assert.deepEqual(await violations(), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
