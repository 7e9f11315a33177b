import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closeDemo, openDemo } from './browser.mjs';

// Locators pierce shadow roots: the card's own accessible names are what a reader uses.
const card = (page) => page.locator('kith-rsvp');

async function openMeetup(context, url) {
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${url}/posts/spring-meetup/`);
  await card(page).getByRole('heading', { name: 'Spring meetup' }).waitFor();
  return { page, errors, requests };
}

describe('demo blog: the spring meetup’s event card', () => {
  let demo;
  let browser;
  before(async () => ({ demo, browser } = await openDemo()));
  after(() => closeDemo({ demo, browser }));

  it('a reader answers by keyboard alone, under one identity with the comments; others see it live', async () => {
    const reader = await browser.newContext();
    const other = await browser.newContext();
    const { page, errors, requests } = await openMeetup(reader, demo.url);
    const { page: watching } = await openMeetup(other, demo.url);
    const capacity = async (p) => (await card(p).locator('[part="capacity"]').textContent()).trim();
    assert.match(await capacity(page), /^3 going · 1 maybe · 37 spots left$/);
    assert.match(
      await card(page).locator('[part="details"]').textContent(),
      /Library hall, 1 Commons Square/,
    );

    // The reader's window has the keyboard (Firefox gives keys to the window in front).
    await page.bringToFront();
    await card(page).getByRole('button', { name: 'Going', exact: true }).focus();
    await page.keyboard.press('Enter');
    const name = card(page).getByLabel('Your name');
    await name.waitFor();
    assert.equal(
      await name.evaluate((el) => el === el.getRootNode().activeElement),
      true,
      'focus on the name',
    );
    await page.keyboard.type('Zoë');
    await page.keyboard.press('Enter');
    await card(page).getByText('You’re going.', { exact: true }).first().waitFor();
    assert.equal(await card(page).locator('[role="status"]').textContent(), 'You’re going.');
    await watching.waitForFunction(
      () => document.querySelector('kith-rsvp').event?.rsvp.going === 4,
      undefined,
      { timeout: 5000 },
    );
    assert.match(await capacity(watching), /^4 going · 1 maybe · 36 spots left$/);

    // The same identity comments: the thread knows the reader at once, and its editor asks no name.
    const thread = page.locator('kith-thread');
    await thread.getByText('Commenting as Zoë').waitFor();
    await thread.getByRole('button', { name: 'Write a comment…' }).click();
    await thread.getByRole('textbox', { name: 'Your comment' }).waitFor();
    assert.equal(await thread.getByLabel('Your name').count(), 0);

    // A reload keeps both: the card's answer, and the thread says who comments.
    await page.reload();
    await card(page).getByText('You’re going.', { exact: true }).first().waitFor();
    assert.equal(
      await card(page).getByRole('button', { name: 'Going', exact: true }).getAttribute('aria-pressed'),
      'true',
    );
    await thread.getByText('Commenting as Zoë').waitFor();

    assert.deepEqual(errors, []);
    assert.deepEqual(
      requests.filter((url) => !url.startsWith(demo.url) && !url.startsWith('data:')),
      [],
      'no request leaves the site',
    );
    await reader.close();
    await other.close();
  });

  it('adds the event to a calendar: links for the big four, and an ICS file from the site’s server', async () => {
    const context = await browser.newContext();
    const { page } = await openMeetup(context, demo.url);
    await card(page).getByText('Add to calendar').click();
    const google = await card(page).getByRole('link', { name: 'Google Calendar' }).getAttribute('href');
    const link = new URL(google);
    assert.equal(link.origin + link.pathname, 'https://calendar.google.com/calendar/render');
    assert.equal(link.searchParams.get('text'), 'Spring meetup');
    assert.equal(link.searchParams.get('ctz'), 'Europe/Berlin');
    const file = card(page).getByRole('link', { name: /\.ics/ });
    const response = await fetch(await file.getAttribute('href'));
    assert.match(response.headers.get('content-type'), /^text\/calendar/);
    const ics = await response.text();
    assert.match(ics, /\r\nSUMMARY:Spring meetup\r\n/);
    assert.match(ics, /\r\nUID:[\w-]+@kith\r\n/);
    assert.match(ics, /\r\nLOCATION:Library hall\\, 1 Commons Square\\, Berlin\r\n/);
    // Search engines find the event: schema.org data in the page.
    const ld = JSON.parse(await page.locator('kith-rsvp > script[type="application/ld+json"]').textContent());
    assert.equal(ld['@type'], 'Event');
    assert.equal(ld.location.name, 'Library hall');
    await context.close();
  });

  it('without the calendars’ code, the ICS file is still offered, and opening again brings the links', async () => {
    const context = await browser.newContext();
    const { page, errors } = await openMeetup(context, demo.url);
    let offline = true;
    await page.route('**/chunks/calendar-*.js*', (route) => (offline ? route.abort() : route.continue()));
    const toggle = card(page).getByText('Add to calendar');
    await toggle.click();
    await card(page).getByRole('link', { name: /\.ics/ }).waitFor();
    await page.waitForTimeout(200);
    assert.equal(await card(page).getByRole('link', { name: 'Google Calendar' }).count(), 0);
    assert.deepEqual(errors, [], 'nothing left unhandled');
    offline = false;
    await toggle.click(); // closes
    await toggle.click(); // opens, and tries again
    await card(page).getByRole('link', { name: 'Google Calendar' }).waitFor();
    await context.close();
  });
});
