import pg from 'pg';
import { DatabaseUnavailable, type Db, type Queryable } from './driver.js';
import { listenAlways } from './postgres-listen.js';

// Keep bigint columns (ids, sequence numbers) as strings and let timestamps come back as Date.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => v);

/**
 * What says the database is out of reach rather than that a statement failed: SQLSTATE class 08
 * (connection exceptions), a shutdown or a start in progress (57P01-57P03), no connection slot
 * left (53300), and the socket's own failures.
 */
const unreachableCodes = new Set([
  '57P01',
  '57P02',
  '57P03',
  '53300',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

function unreachable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (code.startsWith('08') || unreachableCodes.has(code))) return true;
  // pg's own words for a connection lost or never had (no code).
  return /Connection terminated|timeout exceeded when trying to connect|connection error/i.test(
    String(message),
  );
}

/** How long a request waits for a connection of the pool: past it, the database is out of reach. */
const connectTimeoutMs = 5000;

/** PostgreSQL through a connection pool, for when one machine is not enough. */
export async function openPostgres(url: string, poolSize = 10): Promise<Db> {
  const where = describe(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: connectTimeoutMs,
  });
  /** `work`, with a database out of reach said as such (the API answers 503, not 500). */
  const reached = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (!unreachable(error)) throw error;
      throw new DatabaseUnavailable(`PostgreSQL ${where} cannot be reached: ${(error as Error).message}`, {
        cause: error,
      });
    }
  };
  // An idle client that loses its connection emits here; without a listener it would crash the process.
  pool.on('error', () => {});
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => {});
    throw new Error(`cannot connect to PostgreSQL ${where}: ${(error as Error).message}`);
  }
  const listeners = new Set<() => Promise<void>>();
  /** One transaction on one pooled connection, opened with `begin`. */
  const inTransaction = <T>(begin: string, fn: (tx: Queryable) => Promise<T>): Promise<T> =>
    reached(async () => {
      const client = await pool.connect();
      const q: Queryable = {
        query: async <R>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as R[],
        exec: async (sql) => {
          await client.query(sql);
        },
      };
      try {
        await client.query(begin);
        const result = await fn(q);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    });
  return {
    kind: 'postgres',
    query: <T>(sql: string, params?: unknown[]) =>
      reached(async () => (await pool.query(sql, params)).rows as T[]),
    exec: (sql) =>
      reached(async () => {
        await pool.query(sql);
      }),
    transaction: (fn) => inTransaction('BEGIN', fn),
    // The isolation level in BEGIN itself: one round trip fewer than a SET TRANSACTION after it.
    snapshot: (fn) => inTransaction('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', fn),
    async listen(channel, onPayload, onMissed = () => {}) {
      const stop = await listenAlways(url, channel, onPayload, onMissed);
      listeners.add(stop);
      return async () => {
        listeners.delete(stop);
        await stop();
      };
    },
    async close() {
      await Promise.all([...listeners].map((stop) => stop()));
      await pool.end();
    },
  };
}

/**
 * Where a PostgreSQL URL points, to name in errors without its password. Throws for one of
 * another database (`mysql://…`) or a bare word, which pg would take for a host name and fail
 * obscurely on. pg's own forms pass: `postgres(ql)://`, `socket://` and a socket folder's path.
 */
function describe(url: string): string {
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme ? !['postgres', 'postgresql', 'socket'].includes(scheme) : !url.startsWith('/'))
    throw new Error(
      'DATABASE_URL is not a PostgreSQL URL: give one like postgres://user:password@host:5432/database',
    );
  // pg reads the URL as it will connect, without connecting.
  const { host, port, database } = new pg.Client({ connectionString: url });
  return `at ${host}${host.startsWith('/') ? '' : `:${port}`}${database ? ` (database "${database}")` : ''}`;
}
