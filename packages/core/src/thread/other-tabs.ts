import { readJson } from '../storage.js';
import type { SessionStore, StoredSession } from './session.js';

/**
 * Keeps a page's session the same as in the reader's other tabs of the site. The session is kept
 * on the device, but a tab reads it once, when it opens: a tab opened before the reader signed in
 * elsewhere asked for their name again, and made them a second guest. This takes a session signed
 * in since (at once), and each sign-in, sign-out or change in another tab as the browser reports
 * it (the `storage` event). Apart from the session itself, so a page that only reads never loads
 * it: the thread's writer and the event card call it. Returns what stops it.
 */
export function followOtherTabs(session: SessionStore): () => void {
  const follow = (signOut: boolean) => {
    const stored = readJson<StoredSession>(session.storage, session.key);
    const current = stored && Date.parse(stored.expiresAt) > Date.now() ? stored : null;
    // A session here that is missing there (storage full or refused) stays, unless one signed out.
    if (current?.token === session.$session.get()?.token || !(current || signOut)) return;
    session.client.setToken(current?.token);
    session.$session.set(current);
  };
  follow(false);
  const changed = (event: StorageEvent) => {
    if (event.key === session.key || event.key === null) follow(true);
  };
  globalThis.addEventListener?.('storage', changed);
  return () => globalThis.removeEventListener?.('storage', changed);
}
