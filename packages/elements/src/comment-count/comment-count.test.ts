import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../base/config-element.js';
import { setDefaults } from '../base/config.js';
import { registerTranslation } from '../base/localize.js';
import { fakeServer, json, problem, requests, setHandler } from '../test-support/fake-server.js';
import type { KithCommentCount, KithCountDetail } from './comment-count.js';
import './comment-count.js';

/** Answers counts requests with the given counts (0 for unknown keys). */
function countsServer(counts: Record<string, number>) {
  return fakeServer((_request, url) => {
    const keys = url.searchParams.getAll('thread');
    return json({ counts: Object.fromEntries(keys.map((k) => [k, counts[k] ?? 0])) });
  });
}

const text = (el: KithCommentCount) =>
  el.shadowRoot!.querySelector('[part="base"]')!.textContent!.replace(/\s+/g, ' ').trim();
const loaded = (el: KithCommentCount) => waitUntil(() => el.count !== undefined, 'count did not load');

/** A count of `thread` on `server`, put on the page, and the error it reports. */
async function failing(server: string, thread: string) {
  const el = document.createElement('kith-comment-count') as KithCommentCount;
  Object.assign(el, { server, site: 'blog', thread });
  const errored = oneEvent(el, 'kith-error');
  document.body.append(el);
  return { el, error: (await errored).detail.error };
}

