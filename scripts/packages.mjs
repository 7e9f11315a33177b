#!/usr/bin/env node
// The packages as npm would publish them:
// - linted with publint: every entry point in `exports`, `main`, `types` and `bin` is in the
//   tarball, in the format its extension and `type` say, with its types where a consumer's
//   TypeScript looks;
// - every package their code and types import is one they depend on. In the workspace a package
//   also finds its devDependencies, so one used at run time works here and fails once installed
//   from npm (the server's `jose` once did: `kith-server` could not start).
// Part of `pnpm test` (after the build).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import ts from 'typescript';

const published = ['protocol', 'core', 'elements', 'embed', 'server'];

/** Packages imported by the tarball's JavaScript and declarations, each with a file importing it. */
function importedPackages(pkgDir) {
  // npm packs as any registry client would (it is there wherever Node is).
  const [{ files }] = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: pkgDir, encoding: 'utf8', stdio: 'pipe' }),
  );
  const imported = new Map();
  for (const { path } of files) {
    if (!/\.(m?js|d\.[mc]?ts)$/.test(path)) continue;
    const text = readFileSync(join(pkgDir, path), 'utf8');
    const { importedFiles, typeReferenceDirectives } = ts.preProcessFile(text, true, true);
    for (const { fileName } of [...importedFiles, ...typeReferenceDirectives]) {
      if (/^[./]/.test(fileName) || isBuiltin(fileName)) continue;
      const [scope, name] = fileName.split('/');
      imported.set(scope.startsWith('@') ? `${scope}/${name}` : scope, path);
    }
  }
  return imported;
}

let passed = 0;
let failed = 0;
for (const name of published) {
  const pkgDir = fileURLToPath(new URL(`../packages/${name}`, import.meta.url));
  // Warnings count as errors.
  const { messages, pkg } = await publint({ pkgDir, pack: 'npm', strict: true });
  const problems = messages.filter((m) => m.type !== 'suggestion');
  const declared = new Set([
    pkg.name,
    ...Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies, ...pkg.optionalDependencies }),
  ]);
  const undeclared = [...importedPackages(pkgDir)].filter(([dependency]) => !declared.has(dependency));
  const bad = problems.length + undeclared.length;
  bad ? failed++ : passed++;
  console.log(`  ${bad ? '✗' : '✓'} ${pkg.name}`);
  for (const message of messages)
    console.log(`    ${message.type}: ${formatMessage(message, pkg, { color: false })}`);
  for (const [dependency, file] of undeclared)
    console.log(
      `    error: ${file} imports "${dependency}", which is not in dependencies or peerDependencies`,
    );
}
console.log(`packages: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
