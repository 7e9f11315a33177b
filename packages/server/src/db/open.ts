import type { Db } from './driver.js';
import { migrate } from './migrate.js';

export interface OpenDbOptions {
  /** A PostgreSQL URL; when set, PostgreSQL is used instead of the embedded database. */
  databaseUrl?: string | undefined;
  /** The embedded database's folder; undefined keeps it in memory. */
  dataDir?: string | undefined;
  migrate?: boolean;
}

export async function openDb(options: OpenDbOptions): Promise<Db> {
  const db = options.databaseUrl
    ? await (await import('./postgres.js')).openPostgres(options.databaseUrl)
    : await (await import('./pglite.js')).openPglite(options.dataDir);
  if (options.migrate !== false) await migrate(db);
  return db;
}
