// The elements' Astro types catch mistakes: `astro check` over type-checks/mistakes.astro must
// report an error on each line after a "mistake" comment, and on no other line.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify, stripVTControlCharacters } from 'node:util';

const here = fileURLToPath(new URL('..', import.meta.url));

describe('Astro example: the elements’ types', () => {
  it('astro check reports each mistake in a template or a script, and nothing else', async () => {
    const source = readFileSync(`${here}/type-checks/mistakes.astro`, 'utf8').split('\n');
    const marked = source.flatMap((line, i) => (/(<!--|\/\/) mistake:/.test(line) ? [i + 2] : []));
    const output = await promisify(execFile)(
      `${here}/node_modules/.bin/astro`,
      ['check', '--root', 'type-checks'],
      {
        cwd: here,
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      },
    ).then(
      (done) => done.stdout,
      (failed) => failed.stdout, // it exits 1 when it finds errors, as it must here
    );
    const plain = stripVTControlCharacters(output);
    const errors = [...plain.matchAll(/^type-checks\/mistakes\.astro:(\d+):\d+ - error/gm)].map((m) =>
      Number(m[1]),
    );
    assert.equal(marked.length, 9);
    assert.deepEqual(
      errors.sort((a, b) => a - b),
      marked,
      plain,
    );
  });
});
