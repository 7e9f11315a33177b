// Starts the real demo (serve.mjs: reference server + blog) on a free port with a fresh database.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const serve = fileURLToPath(new URL('../serve.mjs', import.meta.url));

function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export async function startDemo() {
  const dataDir = mkdtempSync(join(tmpdir(), 'kith-demo-'));
  const port = await freePort();
  let child;
  const spawnServer = async () => {
    child = spawn(process.execPath, [serve], {
      env: { ...process.env, PORT: String(port), KITH_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        if (out.includes('is running')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`demo exited with ${code}: ${out}`)));
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