describe('kith-comment-count', () => {
  it('shows the thread’s count in words', async () => {
    const server = countsServer({ '/posts/a': 5 });
    const el = await fixture<KithCommentCount>(
      html`<kith-comment-count server=${server} site="blog" thread="/posts/a"></kith-comment-count>`,
    );
    await loaded(el);
    expect(text(el)).to.equal('5 comments');
    expect(requests[0]!.url).to.equal(`${server}/v1/sites/blog/counts?thread=%2Fposts%2Fa`);
  });

  it('fetches every count on the page in one request', async () => {
    const server = countsServer({ '/a': 1, '/b': 0, '/c': 1234 });
    const el = await fixture<HTMLElement>(html`
      <kith-config server=${server} site="blog">
        <kith-comment-count thread="/a"></kith-comment-count>
        <kith-comment-count thread="/b"></kith-comment-count>
        <kith-comment-count thread="/c"></kith-comment-count>
        <kith-comment-count thread="/a"></kith-comment-count>
      </kith-config>
    `);
    const counts = [...el.querySelectorAll<KithCommentCount>('kith-comment-count')];
    await Promise.all(counts.map(loaded));
    expect(counts.map(text)).to.deep.equal(['1 comment', 'No comments', '1,234 comments', '1 comment']);
    expect(requests.length).to.equal(1);
    expect(new URL(requests[0]!.url).searchParams.getAll('thread')).to.deep.equal(['/a', '/b', '/c']);
  });

  it('takes its thread from href, from the link around it, or from the page', async () => {
    const server = countsServer({ '/posts/b': 2, '/posts/c': 3 });
    const el = await fixture<HTMLElement>(html`
      <div>
        <kith-comment-count server=${server} site="blog" href="/posts/b/index.html?utm_source=x#top"></kith-comment-count>
        <a href="/posts/c/"><kith-comment-count server=${server} site="blog" format="short"></kith-comment-count></a>
        <kith-comment-count server=${server} site="blog"></kith-comment-count>
      </div>
    `);
    const [byHref, byLink, byPage] = [
      ...el.querySelectorAll<KithCommentCount>('kith-comment-count'),
    ] as KithCommentCount[];
    await Promise.all([byHref!, byLink!, byPage!].map(loaded));
    expect(byHref!.threadKey).to.equal('/posts/b');
    expect(byLink!.threadKey).to.equal('/posts/c');
    expect(byPage!.threadKey).to.equal(location.pathname.replace(/\/$/, '') || '/');
    expect(text(byHref!)).to.equal('2 comments');
    // Short: the number is shown, the words are there for screen readers.
    const short = byLink!.shadowRoot!;
    expect(short.querySelector('[part="count"]')!.textContent).to.equal('3');
    expect(short.querySelector('[part="count"]')!.getAttribute('aria-hidden')).to.equal('true');
    expect(short.querySelector('.visually-hidden')!.textContent).to.equal('3 comments');
  });

  it('says in the console when href is no URL, and counts the page instead of failing', async () => {
    const server = countsServer({});
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const el = await fixture<KithCommentCount>(
        html`<kith-comment-count server=${server} site="blog" href="http://[x"></kith-comment-count>`,
      );
      await loaded(el);
      expect(el.threadKey).to.equal(location.pathname.replace(/\/$/, '') || '/');
      expect(text(el)).to.equal('No comments');
      expect(warnings).to.deep.equal(['Kith: "http://[x" is not a web address']);
    } finally {
      console.warn = warn;
    }
  });

  it('announces loading, then fires kith-load with the count', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const server = fakeServer(async () => {
      await gate;
      return json({ counts: { '/slow': 7 } });
    });
    const el = await fixture<KithCommentCount>(
      html`<kith-comment-count server=${server} site="blog" thread="/slow"></kith-comment-count>`,
    );
    const base = el.shadowRoot!.querySelector('[part="base"]')!;
    expect(base.getAttribute('aria-busy')).to.equal('true');
    expect(text(el)).to.contain('Loading comment count');
    await expect(el).to.be.accessible();
    // Typed for this element, no cast: its `kith-load` carries a count (the event card's, an event).
    const loaded = new Promise<KithCountDetail>((resolve) =>
      el.addEventListener('kith-load', (event) => resolve(event.detail), { once: true }),
    );
    // @ts-expect-error: a count's detail has no `event`
    el.addEventListener('kith-load', (event) => event.detail.event, { once: true });
    release();
    expect(await loaded).to.deep.equal({ thread: '/slow', count: 7 });
  });

  it('says when the count is unavailable and retries on request', async () => {
    const { el, error } = await failing(
      fakeServer(() => problem('internal-error', 500)),
      '/err',
    );
    expect(error.code).to.equal('internal-error');
    await el.updateComplete;
    const retry = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!;
    expect(retry.getAttribute('aria-label')).to.equal('Comment count unavailable. Retry');
    await expect(el).to.be.accessible();
    setHandler(() => json({ counts: { '/err': 4 } }));
    retry.focus();
    retry.click();
    await loaded(el);
    expect(text(el)).to.equal('4 comments');
    el.remove();
  });

  it('a server that answers something other than counts (not a Kith server) is an error, not loading for ever', async () => {
    const { el, error } = await failing(
      fakeServer(() => json({ status: 'ok', items: [] })),
      '/other-api',
    );
    expect(error.code).to.equal('bad-response');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="retry"]')).to.exist;
    // A Kith server may leave out a thread it has nothing for: that thread has no comments.
    setHandler(() => json({ counts: {} }));
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    await loaded(el);
    expect(text(el)).to.equal('No comments');
    el.remove();
  });

  it('inside a link, reports the failure in words (no button inside a link)', async () => {
    const server = fakeServer(() => problem('site-not-found', 404));
    const el = await fixture<HTMLElement>(
      html`<a href="/posts/x"><kith-comment-count server=${server} site="nope"></kith-comment-count></a>`,
    );
    const count = el.querySelector<KithCommentCount>('kith-comment-count')!;
    await waitUntil(() => count.shadowRoot!.querySelector('.unavailable'));
    expect(count.shadowRoot!.querySelector('button')).to.equal(null);
    expect(text(count)).to.equal('Comment count unavailable');
    await expect(el).to.be.accessible();
  });

  it('speaks the page’s language, with its plural rules, and right to left', async () => {
    const server = countsServer({ '/x': 3, '/y': 1, '/z': 11 });
    const el = await fixture<HTMLElement>(html`
      <div>
        <kith-comment-count server=${server} site="blog" thread="/x" locale="de"></kith-comment-count>
        <kith-comment-count server=${server} site="blog" thread="/y" locale="fr"></kith-comment-count>
        <section lang="ar"><kith-comment-count server=${server} site="blog" thread="/x"></kith-comment-count></section>
        <kith-comment-count server=${server} site="blog" thread="/z" locale="ar"></kith-comment-count>
        <kith-comment-count server=${server} site="blog" thread="/x" locale="ja"></kith-comment-count>
        <kith-comment-count server=${server} site="blog" thread="/y" locale="es"></kith-comment-count>
      </div>
    `);
    const all = [...el.querySelectorAll<KithCommentCount>('kith-comment-count')];
    await Promise.all(all.map(loaded));
    // Each language's strings load on their own: wait for all of them, then compare. Digits are the
    // browser's for the language (Arabic's are Latin in some engines' data, Arabic-Indic in others).
    const ar = (n: number) => new Intl.NumberFormat('ar').format(n);
    const expected = [
      '3 Kommentare',
      '1 commentaire',
      `${ar(3)} تعليقات`,
      `${ar(11)} تعليقًا`,
      'コメント 3 件',
      '1 comentario',
    ];
    await waitUntil(
      () => all.map(text).join('|') === expected.join('|'),
      `not every language loaded: ${all.map(text).join(' | ')}`,
      { timeout: 5000 },
    );
    expect(all[2]!.shadowRoot!.querySelector('[part="base"]')!.getAttribute('dir')).to.equal('rtl');
    expect(all[0]!.shadowRoot!.querySelector('[part="base"]')!.getAttribute('dir')).to.equal('ltr');
  });

  it('on a right-to-left page in a language it has no words for, its English runs left to right', async () => {
    const server = countsServer({ '/x': 2 });
    const el = await fixture<HTMLElement>(html`
      <section lang="fa" dir="rtl"><kith-comment-count server=${server} site="blog" thread="/x"></kith-comment-count
      ><kith-comment-count server=${server} site="blog" thread="/x" locale="ar"></kith-comment-count></section>
    `);
    const [english, arabic] = [...el.querySelectorAll<KithCommentCount>('kith-comment-count')] as [
      KithCommentCount,
      KithCommentCount,
    ];
    await Promise.all([loaded(english), loaded(arabic)]);
    const base = (count: KithCommentCount) => count.shadowRoot!.querySelector('[part="base"]')!;
    // English words; the number in the reader's digits, as dates are in the reader's language.
    expect(text(english)).to.equal('۲ comments');
    expect(base(english).getAttribute('lang')).to.equal('en');
    expect(base(english).getAttribute('dir')).to.equal('ltr');
    // In a right-to-left language it has words for (Arabic here), it runs right to left.
    await waitUntil(() => text(arabic) === 'تعليقان', 'Arabic did not load');
    expect(base(arabic).getAttribute('dir')).to.equal('rtl');
  });

  it('marks its words with the page’s own English (en-GB), so a screen reader keeps its voice', async () => {
    const server = countsServer({ '/x': 2 });
    const el = await fixture<HTMLElement>(
      html`<p lang="en-GB"><kith-comment-count server=${server} site="blog" thread="/x"></kith-comment-count></p>`,
    );
    const count = el.querySelector<KithCommentCount>('kith-comment-count')!;
    await loaded(count);
    expect(text(count)).to.equal('2 comments');
    expect(count.shadowRoot!.querySelector('[part="base"]')!.getAttribute('lang')).to.equal('en-gb');
  });

  it('takes a site’s own strings for any language, live, falling back string by string', async () => {
    const server = countsServer({ '/x': 2 });
    const el = await fixture<HTMLElement>(html`
      <section lang="nl-BE"><kith-comment-count server=${server} site="blog" thread="/x"></kith-comment-count
      ><kith-comment-count server=${server} site="blog" thread="/missing"></kith-comment-count></section>
    `);
    const [two, none] = [...el.querySelectorAll<KithCommentCount>('kith-comment-count')] as [
      KithCommentCount,
      KithCommentCount,
    ];
    await Promise.all([loaded(two), loaded(none)]);
    expect(text(two)).to.equal('2 comments'); // no Dutch yet: English, and said to be
    const lang = () => two.shadowRoot!.querySelector('[part="base"]')!.getAttribute('lang');
    expect(lang()).to.equal('en');
    registerTranslation({
      $code: 'nl',
      commentCount: (n: number, formatted: string) =>
        n === 0 ? 'Nog geen reacties' : `${formatted} reacties`,
    });
    await waitUntil(() => text(two) === '2 reacties', 'the registered language was not used');
    expect(lang()).to.equal('nl-be');
    expect(text(none)).to.equal('Nog geen reacties');
    registerTranslation({ $code: 'nl-BE', commentCount: () => 'Belgisch' });
    await waitUntil(() => text(two) === 'Belgisch', 'the regional strings did not win');
  });

  it('takes server and site from page defaults and from <kith-config>, the closest winning', async () => {
    const near = countsServer({ '/n': 1 });
    const nearRequests = () => requests.filter((r) => r.url.startsWith(near));
    setDefaults({ server: 'https://kith.test/defaults', site: 'far' });
    const el = await fixture<HTMLElement>(html`
      <kith-config site="blog" server=${near}>
        <kith-comment-count thread="/n"></kith-comment-count>
      </kith-config>
    `);
    const count = el.querySelector<KithCommentCount>('kith-comment-count')!;
    await loaded(count);
    expect(nearRequests()[0]!.url).to.contain('/v1/sites/blog/counts');
    setDefaults({ server: undefined, site: undefined });
  });

  it('finds <kith-config> through shadow roots and follows its changes', async () => {
    const first = countsServer({ '/deep': 2 });
    const host = await fixture<HTMLElement>(
      html`<kith-config server=${first} site="blog"><div></div></kith-config>`,
    );
    const shadow = host.querySelector('div')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<kith-comment-count thread="/deep"></kith-comment-count>';
    const count = shadow.querySelector<KithCommentCount>('kith-comment-count')!;
    await loaded(count);
    expect(text(count)).to.equal('2 comments');
    host.setAttribute('locale', 'de');
    await waitUntil(() => text(count) === '2 Kommentare', 'did not follow the new locale');
  });

  it('follows the theme attribute', async () => {
    const server = countsServer({});
    const el = await fixture<KithCommentCount>(
      html`<kith-comment-count server=${server} site="blog" thread="/t" theme="dark"></kith-comment-count>`,
    );
    expect(getComputedStyle(el).colorScheme).to.equal('dark');
    el.theme = 'light';
    await el.updateComplete;
    expect(getComputedStyle(el).colorScheme).to.equal('light');
  });
});
