// The elements' Svelte types catch mistakes: svelte-check over type-checks/mistakes.svelte must
// report an error on each line after a "mistake" comment, and on no other line.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const here = fileURLToPath(new URL('..', import.meta.url));

describe('Svelte example: the elements’ types', () => {
  it('svelte-check reports each mistake in a template, and nothing else', async () => {
    const source = readFileSync(`${here}/type-checks/mistakes.svelte`, 'utf8').split('\n');
    const marked = source.flatMap((line, i) => (line.includes('<!-- mistake:') ? [i + 2] : []));
    const output = await promisify(execFile)(
      `${here}/node_modules/.bin/svelte-check`,
      ['--tsconfig', 'type-checks/tsconfig.json', '--output', 'machine'],
      { cwd: here },
    ).then(
      (done) => done.stdout,
      (failed) => failed.stdout, // it exits 1 when it finds errors, as it must here
    );
    const errors = [...output.matchAll(/ ERROR "type-checks\/mistakes\.svelte" (\d+):/g)].map((m) =>
      Number(m[1]),
    );
    assert.equal(marked.length, 8);
    assert.deepEqual(errors, marked, output);
  });
});
