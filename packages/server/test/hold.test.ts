import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countLinks, holdReason } from '../src/services/hold.js';
import { renderMarkdown } from '../src/services/markdown.js';

const held = (settings: { holdLinks?: number; holdWords?: string[] }, markdown: string, authorName = 'Ann') =>
  holdReason(
    { holdLinks: settings.holdLinks ?? 0, holdWords: settings.holdWords ?? [] },
    { markdown, html: renderMarkdown(markdown), authorName },
  );

describe('hold rules', () => {
  it('count the links a comment shows, and www addresses left as text', () => {
    assert.equal(countLinks(renderMarkdown('no links here, just example.com talk')), 0);
    assert.equal(
      countLinks(renderMarkdown('[a](https://a.example) <https://b.example> https://c.example')),
      3,
    );
    assert.equal(
      countLinks(renderMarkdown('www.a.example, WWW.b.example and [www.c.example](https://c.example)')),
      3,
    );
    assert.equal(countLinks(renderMarkdown('`https://in.code` is shown as code')), 0);
  });

  it('hold at the link count the owner set, never with 0', () => {
    assert.equal(held({ holdLinks: 2 }, 'https://a.example'), null);
    assert.match(held({ holdLinks: 2 }, 'https://a.example https://b.example') ?? '', /2 or more links/);
    assert.equal(held({ holdLinks: 0 }, 'https://a.example '.repeat(20)), null);
  });

  it('match listed words whole, in any case or compatibility form, in the text or the name', () => {
    const words = { holdWords: ['ass', 'café', 'cheap pills', 'c++'] };
    assert.equal(held(words, 'A class act, passing by'), null);
    assert.ok(held(words, 'What an ASS.'));
    assert.ok(held(words, 'Meet at the CAFÉ'));
    assert.ok(held(words, 'ｃａｆé tonight'));
    assert.ok(held(words, 'cheap\npills'));
    assert.ok(held(words, 'I write C++ daily'));
    assert.equal(held(words, 'cheaper pills'), null);
    assert.ok(held(words, 'Hello', 'Cheap Pills Inc'));
    assert.equal(held({ holdWords: [] }, 'anything at all'), null);
  });
});
