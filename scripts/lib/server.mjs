// Starts the built reference server as a child process, with a site, for tests, benchmarks and the demo.
import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from './postgres.mjs';

const cli = fileURLToPath(new URL('../../packages/server/dist/cli.js', import.meta.url));

/** Creates `site` (printing nothing of its secret) and starts the server; resolves once it answers. */
export async function startKithServer({ env = {}, site, origin, port, logLevel = 'warn' }) {
  const fullEnv = { ...process.env, KITH_LOG_LEVEL: logLevel, ...env };
  const added = execFileSync(process.execPath, [cli, 'site', 'add', site, '--origin', origin], {
    env: fullEnv,
    encoding: 'utf8',
  });
  const secret = /(ks_\S+)/.exec(added)?.[1];
  if (!secret) throw new Error(`site add printed no secret: ${added}`);
  const listenPort = port ?? (await freePort());
  const child = spawn(process.execPath, [cli, 'start', '--port', String(listenPort)], {
    env: fullEnv,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${listenPort}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`kith-server exited with ${child.exitCode}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    url,
    secret,
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
