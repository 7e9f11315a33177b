// Starts an example's `serve.mjs` (reference server + its pages on one origin) as a child process,
// on a free port with a fresh database, for end-to-end tests.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './postgres.mjs';

/** Resolves once the example prints that it is running. */
export async function startExample(serveFile) {
  const dataDir = mkdtempSync(join(tmpdir(), 'kith-example-'));
  const port = await freePort();
  let child;
  let output = '';
  const spawnServer = async () => {
    child = spawn(process.execPath, [serveFile], {
      env: { ...process.env, PORT: String(port), KITH_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        output += chunk;
        if (out.includes('is running')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`${serveFile} exited with ${code}: ${out}`)));
    });
  };
  const exit = (signal) =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', resolve);
      child.kill(signal);
    });
  await spawnServer();
  return {
    url: `http://localhost:${port}`,
    /** What it printed so far. */
    get output() {
      return output;
    },
    /** Kills the server outright (no graceful shutdown). */
    kill: () => exit('SIGKILL'),
    /** Starts it again on the same port and data. */
    restart: spawnServer,
    async stop() {
      await exit('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
