import type { Db, Queryable } from '../db/driver.js';
import { ProblemError } from './problem.js';

export interface Outcome {
  status: number;
  body: unknown;
}

export interface StoredOutcome {
  status: number;
  /** Serialized JSON, '' for no body. */
  body: string;
  replayed: boolean;
}

/**
 * Thrown by a write that finds its Idempotency-Key already claimed (or something only a committed
 * earlier attempt could have used): the stored outcome is replayed; with none stored, `otherwise`
 * is the answer.
 */
export class AlreadyDone extends Error {
  constructor(readonly otherwise?: ProblemError) {
    super('already done');
  }
}

/** What a write needs to claim its key itself, inside its own statement (the hot path does). */
export interface Claim {
  siteId: string;
  actor: string;
  key: string;
  fingerprint: string;
}

const keyPattern = /^[\x21-\x7e]{1,255}$/;

export function checkIdempotencyKey(key: string | undefined): string | undefined {
  if (key === undefined) return undefined;
  if (!keyPattern.test(key)) {
    throw new ProblemError('invalid-idempotency-key', {
      detail: 'Use 1 to 255 printable ASCII characters without spaces, e.g. a UUID.',
    });
  }
  return key;
}

async function stored(q: Queryable, siteId: string, actor: string, key: string, fingerprint: string) {
  const rows = await q.query<{ fingerprint: string; status: number; body: string }>(
    'SELECT fingerprint, status, body FROM idempotency WHERE site_id = $1 AND actor = $2 AND key = $3',
    [siteId, actor, key],
  );
  const row = rows[0];
  if (!row) return undefined;
  if (row.fingerprint !== fingerprint) {
    throw new ProblemError('idempotency-key-reused', {
      detail:
        'This Idempotency-Key was sent before with a different request; use a new key for a new request.',
    });
  }
  return { status: row.status, body: row.body, replayed: true };
}

/**
 * Runs a write exactly once per (site, actor, key). The key's row is inserted in the write's own
 * transaction: a concurrent duplicate blocks on it until the first commits, then finds it and
 * replays the stored response; if the first fails, nothing is stored and a retry runs afresh.
 */
export async function runIdempotent(
  db: Db,
  scope: { siteId: string; actor: string; key: string | undefined; fingerprint: string },
  write: (tx: Queryable, claim: Claim | undefined) => Promise<Outcome & { stored?: boolean }>,
  /** Runs before the write; `refund` undoes it when the request turns out to be a replay. */
  admit?: { admit(): void | Promise<void>; refund(): void | Promise<void> },
  /** The write claims the key and stores its outcome in its own statement (saves round trips). */
  inlineClaim = false,
): Promise<StoredOutcome> {
  const { siteId, actor, key, fingerprint } = scope;
  // Before the transaction: a refused write opens none, and a shared counter's row is not held
  // while the write commits.
  try {
    await admit?.admit();
  } catch (refused) {
    // A retry of a write that landed gets its answer, even from a reader at the limit.
    const limited = refused instanceof ProblemError && refused.code === 'rate-limited';
    const done = limited && key && (await stored(db, siteId, actor, key, fingerprint));
    if (done) return done;
    throw refused;
  }
  try {
    return await db.transaction(async (tx) => {
      if (key && !inlineClaim) {
        const claimed = await tx.query(
          `INSERT INTO idempotency (site_id, actor, key, fingerprint) VALUES ($1, $2, $3, $4)
           ON CONFLICT DO NOTHING RETURNING 1`,
          [siteId, actor, key, fingerprint],
        );
        if (claimed.length === 0) throw new AlreadyDone();
      }
      const outcome = await write(tx, key && inlineClaim ? { siteId, actor, key, fingerprint } : undefined);
      const body = outcome.body === undefined ? '' : JSON.stringify(outcome.body);
      if (key && !outcome.stored) {
        await tx.query(
          'UPDATE idempotency SET status = $4, body = $5 WHERE site_id = $1 AND actor = $2 AND key = $3',
          [siteId, actor, key, outcome.status, body],
        );
      }
      return { status: outcome.status, body, replayed: false };
    });
  } catch (error) {
    if (!(error instanceof AlreadyDone)) throw error;
    if (!key) throw error.otherwise ?? new ProblemError('internal-error');
    await admit?.refund();
    const done = await stored(db, siteId, actor, key, fingerprint);
    if (!done) throw error.otherwise ?? new ProblemError('internal-error');
    return done;
  }
}
