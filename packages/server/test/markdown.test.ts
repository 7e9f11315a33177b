import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderMarkdown } from '../src/services/markdown.js';

describe('renderMarkdown', () => {
  it('renders the Markdown people write in comments', () => {
    const html = renderMarkdown('**bold** _em_ `code`\n\n> quote\n\n- a\n- b\n\n[link](https://example.com)');
    assert.match(html, /<strong>bold<\/strong>/);
    assert.match(html, /<em>em<\/em>/);
    assert.match(html, /<code>code<\/code>/);
    assert.match(html, /<blockquote>/);
    assert.match(html, /<li>a<\/li>/);
    assert.match(html, /<a href="https:\/\/example.com" rel="nofollow ugc noopener noreferrer">link<\/a>/);
  });

  it('keeps code fences with their language class only', () => {
    const html = renderMarkdown('```js\nconst a = "<b>";\n```');
    assert.match(html, /<pre><code class="language-js">const a = "&lt;b&gt;";/);
  });

  it('shows raw HTML as text', () => {
    const html = renderMarkdown('<b>hi</b><script>alert(1)</script>');
    assert.equal(html, '<p>&lt;b&gt;hi&lt;/b&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });

  it('drops dangerous link schemes, and makes images links', () => {
    for (const md of [
      '[x](javascript:alert(1))',
      '[x](JaVaScRiPt:alert(1))',
      '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '[x](vbscript:msgbox)',
      '<javascript:alert(1)>',
    ]) {
      const html = renderMarkdown(md);
      assert.doesNotMatch(html, /href="(javascript|data|vbscript):/i, md);
    }
    // An image is a link to it, named by its alt text, else its address: nothing is fetched.
    assert.equal(
      renderMarkdown('See ![the chart](https://tracker.example/pixel.gif "title")!'),
      '<p>See <a href="https://tracker.example/pixel.gif" rel="nofollow ugc noopener noreferrer">the chart</a>!</p>',
    );
    assert.equal(
      renderMarkdown('![](https://example.com/a.png)'),
      '<p><a href="https://example.com/a.png" rel="nofollow ugc noopener noreferrer">https://example.com/a.png</a></p>',
    );
    assert.doesNotMatch(renderMarkdown('![x](javascript:alert(1))'), /href="javascript/i);
  });

  it('never emits event handler attributes or active elements', () => {
    const corpus = [
      '<img src=x onerror=alert(1)>',
      '<svg onload=alert(1)>',
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
      '<a href="https://x" onclick="alert(1)">x</a>',
      '[x](https://x "title" onmouseover=alert(1))',
      '<iframe src="javascript:alert(1)"></iframe>',
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    ];
    for (const md of corpus) {
      const html = renderMarkdown(md);
      assert.doesNotMatch(html, /<(img|svg|math|iframe|script|style|noscript)/i, md);
      assert.doesNotMatch(html, /<[^>]*\son\w+\s*=/i, md);
    }
  });

  it('links bare URLs, with the same link attributes', () => {
    assert.match(
      renderMarkdown('see https://example.com/a?b=1'),
      /<a href="https:\/\/example.com\/a\?b=1" rel="nofollow ugc noopener noreferrer">/,
    );
  });
});
