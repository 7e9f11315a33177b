// Component tests in a real browser, never a downloaded one: Debian's Chromium (or CHROMIUM_PATH);
// with KITH_BROWSER=firefox, Debian's Firefox ESR (or FIREFOX_PATH); with KITH_BROWSER=webkit,
// Debian's WebKitGTK (scripts/lib/webkit.mjs).
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { playwrightLauncher } from '@web/test-runner-playwright';
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumExecutable } from '../../scripts/lib/chromium.mjs';
import { firefoxPath } from '../../scripts/lib/system.mjs';
import { webkitLauncher } from '../../scripts/lib/webkit.mjs';

const tsconfig = fileURLToPath(new URL('./tsconfig.json', import.meta.url));

const chromium = () =>
  playwrightLauncher({
    product: 'chromium',
    launchOptions: {
      executablePath: chromiumExecutable(),
      // Playwright gives every launch a fresh temporary profile.
      args: ['--headless=new', ...chromiumArgs],
    },
  });

// Playwright drives only its own build of Firefox; Puppeteer drives a stock one over WebDriver
// BiDi (with a fresh temporary profile).
const firefox = () =>
  chromeLauncher({
    puppeteer,
    launchOptions: { browser: 'firefox', executablePath: firefoxPath(), headless: true },
    async createPage({ context }) {
      const page = await context.newPage();
      // Puppeteer sets the viewport's size and its screen orientation together; Firefox ESR 140 has
      // no command for the orientation, and its refusal would fail every test file. The size is set.
      const setViewport = page.setViewport.bind(page);
      page.setViewport = (viewport) =>
        setViewport(viewport).catch((error) => {
          if (!String(error).includes('unknown command emulation.setScreenOrientationOverride')) throw error;
        });
      return page;
    },
  });

export default {
  files: ['src/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development', 'browser'] },
  plugins: [esbuildPlugin({ ts: true, tsconfig, target: 'es2022' })],
  browsers: [{ firefox, webkit: webkitLauncher }[process.env.KITH_BROWSER]?.() ?? chromium()],
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 60000,
  // nanostores reads process.env.NODE_ENV, which the test runner does not replace.
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html lang="en">
      <head><script>window.process = { env: { NODE_ENV: 'development' } };</script>
        <script type="module">
          // Every \`accessible()\` check takes WCAG 2.2's target size (2.5.8) too, which axe leaves off.
          import 'axe-core/axe.min.js';
          window.axe.configure({ rules: [{ id: 'target-size', enabled: true }] });
        </script></head>
      <body><script type="module" src="${testFramework}"></script></body>
    </html>`,
};
