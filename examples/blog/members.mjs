// The blog's own sign-in, as a site that has members would have one (for the demo a name is
// enough), and single sign-on into Kith: every page the blog serves carries, on its script tag,
// a token the blog signs for the member who is signed in, so they comment and answer events as
// that member, with no second sign-in. Pages for nobody carry an empty token.
import { readFile } from 'node:fs/promises';
import { join, normalize } from 'node:path';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { SignJWT } from 'jose';

const cookie = 'blog_member';

/**
 * A strict policy, as a careful site would send: Kith's elements need no inline script or style,
 * and with Trusted Types enforced, only the policies named here (docs/site-owner.md). The
 * end-to-end tests run every page under it.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html kith dompurify',
].join('; ');
const escapeHtml = (text) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  );
// The member's id on the blog, from their name: the same name is the same member.
const memberId = (name) => `member-${Buffer.from(name.toLowerCase()).toString('base64url')}`;

/** A sign-in token for Kith: HS256 with the site's SSO secret, good for ten minutes. */
function signFor(name, secret, site) {
  return new SignJWT({ name, aud: site })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(memberId(name))
    .setIssuedAt()
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(secret));
}

function memberBar(name) {
  return name
    ? `<form class="member" method="post" action="/member/sign-out">
        Signed in to the blog as <strong>${escapeHtml(name)}</strong>
        <button type="submit">Sign out</button>
      </form>`
    : `<form class="member" method="post" action="/member">
        <label>Member name <input name="name" required maxlength="64" autocomplete="nickname" /></label>
        <button type="submit">Sign in to the blog</button>
      </form>`;
}

/** Back to the page the form was on (its path only: never another site). */
function back(c) {
  try {
    return new URL(c.req.header('referer') ?? '/').pathname;
  } catch {
    return '/';
  }
}

/**
 * Adds the blog's sign-in to `app`, and serves its HTML pages from `publicDir` with the member's
 * sign-in token on the script tag. `sso()` gives the site's current SSO secret.
 */
export function addMembers(app, { publicDir, site, sso }) {
  app.post('/member', async (c) => {
    const form = await c.req.parseBody();
    const name = String(form.name ?? '').trim();
    if (!name || name.length > 64) return c.text('Give a name of 1 to 64 characters.', 400);
    setCookie(c, cookie, name, { httpOnly: true, sameSite: 'Lax', path: '/' });
    return c.redirect(back(c), 303);
  });
  app.post('/member/sign-out', (c) => {
    deleteCookie(c, cookie, { path: '/' });
    return c.redirect(back(c), 303);
  });

  app.get('*', async (c, next) => {
    const path = c.req.path;
    if (!path.endsWith('/') && !path.endsWith('.html')) return next();
    const file = normalize(join(publicDir, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(publicDir)) return next();
    let page;
    try {
      page = await readFile(file, 'utf8');
    } catch {
      return next();
    }
    const name = getCookie(c, cookie);
    const token = name ? await signFor(name, await sso(), site) : '';
    const html = page
      .replace(`data-site="${site}"></script>`, `data-site="${site}" data-sso="${token}"></script>`)
      .replace('</header>', `${memberBar(name)}</header>`);
    // Each page names its reader: never kept by a shared cache.
    c.header('cache-control', 'private, no-store');
    c.header('content-security-policy', contentSecurityPolicy);
    return c.html(html);
  });
}
