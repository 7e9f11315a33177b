import { normalizeThreadKey } from '@kith/protocol/thread-key';

/**
 * The thread key of a page: the path of `href` when given, else of the page's canonical URL, else
 * of its address. Every element that names a thread (comments, counts, share counts) agrees.
 */
export function pageThreadKey(href?: string | null): string {
  const url = href ?? document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? location.href;
  return normalizeThreadKey(new URL(url, document.baseURI).href);
}
