import { PGlite } from '@electric-sql/pglite';
import { claimDataDir } from './data-dir-lock.js';
import type { Db, Queryable } from './driver.js';

/** The embedded database: one process, data in a folder (or in memory when `dataDir` is undefined). */
export async function openPglite(dataDir?: string): Promise<Db> {
  const release = dataDir ? claimDataDir(dataDir) : () => {};
  // bigint (OID 20) as text, as the PostgreSQL driver is set up: ids never lose precision.
  const pg = new PGlite(dataDir, { parsers: { 20: (value: string) => value } });
  try {
    await pg.waitReady;
  } catch (error) {
    release();
    if (!dataDir) throw error;
    throw new Error(
      `cannot open the embedded database in ${dataDir}: does the folder hold another program's files? ` +
        `(PGlite: ${(error as Error).message})`,
    );
  }
  type Target = Pick<PGlite, 'query' | 'exec'>;
  const query = async <T>(q: Target, sql: string, params?: unknown[]) =>
    (await q.query<T>(sql, params as unknown[])).rows;
  const exec = async (q: Target, sql: string) => {
    await q.exec(sql);
  };
  const within = (tx: Target): Queryable => ({
    query: (sql, params) => query(tx, sql, params),
    exec: (sql) => exec(tx, sql),
  });
  return {
    kind: 'pglite',
    query: (sql, params) => query(pg, sql, params),
    exec: (sql) => exec(pg, sql),
    transaction: (fn) => pg.transaction((tx) => fn(within(tx))),
    snapshot: (fn) =>
      pg.transaction(async (tx) => {
        await tx.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
        return fn(within(tx));
      }),
    async listen(channel, onPayload) {
      const unsubscribe = await pg.listen(channel, onPayload);
      return async () => unsubscribe();
    },
    async close() {
      await pg.close();
      release();
    },
  };
}
