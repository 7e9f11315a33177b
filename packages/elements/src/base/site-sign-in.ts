import type { SessionStore } from '@kith/core/session';
import { getDefaults } from './defaults.js';

/**
 * Follows the site's own sign-in when the page carries its token (`data-sso` on the script tag,
 * or `setDefaults({ sso })`): the reader is signed in as the site's user, or, with an empty
 * token, signed out of an earlier one. A refused token is the site's to fix: said in the console
 * with the server's reason (never the token), while the reader can still read and comment as a
 * guest where the site allows guests. Loaded only by pages that carry a token.
 */
export function followSiteSignIn(session: SessionStore): void {
  const token = getDefaults().sso;
  if (token === undefined) return;
  import('@kith/core/sso')
    .then(({ signInWithSso }) => signInWithSso(session, token))
    .catch((error: Error) => console.warn(`Kith: the site's sign-in token was refused: ${error.message}`));
}
