import type { SessionStore } from '@kith/core/session';
import { getDefaults } from './defaults.js';

/** Sessions whose site sign-in is being followed: one loop each, however many elements ask. */
const following = new WeakSet<SessionStore>();

/**
 * Follows the site's own sign-in when the page carries its token (`data-sso` on the script tag,
 * or `setDefaults({ sso })`): the reader is signed in as the site's user, or, with an empty
 * token, signed out of an earlier one. A refused token is the site's to fix: said in the console
 * with the server's reason (never the token), while the reader can still read and comment as a
 * guest where the site allows guests. When the server (or this code) cannot be reached, the
 * exchange is tried again, less often each time, with the page's token as it is then; the
 * elements of a page (a thread and an event card, say) share that loop. Loaded only by pages
 * that carry a token.
 */
export function followSiteSignIn(session: SessionStore): void {
  if (following.has(session)) return;
  following.add(session);
  const attempt = (wait: number): void => {
    const token = getDefaults().sso;
    if (token === undefined) return void following.delete(session);
    import('@kith/core/sso')
      .then(({ signInWithSso }) => signInWithSso(session, token))
      .then(
        () => following.delete(session),
        (error: Error & { transient?: boolean }) => {
          // A KithError says whether it is worth retrying; a failed import is a TypeError (offline).
          if (error.transient ?? error instanceof TypeError)
            return setTimeout(() => attempt(Math.min(wait * 2, 30_000)), wait);
          following.delete(session);
          console.warn(`Kith: the site's sign-in token was refused: ${error.message}`);
        },
      );
  };
  attempt(2000);
}
