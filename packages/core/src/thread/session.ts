import type { Author, GuestSessionRequest, Session } from '@kith/protocol';
import { atom } from 'nanostores';
import type { KithClient } from '../client.js';
import { perClient } from '../clients.js';
import { deviceStorage, type KeyValueStorage, readJson, writeJson } from '../storage.js';

/** The signed-in reader, as kept on the device (the token never leaves it except to the server). */
export interface StoredSession {
  token: string;
  expiresAt: string;
  user: Author;
  /** For a session from the site's sign-in token: who it named (see `signInWithSso`). */
  sso?: string;
  /** The site named the reader a moderator (see `ThreadWriter.approve` and `remove`). */
  moderator?: boolean;
}

/**
 * The reader's session for one site, kept across reloads, shared by every element of the page.
 * An expired or revoked token is forgotten the first time the server refuses it.
 */
export class SessionStore {
  readonly $session = atom<StoredSession | null>(null);
  /** Where the session is kept in `storage`. */
  readonly key: string;
  readonly #signingOut = new Set<() => void>();

  constructor(
    readonly client: KithClient,
    readonly storage: KeyValueStorage,
  ) {
    this.key = `kith:session:${client.server}|${client.site}`;
    const stored = readJson<StoredSession>(storage, this.key);
    if (stored && Date.parse(stored.expiresAt) > Date.now()) this.#set(stored);
    else writeJson(storage, this.key, undefined);
  }

  #set(session: StoredSession | null): void {
    this.client.setToken(session?.token);
    writeJson(this.storage, this.key, session ?? undefined);
    this.$session.set(session);
  }

  /** Signs in as a guest (name, optional email); the same idempotency key makes a retry safe. */
  async signInAsGuest(guest: GuestSessionRequest, idempotencyKey?: string): Promise<StoredSession> {
    const stored: StoredSession = await this.client.signInAsGuest(
      guest,
      idempotencyKey ? { idempotencyKey } : {},
    );
    this.#set(stored);
    return stored;
  }

  /** Uses a session minted elsewhere (e.g. by the site's own sign-in, through the site secret). */
  use(session: Session, sso?: string): void {
    this.#set({ ...session, sso });
  }

  /**
   * Runs `listener` each time the reader signs out (not when a session merely expires: the same
   * reader signs in again), before the session is gone. Returns what stops it.
   */
  onSignOut(listener: () => void): () => void {
    this.#signingOut.add(listener);
    return () => this.#signingOut.delete(listener);
  }

  /** Signs out on the server (best effort) and on this device. */
  async signOut(): Promise<void> {
    for (const listener of this.#signingOut) listener();
    try {
      await this.client.signOut();
    } catch {
      // Forgotten here either way; the token expires on its own.
    }
    this.#set(null);
  }

  /** Forgets a token the server refused (expired, revoked). */
  expire(): void {
    this.#set(null);
  }
}

/**
 * The reader's session on the client's site, shared by every element on the page (the thread,
 * the event card): signing in with one signs in the others.
 */
export const sessionFor = perClient(
  (client, storage: KeyValueStorage = deviceStorage()) => new SessionStore(client, storage),
);
