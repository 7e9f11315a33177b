#!/usr/bin/env node
// The TypeScript examples in the docs and READMEs, type-checked against the built packages as a
// developer copying them would compile them, so an example cannot drift from the API it shows.
// Each ```ts block is a module of its own. Names an example uses without making them (the page's
// `render`, a `commentId` it has) are declared once below. A block after the line
// `<!-- not type-checked: why -->` is left out (one that needs a framework's own types, say).
// Part of `pnpm test` (after the build).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const sources = [
  'README.md',
  ...readdirSync(join(root, 'docs')).map((f) => `docs/${f}`),
  ...['packages', 'examples'].flatMap((dir) =>
    readdirSync(join(root, dir)).map((name) => `${dir}/${name}/README.md`),
  ),
].filter((file) => file.endsWith('.md') && existsSync(join(root, file)));

/**
 * Where a block is checked: inside the package whose dependencies it needs, where they resolve as
 * they do for a project that installs it. Server code (it imports @kith/server) in the server's
 * package, with Node's types; the rest inside @kith/elements (its own name, core, lit, and the
 * frameworks it has types for), with the browser's and what those examples take as given.
 * `.tmp/` is ignored by git.
 */
const places = {
  browser: {
    dir: join(root, 'packages/elements/.tmp/doc-examples'),
    types: [],
    context: `
declare function render(state: unknown): void;
declare function showSending(comments: unknown): void;
declare const commentId: string, otherId: string, pendingId: string, anyId: string, authorId: string;
declare const idFromPermalink: string, text: string, markdown: string, token: string, server: string;
declare const process: { env: Record<string, string | undefined> };
declare const data: import('@kith/core/share').ShareData;
declare const kith: import('@kith/core').KithClient;
declare const thread: import('@kith/core').ThreadStore;
`,
  },
  node: { dir: join(root, 'packages/server/.tmp/doc-examples'), types: ['node'], context: '' },
};
for (const { dir, types, context } of Object.values(places)) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'context.d.ts'), context);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'es2022',
        module: 'esnext',
        moduleResolution: 'bundler',
        // Each example a module of its own, as in a file of its own.
        moduleDetection: 'force',
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        lib: ['es2022', 'dom', 'dom.iterable'],
        types,
      },
      include: ['*.ts'],
    }),
  );
}

/** Each checked block: its file, and where it starts in which document. */
const blocks = new Map();
for (const source of sources) {
  const lines = readFileSync(join(root, source), 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== '```ts' || /^\s*<!-- not type-checked/.test(lines[i - 1] ?? '')) continue;
    // Fences may be indented, inside a list item; the code is then indented as much.
    const indent = lines[i].indexOf('`');
    const end = lines.findIndex((line, j) => j > i && line.trim() === '```');
    const code = lines.slice(i + 1, end).map((line) => line.slice(indent));
    const place = code.some((line) => line.includes("from '@kith/server'")) ? places.node : places.browser;
    const file = `${source.replace(/\W+/g, '-')}-${i + 2}.ts`;
    writeFileSync(join(place.dir, file), code.join('\n'));
    blocks.set(file, { source, line: i + 2 });
    i = end;
  }
}

const tsc = join(root, 'node_modules/typescript/bin/tsc');
const failing = new Set();
let crashed = false;
for (const { dir } of Object.values(places)) {
  const { stdout, status } = spawnSync(process.execPath, [tsc, '-p', dir, '--pretty', 'false'], {
    encoding: 'utf8',
  });
  const before = failing.size;
  for (const match of stdout.matchAll(/^(\S+?\.ts)\((\d+),(\d+)\): (.*)$/gm)) {
    const block = blocks.get(basename(match[1]));
    if (!block) {
      console.log(`  ${match[0]}`);
      continue;
    }
    failing.add(basename(match[1]));
    console.log(`  ✗ ${block.source}:${block.line + Number(match[2]) - 1}: ${match[4]}`);
  }
  // tsc failed on something that is no example's (its configuration, say): show it.
  if (status && failing.size === before) {
    crashed = true;
    console.log(stdout);
  }
  rmSync(dir, { recursive: true, force: true });
}
console.log(`  ${blocks.size} examples in ${sources.length} documents`);
console.log(`doc examples: ${blocks.size - failing.size} passed, ${failing.size + (crashed ? 1 : 0)} failed`);
process.exit(failing.size || crashed ? 1 : 0);
