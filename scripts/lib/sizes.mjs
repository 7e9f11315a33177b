// Gzip sizes of the embed build: a chunk plus everything it imports statically.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const gzipSize = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/** The files a browser must fetch before `entry` runs: it and its static imports, transitively. */
export function staticClosure(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    // Static imports only: `import … from "./x.js"` and `import "./x.js"`, not `import("./x.js")`.
    for (const m of code.matchAll(
      /(?:^|[;}\s])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/g,
    )) {
      visit(resolve(dirname(file), m[1]));
    }
  };
  visit(resolve(entry));
  return [...seen];
}

/** Gzip bytes `entry` adds to a page that has already loaded every file of `loaded` (a closure). */
export function closureBeyond(entry, loaded) {
  const already = new Set(loaded);
  return staticClosure(entry)
    .filter((f) => !already.has(f))
    .reduce((n, f) => n + gzipSize(f), 0);
}

export function closureSize(entry) {
  return staticClosure(entry).reduce((n, f) => n + gzipSize(f), 0);
}

/** The chunk `<prefix>-<hash>.js` in the embed's dist/chunks. */
export function chunk(distDir, prefix) {
  const name = readdirSync(join(distDir, 'chunks')).find((f) =>
    // Hashes are 6 characters (packages/embed/vite.config.ts): `thread-<hash>` is not
    // `thread-key-<hash>`.
    new RegExp(`^${prefix.replace(/\./g, '\\.')}-[\\w-]{6}\\.js$`).test(f),
  );
  if (!name) throw new Error(`no ${prefix} chunk in ${distDir}/chunks`);
  return resolve(distDir, 'chunks', name);
}
