import { normalizeThreadKey } from '@kith/protocol/thread-key';
import { webAddress } from './kith-element.js';

/**
 * The thread key of a page: the path of `href` when given, else of the page's canonical URL, else
 * of its address. Every element that names a thread (comments, counts, share counts) agrees.
 */
export function pageThreadKey(href?: string | null): string {
  const canonical = () => document.querySelector('link[rel=canonical]')?.getAttribute('href');
  return normalizeThreadKey(webAddress(href) ?? webAddress(canonical()) ?? location.href);
}
