// Gzip sizes of the embed build: a chunk plus everything it imports statically.
import { readFileSync } from 'node:fs';
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

export function closureSize(entry) {
  return staticClosure(entry).reduce((n, f) => n + gzipSize(f), 0);
}

/** The chunk file whose name starts with `prefix` in the embed's dist/chunks. */
export function chunk(distDir, prefix) {
  const manifest = readFileSync(join(distDir, 'kith.js'), 'utf8');
  const m = new RegExp(`["'\`](\\./chunks/${prefix}-[\\w-]+\\.js)["'\`]`).exec(manifest);
  if (!m) throw new Error(`no ${prefix} chunk referenced from kith.js`);
  return resolve(distDir, m[1]);
}
