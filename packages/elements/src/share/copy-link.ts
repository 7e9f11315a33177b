// The copy button's module: its icons, and what it does on click.
import type { ShareData } from '@kith/core/share/util';

export { icon as copied } from './networks/copied.js';
export { color, icon } from './networks/copy.js';
export { copyLink as act };

/**
 * Copies the shared URL to the clipboard: the Clipboard API where the page may use it, else a
 * selected field in `root` and `execCommand('copy')` (older browsers, insecure origins, a denied
 * permission). True when it was copied.
 */
export async function copyLink({ url }: ShareData, root: ShadowRoot): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(url);
      return true;
    }
  } catch {
    // Denied or unavailable: fall back below.
  }
  const field = document.createElement('textarea');
  field.value = url;
  field.setAttribute('readonly', '');
  field.style.cssText = 'position:fixed;top:0;left:0;opacity:0;pointer-events:none';
  root.append(field);
  field.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  field.remove();
  return ok;
}
