// The machine's Chromium, or its Firefox with KITH_BROWSER=firefox (scripts/lib/browser.mjs).
import { launchBrowser } from '../../../scripts/lib/browser.mjs';
import { startDemo } from './demo.mjs';

export { inFirefox, newContext } from '../../../scripts/lib/browser.mjs';

export function launch() {
  return launchBrowser();
}

/** The real demo (fresh data, free port) and a browser, for a test file's `before`. */
export async function openDemo() {
  return { demo: await startDemo(), browser: await launch() };
}

/** Stops what `openDemo` started, for `after`. */
export async function closeDemo({ demo, browser }) {
  await browser?.close();
  await demo?.stop();
}

/**
 * Every Kith element on the page has drawn its data (counts, comments, share buttons), for
 * `page.waitForFunction`.
 */
export const settled = () =>
  [...document.querySelectorAll('kith-comment-count')].every((el) => el.count !== undefined) &&
  [...document.querySelectorAll('kith-thread')].every((el) => el.store?.$state.get().status === 'ready') &&
  [...document.querySelectorAll('kith-share')].every(
    (el) => el.targets && el.shadowRoot?.querySelectorAll('[part~="button"]').length === el.targets.length,
  );
