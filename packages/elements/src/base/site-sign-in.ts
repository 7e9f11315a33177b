import type { SessionStore } from '@kith/core/session';
import { getDefaults } from './defaults.js';

/**
 * Follows the site's own sign-in when the page carries its token (`data-sso` on the script tag,
 * or `setDefaults({ sso })`): the reader is signed in as the site's user, or, with an empty
 * token, signed out of an earlier one. A refused token is the site's to fix: said in the console
 * with the server's reason (never the token), while the reader can still read and comment as a
 * guest where the site allows guests. When the server (or this code) cannot be reached, the
 * exchange is tried again, less often each time, with the page's token as it is then. Loaded only
 * by pages that carry a token.
 */
export function followSiteSignIn(session: SessionStore, wait = 2000): void {
  const token = getDefaults().sso;
  if (token === undefined) return;
  import('@kith/core/sso')
    .then(({ signInWithSso }) => signInWithSso(session, token))
    .catch((error: Error & { transient?: boolean }) => {
      // A KithError says whether it is worth retrying; a failed import is a TypeError (offline).
      if (error.transient ?? error instanceof TypeError)
        setTimeout(() => followSiteSignIn(session, Math.min(wait * 2, 30_000)), wait);
      else console.warn(`Kith: the site's sign-in token was refused: ${error.message}`);
    });
}
