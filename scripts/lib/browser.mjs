// The browser an end-to-end test drives: Chromium, or Firefox with KITH_BROWSER=firefox. Both are
// the machine's own (never a downloaded build), driven through playwright-core.
import { launchChromium } from './chromium.mjs';

/** Whether the tests drive Firefox (KITH_BROWSER=firefox) rather than Chromium. */
export const inFirefox = process.env.KITH_BROWSER === 'firefox';

/** Debian's Firefox ESR over WebDriver BiDi, through the shim in firefox-esr.mjs. */
async function launchFirefox(firefoxUserPrefs) {
  const playwright = await import('playwright-core');
  return playwright.firefox.launch({
    channel: 'moz-firefox',
    executablePath: new URL('./firefox-esr.mjs', import.meta.url).pathname,
    firefoxUserPrefs,
  });
}

/** Chromium, or Firefox where KITH_BROWSER says so. */
export function launchBrowser() {
  return inFirefox ? launchFirefox() : launchChromium();
}

/**
 * A new context of `browser` whose pages match `colorScheme` and `forcedColors` and run scripts or
 * not (`javaScriptEnabled`) as given. Chromium emulates these per context. Firefox ESR's BiDi
 * cannot yet, so there they are preferences of a browser of the context's own, closed with it.
 */
export async function newContext(browser, { colorScheme, forcedColors, javaScriptEnabled, ...options }) {
  if (!inFirefox) return browser.newContext({ colorScheme, forcedColors, javaScriptEnabled, ...options });
  const own = await launchFirefox({
    ...(colorScheme && {
      'layout.css.prefers-color-scheme.content-override': colorScheme === 'dark' ? 0 : 1,
    }),
    ...(forcedColors === 'active' && { 'browser.display.document_color_use': 2 }),
    ...(javaScriptEnabled === false && { 'javascript.enabled': false }),
  });
  const context = await own.newContext(options);
  context.on('close', () => own.close());
  return context;
}
