// Starts a throwaway PostgreSQL server on loopback for tests and benchmarks.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const isRoot = process.getuid?.() === 0;

/** The folder holding initdb and pg_ctl, or undefined when no PostgreSQL server is installed. */
export function postgresBinDir() {
  if (process.env.PG_BIN && existsSync(join(process.env.PG_BIN, 'initdb'))) return process.env.PG_BIN;
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) {
      const dir = join(base, v, 'bin');
      if (existsSync(join(dir, 'initdb'))) return dir;
    }
  }
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  const found = which.stdout.trim();
  return found ? found.replace(/\/initdb$/, '') : undefined;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function asPostgres(args, bin) {
  // initdb and postgres refuse to run as root: run them as the postgres user then.
  if (isRoot) {
    const quoted = [join(bin, args[0]), ...args.slice(1)]
      .map((a) => `'${a.replaceAll("'", "'\\''")}'`)
      .join(' ');
    return execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', quoted], {
      stdio: 'pipe',
      encoding: 'utf8',
    });
  }
  return execFileSync(join(bin, args[0]), args.slice(1), { stdio: 'pipe', encoding: 'utf8' });
}

/**
 * initdb + pg_ctl start on a free loopback port; fsync off (test data only) unless `durable`.
 * Returns { url(db), createDatabase(name), stop() }.
 */
export async function startPostgres({ durable = false } = {}) {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL server binaries (initdb) not found');
  const dir = mkdtempSync(join(tmpdir(), 'kith-pg-'));
  chmodSync(dir, 0o777);
  if (isRoot) execFileSync('chown', ['postgres', dir]);
  const data = join(dir, 'data');
  const port = await freePort();
  asPostgres(['initdb', '-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync'], bin);
  asPostgres(
    [
      'pg_ctl',
      '-D',
      data,
      '-l',
      join(dir, 'log'),
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200${durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off'}`,
      '-w',
      'start',
    ],
    bin,
  );
  const url = (db = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${db}`;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      asPostgres(['pg_ctl', '-D', data, '-m', 'immediate', '-w', 'stop'], bin);
    } catch {
      // Already gone.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  return {
    port,
    url,
    stop,
    createDatabase(name) {
      execFileSync(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', name]);
      return url(name);
    },
  };
}
