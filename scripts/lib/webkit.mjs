// WebKit for the elements' tests: Debian's WebKitGTK MiniBrowser, driven over classic WebDriver by
// its own WebKitWebDriver, on a virtual display (Xvfb), as no browser is downloaded here.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { freePort } from './postgres.mjs';

/** Debian's MiniBrowser, whatever the machine's architecture. */
export function miniBrowserPath() {
  const lib = '/usr/lib';
  if (!existsSync(lib)) return undefined;
  return readdirSync(lib)
    .map((dir) => `${lib}/${dir}/webkit2gtk-4.1/MiniBrowser`)
    .find((path) => existsSync(path));
}

/** Xvfb on a display it picks itself, resolved with that display (`:N`). */
function startXvfb() {
  return new Promise((resolve, reject) => {
    const xvfb = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    xvfb.on('error', reject);
    xvfb.on('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it had a display`)));
    xvfb.stdout.once('data', (data) =>
      resolve({ display: `:${String(data).trim()}`, stop: () => xvfb.kill() }),
    );
  });
}

/**
 * Starts a virtual display and WebKitWebDriver on a free port; resolves once the driver answers,
 * with its address and a `stop` for both.
 */
export async function startWebKitDriver() {
  const xvfb = await startXvfb();
  const port = await freePort();
  const driver = spawn('WebKitWebDriver', [`--port=${port}`], {
    env: { ...process.env, DISPLAY: xvfb.display },
    stdio: 'ignore',
  });
  // A driver that cannot start shows as the status check below timing out, by name.
  driver.on('error', () => {});
  const stop = () => {
    driver.kill();
    xvfb.stop();
  };
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(`${url}/status`)).ok) return { url, stop };
    } catch (error) {
      if (tries > 100) {
        stop();
        throw new Error(`WebKitWebDriver did not answer on ${url}`, { cause: error });
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * A web-test-runner launcher for that MiniBrowser: one WebDriver session, one test file at a time.
 * (web-test-runner's own WebDriver launcher brings WebdriverIO, whose driver packages download
 * browsers' drivers when installed.)
 */
export function webkitLauncher() {
  let driver;
  let session;
  let active;
  let current;
  /** A WebDriver command: its `value`, or an error with the driver's message. */
  const command = async (method, url, body) => {
    const response = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body && JSON.stringify(body),
    });
    const { value } = await response.json();
    if (!response.ok)
      throw new Error(`WebKitWebDriver ${method} ${url}: ${value?.message ?? response.status}`);
    return value;
  };
  const call = (method, path, body) => command(method, `${session}${path}`, body);
  return {
    name: 'WebKit',
    type: 'webkit-webdriver',
    concurrency: 1,
    async initialize() {
      driver = await startWebKitDriver();
      const { sessionId } = await command('POST', `${driver.url}/session`, {
        capabilities: {
          alwaysMatch: {
            browserName: 'MiniBrowser',
            'webkitgtk:browserOptions': { binary: miniBrowserPath(), args: ['--automation'] },
          },
        },
      });
      session = `${driver.url}/session/${sessionId}`;
    },
    async stop() {
      await call('DELETE', '').catch(() => {});
      driver?.stop();
    },
    async startSession(id, url) {
      active = id;
      current = url;
      await call('POST', '/url', { url });
    },
    isActive: (id) => active === id,
    getBrowserUrl: () => current,
    async stopSession() {
      // An empty page stops whatever the test file left running (timers, streams).
      await call('POST', '/url', { url: 'about:blank' });
      active = undefined;
      return {};
    },
    startDebugSession() {
      throw new Error('No debugging in WebKit here: run the tests in Chromium to debug them.');
    },
  };
}
