import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Claims the embedded database's folder for this process. PGlite does not lock it, and two
 * processes on one folder (a CLI command beside a running server) can corrupt it: a second one is
 * refused, naming the first. A claim left by a process that is gone is taken over. Gives the
 * function that lets the folder go.
 */
export function claimDataDir(dir: string): () => void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new Error(
      code === 'EEXIST' || code === 'ENOTDIR'
        ? `the embedded database needs a folder, and ${dir} is a file`
        : `cannot make the embedded database's folder ${dir}: ${message}`,
    );
  }
  const file = join(dir, 'kith.lock');
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let pid = 0;
      try {
        pid = Number(readFileSync(file, 'utf8'));
      } catch {
        // Gone between the two calls: try again.
      }
      if (pid && alive(pid)) {
        throw new Error(
          `the embedded database in ${dir} is open in another process (pid ${pid}, a running kith-server?): ` +
            `stop it first, or use the admin API with the site secret (if that process is not Kith, delete ${file})`,
        );
      }
      rmSync(file, { force: true });
    }
  }
}
