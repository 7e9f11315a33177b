import type { Author, Session } from '@kith/protocol';
import type { Db, Queryable } from '../db/driver.js';
import { ProblemError } from '../http/problem.js';
import { networkKey, refuseBlockedNetwork } from './guest-networks.js';
import { hashSecret, newId, randomToken, sessionTokenPrefix } from './secrets.js';

export interface Viewer {
  userId: string;
  siteId: string;
  tokenHash: string;
  expiresAt: Date;
  author: Author;
  /** Named a moderator by the site at their latest sign-in: approves and removes comments. */
  moderator: boolean;
  /** Blocked by the owner or a moderator: reads, but writes nothing. */
  blocked: boolean;
}

const defaultTtlSeconds = 30 * 24 * 3600;

const sessionsChannel = 'kith_sessions';

/**
 * Within a write's transaction: at its commit, every instance on the database forgets what it
 * cached of the user's sessions (signed out, blocked, erased, moderator or not), instead of
 * trusting them for the cache's 30 seconds more.
 */
export async function sessionsChanged(tx: Queryable, userId: string): Promise<void> {
  await tx.query('SELECT pg_notify($1, $2)', [sessionsChannel, userId]);
}
const cacheMs = 30_000;

interface UserRow {
  id: string;
  kind: Author['kind'];
  name: string;
  avatar_url: string | null;
  moderator?: boolean;
  blocked_at?: Date | null;
}

export function authorOf(row: UserRow): Author {
  return { id: row.id, name: row.name, kind: row.kind, avatarUrl: row.avatar_url };
}

/** Bearer sessions: opaque random tokens, stored only as hashes, revocable, with an expiry. */
export class Sessions {
  #cache = new Map<string, { at: number; viewer: Viewer }>();
  #unlisten: (() => Promise<void>) | undefined;

  constructor(
    private db: Db,
    private key: () => string,
  ) {}

