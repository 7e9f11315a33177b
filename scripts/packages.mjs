#!/usr/bin/env node
// The packages as npm would publish them, linted with publint: every entry point in `exports`,
// `main`, `types` and `bin` is in the tarball, in the format its extension and `type` say, with its
// types where a consumer's TypeScript looks. Part of `pnpm test` (after the build).
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const published = ['protocol', 'core', 'elements', 'embed', 'server'];
let passed = 0;
let failed = 0;
for (const name of published) {
  const pkgDir = fileURLToPath(new URL(`../packages/${name}`, import.meta.url));
  // npm packs as any registry client would (it is there wherever Node is); warnings count as errors.
  const { messages, pkg } = await publint({ pkgDir, pack: 'npm', strict: true });
  const problems = messages.filter((m) => m.type !== 'suggestion');
  problems.length ? failed++ : passed++;
  console.log(`  ${problems.length ? '✗' : '✓'} ${pkg.name}`);
  for (const message of messages)
    console.log(`    ${message.type}: ${formatMessage(message, pkg, { color: false })}`);
}
console.log(`packages: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
