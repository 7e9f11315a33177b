/**
 * The thread key for a page: its canonical URL's path, normalised so that the variants a site
 * serves for one page (`/post`, `/post/`, `/post/index.html`, `/post?utm=...`, `/post#c1`, percent
 * encodings) share one thread. Hosts are left out on purpose: a site moving domains keeps its
 * threads. Shared by clients and servers so both agree.
 */
export function normalizeThreadKey(urlOrPath: string): string {
  let path: string;
  try {
    path = new URL(urlOrPath, 'http://x.invalid').pathname;
  } catch {
    path = urlOrPath;
  }
  try {
    path = decodeURI(path);
  } catch {
    // Leave malformed escapes as they are rather than failing.
  }
  path = path.replace(/\/{2,}/g, '/').replace(/\/index\.html?$/i, '/');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  return path || '/';
}
