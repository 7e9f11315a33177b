#!/usr/bin/env node
// What a page downloads through the script tag (gzip), against the budgets pnpm test enforces,
// and kith-share's figures against its budgets (#4).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { shareTargets } from '../packages/protocol/dist/schemas/share.js';
import { chunk, closureBeyond, closureSize, gzipSize, staticClosure } from '../scripts/lib/sizes.mjs';
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
writeFileSync(entry, "export * from 'lit';");
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
// The floor: a bare Lit bar of the same four links (bench/fixtures/bare-share-bar.js), one bundle.
buildSync({
  entryPoints: [fileURLToPath(new URL('fixtures/bare-share-bar.js', import.meta.url))],
  bundle: true,
  minify: true,
  format: 'esm',
  external: ['lit', 'lit/*'],
  nodePaths: [join(elements, 'node_modules')],
  outfile: join(dir, 'bare.js'),
});
const bare = gzipSync(readFileSync(join(dir, 'bare.js')), { level: 9 }).length;
rmSync(dir, { recursive: true, force: true });

const dist = fileURLToPath(new URL('../packages/embed/dist', import.meta.url));
const sum = (chunks) => {
  const files = new Set([join(dist, 'kith.js')]);
  for (const name of chunks) for (const f of staticClosure(chunk(dist, name))) files.add(f);
  return [...files].reduce((total, f) => total + gzipSize(f), 0);
};
// The loader, Lit and the shared Kith base: what the share chunk needs before it runs (found by
// its static imports, not by chunk names, which the bundler picks).
const shareChunk = chunk(dist, 'share');
const base = [join(dist, 'kith.js'), ...staticClosure(shareChunk).filter((f) => f !== shareChunk)].reduce(
  (total, f) => total + gzipSize(f),
  0,
);
const typical = sum(['share', 'x', 'facebook', 'linkedin', 'reddit']);
// Every target the protocol knows (copy and the share sheet too: their modules are named for what
// they do) and the Mastodon picker, as the budget counts them; then with the menu and
// counts as well: every part loaded on use.
const moduleOf = { copy: 'copy-link', native: 'share-sheet' };
const targets = shareTargets.map((target) => moduleOf[target] ?? target);
const every = sum(['share', ...targets, 'mastodon-picker']);
const everything = sum(['share', ...targets, 'mastodon-picker', 'menu', 'counts']);
const floating = gzipSize(chunk(dist, 'floating-ui.dom'));
const line = (label, bytes, budget) =>
  console.log(
    `  ${label}: ${kb(bytes)} with Lit; ${kb(bytes - lit)} beyond Lit (budget ${budget} KB${bytes - lit > budget * 1024 ? ', not met' : ''}); ${kb(bytes - base)} beyond Lit, the loader and the shared Kith base`,
  );
console.log(`\nkith-share (Lit itself: ${kb(lit)}; loader and Kith base beyond Lit: ${kb(base - lit)})`);
line('four networks (x facebook linkedin reddit)', typical, 3);
line('every network, copy, the share sheet and the Mastodon picker', every, 7);
console.log(
  `  and with the menu and counts too: ${kb(everything - lit)} beyond Lit; ${kb(everything - base)} beyond Lit, the loader and the shared Kith base`,
);
// What a site owner gets without choosing: the element's default buttons, read from its source.
const shareSource = readFileSync(join(elements, 'src/share/share.ts'), 'utf8');
const defaults = /^\s*networks = '([^']+)';$/m.exec(shareSource)[1].split(' ');
const defaultBar = sum(['share', ...defaults.map((target) => moduleOf[target] ?? target)]);
console.log(
  `  the default bar (${defaults.join(' ')}): ${kb(defaultBar - lit)} beyond Lit; ${kb(defaultBar - base)} beyond Lit, the loader and the shared Kith base`,
);
console.log(
  `  floor: a bare Lit bar of the same four links, icons and labels, nothing else, one bundle: ${kb(bare)} beyond Lit`,
);
console.log(`  + @floating-ui/dom where CSS anchor positioning is missing: ${kb(floating)}`);

// kith-thread: the reading view (everything to show comments) and the editor chunk (loaded when
// the reader starts to write), beyond what the reading view already brought.
const reading = closureSize(chunk(dist, 'thread'));
const loader = gzipSize(join(dist, 'kith.js'));
const editor = closureBeyond(chunk(dist, 'editor'), staticClosure(chunk(dist, 'thread')));
const purify = gzipSize(chunk(dist, 'purify.es'));
console.log('\nkith-thread (each chunk gzipped on its own, as a server sends it)');
console.log(
  `  reading view, Lit + core + thread: ${kb(reading)} (budget 20 KB${reading > 20 * 1024 ? ', not met' : ''}); ${kb(reading + loader)} with the script-tag loader`,
);
console.log(
  `  editor chunk, with the writer and the writer's own view: ${kb(editor)} (budget 10 KB${editor > 10 * 1024 ? ', not met' : ''})`,
);
console.log(`  + DOMPurify where the HTML Sanitizer API is missing: ${kb(purify)}`);
