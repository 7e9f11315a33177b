import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { graphemes, mastodonHost, shareUrl, truncate, withUtm } from '../src/share/index.js';

const url = 'https://blog.example/posts/a&b?x=1%2F2#comments';
const eu = encodeURIComponent(url);

describe('share links', () => {
  const data = { url, title: 'Tea & cake 🍰 — 100% «RTL» مرحبا' };
  const et = encodeURIComponent(data.title);

  it('use each network’s current intent URL with every value encoded', () => {
    const expected = {
      facebook: `https://www.facebook.com/sharer/sharer.php?u=${eu}`,
      x: `https://x.com/intent/tweet?text=${et}&url=${eu}`,
      reddit: `https://www.reddit.com/submit?url=${eu}&title=${et}`,
      linkedin: `https://www.linkedin.com/sharing/share-offsite/?url=${eu}`,
      mastodon: `https://share.joinmastodon.org/?text=${encodeURIComponent(`${data.title} ${url}`)}`,
      bluesky: `https://bsky.app/intent/compose?text=${encodeURIComponent(`${data.title} ${url}`)}`,
      threads: `https://www.threads.com/intent/post?text=${et}&url=${eu}`,
      whatsapp: `https://wa.me/?text=${encodeURIComponent(`${data.title} ${url}`)}`,
      telegram: `https://t.me/share/url?url=${eu}&text=${et}`,
      hackernews: `https://news.ycombinator.com/submitlink?u=${eu}&t=${et}`,
      pinterest: `https://www.pinterest.com/pin/create/button/?url=${eu}&description=${et}`,
      email: `mailto:?subject=${et}&body=${eu}`,
    } as const;
    for (const [network, link] of Object.entries(expected)) {
      assert.equal(shareUrl(network as keyof typeof expected, data), link, network);
    }
  });

  it('keep the shared URL’s fragment and query intact', () => {
    for (const network of ['mastodon', 'bluesky', 'whatsapp', 'x'] as const) {
      const link = new URL(shareUrl(network, data));
      const carried = link.searchParams.get('url') ?? link.searchParams.get('text')!;
      assert.ok(carried.endsWith(url), `${network}: ${carried}`);
    }
  });

  it('take the optional parts: hashtags, via, image, a longer text', () => {
    assert.equal(
      shareUrl('x', { url, title: 'T', hashtags: ['kith', 'web components'], via: 'kithsite' }),
      `https://x.com/intent/tweet?text=T&url=${eu}&hashtags=kith%2Cweb%20components&via=kithsite`,
    );
    assert.equal(
      shareUrl('facebook', { url, hashtags: ['kith', 'second'] }),
      `https://www.facebook.com/sharer/sharer.php?u=${eu}&hashtag=%23kith`,
    );
    assert.equal(
      shareUrl('pinterest', { url, title: 'T', image: 'https://img.example/a b.png' }),
      `https://www.pinterest.com/pin/create/button/?url=${eu}&media=https%3A%2F%2Fimg.example%2Fa%20b.png&description=T`,
    );
    assert.equal(
      shareUrl('email', { url, title: 'Subject', text: 'Have a look' }),
      `mailto:?subject=Subject&body=Have%20a%20look%0A${eu}`,
    );
  });

  it('shorten text to each network’s limit by grapheme, never the link', () => {
    const long = '👩‍👩‍👧‍👦'.repeat(400); // one grapheme of several code points, 400 times
    const x = new URL(shareUrl('x', { url, title: long }));
    const xText = x.searchParams.get('text')!;
    assert.equal(graphemes(xText).length, 280 - 23 - 1);
    assert.ok(xText.endsWith('…'));
    assert.equal(x.searchParams.get('url'), url);
    const bsky = new URL(shareUrl('bluesky', { url, title: long })).searchParams.get('text')!;
    assert.equal(graphemes(bsky).length, 300);
    assert.ok(bsky.endsWith(` ${url}`));
    const hn = new URL(shareUrl('hackernews', { url, title: 'x'.repeat(200) })).searchParams.get('t')!;
    assert.equal(hn.length, 80);
    const mastodon = new URL(shareUrl('mastodon', { url, title: 'y'.repeat(1000) })).searchParams.get(
      'text',
    )!;
    assert.ok(mastodon.endsWith(url) && graphemes(mastodon).length <= 500 - 23 + url.length);
    // Already short enough: unchanged.
    assert.equal(truncate('short', 10), 'short');
    assert.equal(truncate('🇩🇪🇫🇷🇯🇵', 2), '🇩🇪…');
  });

  it('send Mastodon to the reader’s server when one is known', () => {
    assert.equal(
      shareUrl('mastodon', { url, title: 'Hi' }, { mastodonInstance: 'https://Mastodon.Social/about' }),
      `https://mastodon.social/share?text=${encodeURIComponent(`Hi ${url}`)}`,
    );
  });

  it('add campaign parameters for the network when asked, before the fragment', () => {
    assert.equal(
      withUtm('https://b.example/p?a=1#c', 'reddit', { campaign: 'spring' }),
      'https://b.example/p?a=1&utm_source=reddit&utm_medium=social&utm_campaign=spring#c',
    );
    const link = new URL(shareUrl('reddit', { url: 'https://b.example/p#c', title: 'T' }, { utm: {} }));
    assert.equal(link.searchParams.get('url'), 'https://b.example/p?utm_source=reddit&utm_medium=social#c');
  });

  it('refuse unknown networks', () => {
    assert.throws(() => shareUrl('myspace' as never, { url }), /Unknown share network/);
  });
});

describe('mastodonHost', () => {
  it('accepts what readers type for their server', () => {
    assert.equal(mastodonHost('mastodon.social'), 'mastodon.social');
    assert.equal(mastodonHost(' https://Fosstodon.org/ '), 'fosstodon.org');
    assert.equal(mastodonHost('@ada@hachyderm.io'), 'hachyderm.io');
    assert.equal(mastodonHost('ada@social.coop'), 'social.coop');
    assert.equal(mastodonHost('münchen.social'), 'xn--mnchen-3ya.social');
  });

  it('refuses what cannot be a server', () => {
    for (const bad of [
      '',
      'localhost',
      'mastodon',
      'javascript:alert(1)',
      'a b.social',
      'evil.com:8080',
      '-x.social',
      'x.123',
      'user:pw@host.social',
    ]) {
      assert.equal(mastodonHost(bad), undefined, bad);
    }
  });
});
