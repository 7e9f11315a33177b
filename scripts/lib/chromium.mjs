// How every browser test here starts Chromium: Debian's (or CHROMIUM_PATH), never a downloaded one,
// with the flags that work as root on a machine with no network.
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const chromiumExecutable = () => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** That Chromium, launched headless through playwright-core. */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
}
