/** What the server needs from a database: PGlite and PostgreSQL both provide it. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction; a thrown error rolls it back and is rethrown. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` in one read-only REPEATABLE READ transaction: every statement in it sees the
   * database as it was at its first (a page and where the event stream stood, together).
   */
  snapshot<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Cross-process fan-out. On PostgreSQL this is LISTEN/NOTIFY, so every instance on the same
   * database hears every write; on PGlite (one process) it stays in memory. A lost connection is
   * made again; `onMissed` is then called, since what was sent meanwhile was not heard.
   */
  listen(
    channel: string,
    onPayload: (payload: string) => void,
    onMissed?: () => void,
  ): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/**
 * The database could not be reached (down, restarting, refusing or dropping connections), as
 * opposed to a statement that failed: worth trying again shortly.
 */
export class DatabaseUnavailable extends Error {
  override name = 'DatabaseUnavailable';
}
