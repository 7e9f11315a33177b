import type { Db } from './driver.js';
import { migrate } from './migrate.js';

export interface OpenDbOptions {
  /** A PostgreSQL URL; when set, PostgreSQL is used instead of the embedded database. */
  databaseUrl?: string | undefined;
  /** The embedded database's folder; undefined keeps it in memory. */
  dataDir?: string | undefined;
  migrate?: boolean;
  /** PostgreSQL connections per instance (default 20, env KITH_DB_POOL). */
  poolSize?: number | undefined;
}

export async function openDb(options: OpenDbOptions): Promise<Db> {
  const db = options.databaseUrl
    ? await (await import('./postgres.js')).openPostgres(
        options.databaseUrl,
        options.poolSize ?? (Number(process.env.KITH_DB_POOL) || 20),
      )
    : await (await import('./pglite.js')).openPglite(options.dataDir);
  if (options.migrate !== false) await migrate(db);
  return db;
}
