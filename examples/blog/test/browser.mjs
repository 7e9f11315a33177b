// Debian's Chromium (or CHROMIUM_PATH) through playwright-core: never a downloaded browser.
import { launchChromium } from '../../../scripts/lib/chromium.mjs';
import { startDemo } from './demo.mjs';

export function launch() {
  return launchChromium();
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
