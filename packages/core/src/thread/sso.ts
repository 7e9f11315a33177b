import type { Session } from '@kith/protocol';
import { clientHttp, newIdempotencyKey } from '../client.js';
import { toKithError } from '../errors.js';
import { request } from '../http.js';
import type { SessionStore, StoredSession } from './session.js';

/** Exchanges in flight, per session store: every element of a page asks, one request goes. */
const exchanges = new WeakMap<SessionStore, { who: string; done: Promise<StoredSession | null> }>();

/**
 * Who a sign-in token names, as the site shows them (id, name, picture, moderator right), read
 * without checking the signature (the server checks it): a page with a fresh token for the same
 * reader signs in nobody new, while a change the site made (a new name, a moderator named or
 * demoted) is taken at once, for every session of theirs.
 */
function named(token: string): string {
  try {
    const part = token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/');
    const claims = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(part), (c) => c.charCodeAt(0))));
    return JSON.stringify([claims.sub, claims.name, claims.picture, claims.moderator === true]);
  } catch {
    return token; // not a JWT: the server says why
  }
}

/**
 * Signs the reader in with the token the site signed for them (single sign-on), unless the
 * session already came from a token naming the same reader. An empty token says nobody is signed
 * in on the site: a session from an earlier token is signed out, a guest's is kept. Rejects with
 * the server's `KithError` when it refuses the token; a session from a token naming someone else
 * is signed out first, so a refused token never leaves the previous reader signed in.
 */
export async function signInWithSso(session: SessionStore, token: string): Promise<StoredSession | null> {
  const current = session.$session.get();
  const who = token && named(token);
  if (current?.sso && current.sso !== who) await session.signOut();
  if (!who || current?.sso === who) return session.$session.get();
  const inFlight = exchanges.get(session);
  if (inFlight?.who === who) return inFlight.done;
  const done = (async () => {
    try {
      const response = await request(clientHttp(session.client), 'sessions/sso', {
        method: 'post',
        json: { token },
        headers: { 'idempotency-key': newIdempotencyKey() },
      });
      session.use((await response.json()) as Session, who);
      return session.$session.get();
    } catch (error) {
      throw await toKithError(error);
    } finally {
      exchanges.delete(session);
    }
  })();
  exchanges.set(session, { who, done });
  return done;
}
