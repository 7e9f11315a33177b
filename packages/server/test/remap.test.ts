import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseKeyMap, remapKey, remapSource } from '../src/import/remap.js';
import type { ImportSource } from '../src/import/source.js';

describe('moved pages on import', () => {
  const rules = parseKeyMap(`
    # WordPress dates in the address, then a static site without them
    https://blog.example/2020/*        https://blog.example/posts/*
    https://blog.example/2020/01/tea/  /posts/tea-time    # an exact pair wins over the prefix
    /old/*                             /*
  `);

  it('moves exact addresses and prefixes, as thread keys', () => {
    assert.equal(remapKey('/2020/01/tea', rules), '/posts/tea-time');
    assert.equal(remapKey('/2020/02/coffee', rules), '/posts/02/coffee');
    assert.equal(remapKey('/2020', rules), '/posts');
    assert.equal(remapKey('/20201', rules), '/20201', 'a prefix ends at a slash');
    assert.equal(remapKey('/old/about', rules), '/about');
    assert.equal(remapKey('/elsewhere', rules), '/elsewhere');
  });

  it('merges threads that land on one page, closed if either was', () => {
    const source: ImportSource = {
      format: 'disqus',
      site: null,
      threads: new Map([
        ['/old/a', { closed: true }],
        ['/a', { closed: false }],
      ]),
      comments: [],
      unplaced: {},
    };
    assert.deepEqual([...remapSource(source, rules).threads], [['/a', { closed: true }]]);
  });

  it('says which line of a map is wrong', () => {
    assert.throws(() => parseKeyMap('/a /b\n/c'), /line 2: give an old and a new address/);
    assert.throws(() => parseKeyMap('/a/* /b'), /line 1: put \* at the end of both addresses/);
    assert.throws(() => parseKeyMap('/a /b /c'), /line 1/);
  });
});
