// Debian's Chromium (or CHROMIUM_PATH) through playwright-core: never a downloaded browser.
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumExecutable } from '../../../scripts/lib/chromium.mjs';

export function launch() {
  return chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
}