  async #issue(q: Queryable, siteId: string, user: UserRow, ttlSeconds: number): Promise<Session> {
    const token = sessionTokenPrefix + randomToken(32);
    const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
    await q.query('INSERT INTO sessions (token_hash, site_id, user_id, expires_at) VALUES ($1, $2, $3, $4)', [
      hashSecret(token),
      siteId,
      user.id,
      expiresAt,
    ]);
    return {
      token,
      expiresAt: expiresAt.toISOString(),
      user: authorOf(user),
      ...(user.moderator && { moderator: true }),
    };
  }

  /**
   * A new guest, from the client `address`: refused while a guest blocked on the site came from the
   * same network (see guest-networks.ts), whose keyed hash is kept with the guest for that.
   */
  async createGuest(
    q: Queryable,
    siteId: string,
    guest: { name: string; email?: string | undefined; address: string },
  ): Promise<Session> {
    const network = networkKey(this.key(), siteId, guest.address);
    await refuseBlockedNetwork(q, siteId, network);
    const user: UserRow = { id: newId(), kind: 'guest', name: guest.name.trim(), avatar_url: null };
    await q.query(
      'INSERT INTO users (id, site_id, kind, name, email, network_key) VALUES ($1, $2, $3, $4, $5, $6)',
      [user.id, siteId, 'guest', user.name, guest.email ?? null, network ?? null],
    );
    return this.#issue(q, siteId, user, defaultTtlSeconds);
  }

  /** The site's own user, identified by the site's id for them; created or updated. */
  async createForOwnUser(
    q: Queryable,
    siteId: string,
    kind: 'owner' | 'sso',
    external: {
      id: string;
      name: string;
      email?: string | undefined;
      avatarUrl?: string | undefined;
      moderator?: boolean | undefined;
    },
    ttlSeconds = defaultTtlSeconds,
  ): Promise<Session> {
    // The site is the authority on who its users are: each sign-in brings their latest name,
    // picture and moderator right.
    const rows = await q.query<UserRow>(
      `INSERT INTO users (id, site_id, kind, external_id, name, email, avatar_url, moderator)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (site_id, kind, external_id)
       DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email, avatar_url = EXCLUDED.avatar_url,
         moderator = EXCLUDED.moderator
       RETURNING id, kind, name, avatar_url, moderator`,
      [
        newId(),
        siteId,
        kind,
        external.id,
        external.name.trim(),
        external.email ?? null,
        external.avatarUrl ?? null,
        external.moderator === true,
      ],
    );
    // Their moderator right may have changed with this sign-in: every session of theirs follows.
    await sessionsChanged(q, rows[0]!.id);
    return this.#issue(q, siteId, rows[0]!, ttlSeconds);
  }

  /** Forgets what this instance cached of a user's sessions (blocked: seen at once here). */
  forgetUser(userId: string): void {
    for (const [hash, { viewer }] of this.#cache) if (viewer.userId === userId) this.#cache.delete(hash);
  }

  /** Hears every instance's changes to users' sessions (see `sessionsChanged`). */
  async start(): Promise<void> {
    this.#unlisten = await this.db.listen(
      sessionsChannel,
      (userId) => this.forgetUser(userId),
      () => this.#cache.clear(), // a sign-out or a block may have gone unheard
    );
  }

  async stop(): Promise<void> {
    await this.#unlisten?.();
  }

  /**
   * The viewer a bearer token belongs to. Missing, unknown, foreign-site and expired tokens are
   * distinct problems so clients can tell "sign in again" from "you never signed in". `fresh`
   * reads the session from the database, not from this instance's short cache.
   */
  async authenticate(
    siteId: string,
    authorization: string | undefined,
    options: { fresh?: boolean } = {},
  ): Promise<Viewer> {
    const token = bearer(authorization);
    if (!token)
      throw new ProblemError('unauthorized', { detail: 'Sign in first: no bearer token was sent.' });
    const tokenHash = hashSecret(token);
    const hit = options.fresh ? undefined : this.#cache.get(tokenHash);
    // A short cache: revocation on another instance takes effect within cacheMs.
    let viewer = hit && Date.now() - hit.at < cacheMs ? hit.viewer : undefined;
    if (!viewer) {
      const rows = await this.db.query<UserRow & { site_id: string; expires_at: Date; user_id: string }>(
        `SELECT s.site_id, s.expires_at, s.user_id, u.id, u.kind, u.name, u.avatar_url, u.moderator,
           u.blocked_at
         FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1`,
        [tokenHash],
      );
      const row = rows[0];
      if (!row)
        throw new ProblemError('invalid-token', { detail: 'The session token is unknown or was revoked.' });
      viewer = {
        userId: row.user_id,
        siteId: row.site_id,
        tokenHash,
        expiresAt: new Date(row.expires_at),
        author: authorOf(row),
        moderator: row.moderator === true,
        blocked: row.blocked_at != null,
      };
      if (this.#cache.size > 10000) this.#cache.clear();
      this.#cache.set(tokenHash, { at: Date.now(), viewer });
    }
    if (viewer.siteId !== siteId) {
      throw new ProblemError('invalid-token', { detail: 'The session token belongs to another site.' });
    }
    if (viewer.expiresAt.getTime() <= Date.now()) {
      this.#cache.delete(tokenHash);
      throw new ProblemError('token-expired', { detail: 'The session has expired; sign in again.' });
    }
    return viewer;
  }

  /**
   * A stream's reader: as `authenticate`, but a token the server no longer takes (revoked,
   * expired) makes them everyone, never a refusal, since a stream reconnects on its own and could
   * not tell why it was refused.
   */
  async streamReader(
    siteId: string,
    authorization: string | undefined,
    options: { fresh?: boolean } = {},
  ): Promise<Viewer | null> {
    if (!authorization) return null;
    return this.authenticate(siteId, authorization, options).catch((error: unknown) => {
      if (error instanceof ProblemError && error.status === 401) return null;
      throw error;
    });
  }

  async revoke(viewer: Viewer): Promise<void> {
    this.#cache.delete(viewer.tokenHash);
    await this.db.transaction(async (tx) => {
      await tx.query('DELETE FROM sessions WHERE token_hash = $1', [viewer.tokenHash]);
      await sessionsChanged(tx, viewer.userId);
    });
  }
}

export function bearer(authorization: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S{1,512})\s*$/i.exec(authorization ?? '');
  return match?.[1];
}
