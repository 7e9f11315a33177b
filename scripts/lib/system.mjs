// Finds (and on a fresh Debian machine, as root, installs) what the test command needs from the system.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { postgresBinDir } from './postgres.mjs';
import { miniBrowserPath } from './webkit.mjs';

const isRoot = process.getuid?.() === 0;
const hasApt = existsSync('/usr/bin/apt-get');

export function chromiumPath() {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  return candidates.find((p) => p && existsSync(p));
}

/** Firefox for the elements' tests in a second engine: Debian's ESR (or FIREFOX_PATH). */
export function firefoxPath() {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  return candidates.find((p) => p && existsSync(p));
}

const onPath = (command) =>
  (process.env.PATH ?? '').split(':').some((dir) => existsSync(`${dir}/${command}`));

/** WebKit for the elements' tests: WebKitGTK's MiniBrowser, its WebDriver, and a virtual display. */
export function webkitPath() {
  return onPath('WebKitWebDriver') && onPath('Xvfb') ? miniBrowserPath() : undefined;
}

/**
 * Returns { chromium, firefox, webkit, postgres } paths, installing Debian's packages when they are missing and we
 * may (root with apt-get). Whatever stays missing is reported with the command that installs it.
 */
export function ensureSystemDeps(log = console.log) {
  const missing = [];
  if (!chromiumPath()) missing.push('chromium');
  if (!firefoxPath()) missing.push('firefox-esr');
  if (!webkitPath()) missing.push('webkit2gtk-driver', 'xvfb');
  if (!postgresBinDir()) missing.push('postgresql');
  if (missing.length > 0 && isRoot && hasApt && process.env.KITH_NO_APT !== '1') {
    log(`installing ${missing.join(', ')} with apt-get (once per machine)…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
      stdio: 'inherit',
      env,
    });
  }
  const result = {
    chromium: chromiumPath(),
    firefox: firefoxPath(),
    webkit: webkitPath(),
    postgres: postgresBinDir(),
    skipped: [],
  };
  const hint = 'sudo apt-get install -y chromium firefox-esr webkit2gtk-driver xvfb postgresql';
  if (!result.chromium)
    result.skipped.push(`Chromium not found (set CHROMIUM_PATH or run: ${hint}): browser tests skipped`);
  if (!result.firefox)
    result.skipped.push(
      `Firefox not found (set FIREFOX_PATH or run: ${hint}): the elements' Firefox run skipped`,
    );
  if (!result.webkit)
    result.skipped.push(
      `WebKitGTK's WebDriver or Xvfb not found (run: ${hint}): the elements' WebKit run skipped`,
    );
  if (!result.postgres)
    result.skipped.push(`PostgreSQL server not found (run: ${hint}): PostgreSQL runs skipped`);
  return result;
}

export function run(cmd, args, options = {}) {
  return spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
}
