#!/usr/bin/env node
// What a page downloads through the script tag (gzip), against the budgets pnpm test enforces,
// and kith-share's figures, reported while its budgets are worked on (#4).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { shareTargets } from '../packages/protocol/dist/schemas/share.js';
import { chunk, gzipSize, staticClosure } from '../scripts/lib/sizes.mjs';
import { measure } from '../scripts/size.mjs';

const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
for (const { name, bytes, budget } of measure()) {
  console.log(`${name}: ${kb(bytes)} gzip (budget ${kb(budget)}, ${Math.round((bytes / budget) * 100)}%)`);
}

// Lit alone, minified the same way, to report what an element costs beyond it.
const elements = fileURLToPath(new URL('../packages/elements/', import.meta.url));
const esbuild = createRequire(createRequire(import.meta.url).resolve('tsx')).resolve('esbuild');
const { buildSync } = await import(esbuild);
const dir = mkdtempSync(join(tmpdir(), 'kith-lit-'));
const entry = join(elements, '.lit-size-probe.mjs');
writeFileSync(
  entry,
  "export * from 'lit'; export * from 'lit/decorators.js'; export * from 'lit/directives/unsafe-svg.js';",
);
try {
  buildSync({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    outfile: join(dir, 'lit.js'),
  });
} finally {
  rmSync(entry);
}
const lit = gzipSync(readFileSync(join(dir, 'lit.js')), { level: 9 }).length;
rmSync(dir, { recursive: true, force: true });

const dist = fileURLToPath(new URL('../packages/embed/dist', import.meta.url));
const bar = (networks) => {
  const files = new Set([join(dist, 'kith.js'), ...staticClosure(chunk(dist, 'share'))]);
  for (const n of networks) for (const f of staticClosure(chunk(dist, n))) files.add(f);
  return [...files].reduce((sum, f) => sum + gzipSize(f), 0);
};
const typical = bar(['x', 'facebook', 'linkedin', 'reddit']);
// Every target the protocol knows, the copied-state icon, and the picker's positioning.
const every = bar([...shareTargets, 'copied', 'floating-ui.dom']);
console.log(`\nkith-share (Lit itself: ${kb(lit)})`);
console.log(
  `  four networks (x facebook linkedin reddit): ${kb(typical)} with Lit, ${kb(typical - lit)} beyond it (budget 3 KB, not met yet)`,
);
console.log(
  `  every network, copy, native and the Mastodon picker: ${kb(every)} with Lit, ${kb(every - lit)} beyond it (budget 7 KB, not met yet)`,
);
