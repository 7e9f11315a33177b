#!/usr/bin/env node
// Size budgets (gzip) of what a page downloads through the script tag. Part of `pnpm test`.
import { fileURLToPath } from 'node:url';
import { chunk, closureSize, gzipSize } from './lib/sizes.mjs';

const dist = fileURLToPath(new URL('../packages/embed/dist', import.meta.url));
const kb = (n) => `${(n / 1024).toFixed(2)} KB`;

export function measure() {
  const loader = `${dist}/kith.js`;
  return [
    { name: 'embed loader (kith.js)', bytes: gzipSize(loader), budget: 1024 },
    {
      name: 'a page of comment counts (loader + kith-comment-count with Lit and core)',
      bytes: gzipSize(loader) + closureSize(chunk(dist, 'comment-count')),
      budget: 20 * 1024,
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let passed = 0;
  let failed = 0;
  for (const { name, bytes, budget } of measure()) {
    const ok = bytes <= budget;
    ok ? passed++ : failed++;
    console.log(`  ${ok ? '✓' : '✗'} ${name}: ${kb(bytes)} (budget ${kb(budget)})`);
  }
  console.log(`size: ${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}
