import { shareUrl } from '@kith/core/share';
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { fakeServer, json, requests } from '../test-support/fake-server.js';
import type { KithShare } from './share.js';
import './share.js';

const page = 'https://blog.example/posts/hello#comments';
const ready = async (el: KithShare) => {
  await waitUntil(
    () => el.shadowRoot!.querySelectorAll('[part~="button"]').length === el.targets.length,
    'buttons did not load',
  );
  await el.updateComplete;
};
const buttons = (el: KithShare) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="button"]')];

describe('kith-share', () => {
  afterEach(() => localStorage.removeItem('kith-mastodon-instance'));

  it('renders plain links for the chosen networks, in order, with each network’s exact URL', async () => {
    const el = await fixture<KithShare>(
      html`<kith-share networks="reddit x linkedin email copy" url=${page} share-title="Tea & cake 🍰"></kith-share>`,
    );
    await ready(el);
    const [reddit, x, linkedin, email, copy] = buttons(el) as [
      HTMLAnchorElement,
      HTMLAnchorElement,
      HTMLAnchorElement,
      HTMLAnchorElement,
      HTMLButtonElement,
    ];
    const data = { url: page, title: 'Tea & cake 🍰' };
    expect(reddit.href).to.equal(shareUrl('reddit', data));
    expect(x.href).to.equal(shareUrl('x', data));
    expect(linkedin.href).to.equal(shareUrl('linkedin', data));
    expect(email.href).to.equal(shareUrl('email', data));
    expect(reddit.target).to.equal('_blank');
    expect(reddit.rel).to.equal('noopener noreferrer');
    expect(reddit.getAttribute('aria-label')).to.equal('Share on Reddit (opens in a new tab)');
    expect(email.hasAttribute('target')).to.equal(false);
    expect(copy.localName).to.equal('button');
    expect(copy.textContent!.trim()).to.equal('Copy link');
    // Every button draws its icon, at the icon size.
    for (const button of buttons(el)) {
      const icon = button.querySelector<SVGSVGElement>('svg[part="icon"]')!;
      expect(icon.getBoundingClientRect().width, button.className).to.be.greaterThan(10);
      expect(icon.querySelector('path')!.getBBox().width, button.className).to.be.greaterThan(10);
    }
    await expect(el).to.be.accessible();
  });

  it('shows icon-only buttons with their names for screen readers, in the reader’s language', async () => {
    const el = await fixture<KithShare>(
      html`<kith-share layout="icons" locale="de" networks="reddit copy" url=${page}></kith-share>`,
    );
    await ready(el);
    await waitUntil(
      () => buttons(el)[0]!.getAttribute('aria-label')?.startsWith('Auf Reddit teilen'),
      'German did not load',
    );
    expect(buttons(el)[1]!.getAttribute('aria-label')).to.equal('Link kopieren');
    expect(el.shadowRoot!.querySelector('[part="label"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('lang')).to.equal('de');
    await expect(el).to.be.accessible();
    // On a page in a language without Kith's words, the bar says its English names are English.
    const italian = await fixture<HTMLElement>(
      html`<p lang="it"><kith-share layout="icons" networks="reddit copy" url=${page}></kith-share></p>`,
    );
    const bar = italian.querySelector('kith-share')!;
    await ready(bar);
    expect(buttons(bar)[1]!.getAttribute('aria-label')).to.equal('Copy link');
    expect(bar.shadowRoot!.querySelector('[part="base"]')!.getAttribute('lang')).to.equal('en');
    // "Link copied" is said in the live region: inside what is marked English.
    expect(bar.shadowRoot!.querySelector('[part="base"] [role="status"]')).to.exist;
  });

  it('takes its colours from the page’s own colour scheme, which the theme attribute overrides', async () => {
    const el = await fixture<HTMLElement>(
      html`<div style="color-scheme: dark"><kith-share networks="reddit" url=${page}></kith-share></div>`,
    );
    const bar = el.querySelector<KithShare>('kith-share')!;
    await ready(bar);
    const color = () => getComputedStyle(buttons(bar)[0]!).color;
    // A page (or part of one) that is dark gets the dark colours, whatever the reader's system
    // prefers; one that declares no scheme (most pages without a dark mode) gets the light ones,
    // so its text never turns light on the page's white for a reader who prefers dark.
    expect(color()).to.equal('rgb(230, 237, 243)');
    el.style.colorScheme = '';
    expect(color()).to.equal('rgb(31, 35, 40)');
    bar.setAttribute('theme', 'dark');
    await bar.updateComplete;
    expect(color()).to.equal('rgb(230, 237, 243)');
  });

  it('draws icons in brand colours, or in the button’s text colour with colors="mono"', async () => {
    const stroke = (el: KithShare) =>
      getComputedStyle(buttons(el)[0]!.querySelector('[part="icon"]')!).stroke;
    const brand = await fixture<KithShare>(html`<kith-share networks="reddit" url=${page}></kith-share>`);
    await ready(brand);
    expect(stroke(brand)).to.equal('rgb(255, 69, 0)');
    const mono = await fixture<KithShare>(
      html`<kith-share colors="mono" style="--kith-share-button-color: rgb(1, 2, 3)" networks="reddit" url=${page}></kith-share>`,
    );
    await ready(mono);
    expect(stroke(mono)).to.equal('rgb(1, 2, 3)');
    // A change of mind redraws the colours.
    mono.colors = 'brand';
    await mono.updateComplete;
    expect(stroke(mono)).to.equal('rgb(255, 69, 0)');
  });

  it('shares the page’s canonical URL and title, and follows a single-page app to its next page', async () => {
    const canonical = Object.assign(document.createElement('link'), {
      rel: 'canonical',
      href: 'https://blog.example/one',
    });
    document.head.append(canonical);
    const title = document.title;
    const go = (path: string, name: string) => {
      canonical.href = `https://blog.example/${path}`;
      document.title = name;
      return { url: `https://blog.example/${path}`, title: name };
    };
    try {
      const one = go('one', 'One');
      const el = await fixture<KithShare>(html`<kith-share networks="reddit x"></kith-share>`);
      await ready(el);
      const [reddit, x] = buttons(el) as [HTMLAnchorElement, HTMLAnchorElement];
      expect(reddit.href).to.equal(shareUrl('reddit', one));
      // The app moves on without touching the element: pointing at a button reads the page again
      // (a middle click or "open in new tab" follows the link as drawn).
      const two = go('two', 'Two');
      reddit.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true }));
      await el.updateComplete;
      expect(reddit.href).to.equal(shareUrl('reddit', two));
      // So does focusing one, and a click, before the link is followed and the event fires.
      const three = go('three', 'Three');
      x.focus();
      await el.updateComplete;
      expect(reddit.href).to.equal(shareUrl('reddit', three));
      const four = go('four', 'Four');
      x.addEventListener('click', (event) => event.preventDefault(), { once: true });
      const fired = oneEvent(el, 'kith-share');
      x.click();
      expect((await fired).detail.url).to.equal(four.url);
      expect(x.href).to.equal(shareUrl('x', four));
    } finally {
      canonical.remove();
      document.title = title;
    }
  });

  it('requests nothing from any network before a click', async () => {
    const before = new Set(performance.getEntriesByType('resource').map((e) => e.name));
    const el = await fixture<KithShare>(
      html`<kith-share url=${page} networks="facebook x reddit linkedin mastodon bluesky threads whatsapp telegram hackernews pinterest email copy"></kith-share>`,
    );
    await ready(el);
    await aTimeout(100);
    const fresh = performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((n) => !before.has(n));
    const foreign = fresh.filter((name) => new URL(name).origin !== location.origin);
    expect(foreign).to.deep.equal([]);
  });

  it('fires a cancelable kith-share event for every share', async () => {
    const el = await fixture<KithShare>(html`<kith-share networks="reddit" url=${page}></kith-share>`);
    await ready(el);
    el.addEventListener('kith-share', (event) => event.preventDefault(), { once: true });
    const opened: string[] = [];
    const link = buttons(el)[0] as HTMLAnchorElement;
    link.addEventListener('click', (event) => {
      if (!event.defaultPrevented) opened.push(link.href);
      event.preventDefault(); // never leave the test page
    });
    const fired = oneEvent(el, 'kith-share');
    link.click();
    const { detail } = await fired;
    expect(detail).to.deep.equal({ network: 'reddit', url: page });
    expect(opened).to.deep.equal([]);
  });

  it('opens networks in a small window with popup, and email as ever', async () => {
    const el = await fixture<KithShare>(
      html`<kith-share popup networks="reddit email" url=${page}></kith-share>`,
    );
    await ready(el);
    const opened: unknown[][] = [];
    const open = window.open;
    window.open = ((...args: unknown[]) => {
      opened.push(args);
      return null;
    }) as typeof window.open;
    const [reddit, email] = buttons(el) as [HTMLAnchorElement, HTMLAnchorElement];
    let emailFollowed = false;
    email.addEventListener('click', (event) => {
      emailFollowed = !event.defaultPrevented;
      event.preventDefault(); // never leave the test page
    });
    try {
      reddit.click();
      email.click();
    } finally {
      window.open = open;
    }
    expect(opened).to.deep.equal([[reddit.href, 'kith-share', 'popup,width=640,height=560,noreferrer']]);
    expect(emailFollowed).to.equal(true);
  });

  it('adds campaign parameters to shared links with utm-campaign, keeping the fragment', async () => {
    const el = await fixture<KithShare>(
      html`<kith-share utm-campaign="spring" networks="reddit linkedin" url=${page}></kith-share>`,
    );
    await ready(el);
    const shared = (buttons(el) as HTMLAnchorElement[]).map(
      (link) => new URL(link.href).searchParams.get('url')!,
    );
    expect(shared).to.deep.equal([
      'https://blog.example/posts/hello?utm_source=reddit&utm_medium=social&utm_campaign=spring#comments',
      'https://blog.example/posts/hello?utm_source=linkedin&utm_medium=social&utm_campaign=spring#comments',
    ]);
  });

  it('copies the link with the Clipboard API and announces it', async () => {
    const copied: string[] = [];
    const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: async (text: string) => void copied.push(text) },
      configurable: true,
    });
    try {
      const el = await fixture<KithShare>(html`<kith-share networks="copy" url=${page}></kith-share>`);
      await ready(el);
      const copy = buttons(el)[0] as HTMLButtonElement;
      copy.focus();
      copy.click();
      const status = el.shadowRoot!.querySelector('[role="status"]')!;
      await waitUntil(() => status.textContent === 'Link copied', `status was "${status.textContent}"`);
      expect(copied).to.deep.equal([page]);
      expect(el.shadowRoot!.activeElement).to.equal(copy);
      expect(copy.querySelector('[part="label"]')!.textContent).to.equal('Copy link');
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
      if (clipboard) Object.defineProperty(Navigator.prototype, 'clipboard', clipboard);
    }
  });

  it('falls back to copying a selection where the Clipboard API is missing, and says when that fails too', async () => {
    const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    const execCommand = document.execCommand;
    let selected: string | undefined;
    let works = true;
    document.execCommand = ((command: string) => {
      const field = document.querySelector('kith-share')!.shadowRoot!.querySelector('textarea')!;
      selected = command === 'copy' ? field.value.slice(field.selectionStart, field.selectionEnd) : undefined;
      return works;
    }) as typeof document.execCommand;
    try {
      const el = await fixture<KithShare>(html`<kith-share networks="copy" url=${page}></kith-share>`);
      await ready(el);
      const status = el.shadowRoot!.querySelector('[role="status"]')!;
      (buttons(el)[0] as HTMLButtonElement).click();
      await waitUntil(() => status.textContent === 'Link copied', `status was "${status.textContent}"`);
      expect(selected).to.equal(page);
      expect(el.shadowRoot!.querySelector('textarea')).to.equal(null);
      works = false;
      (buttons(el)[0] as HTMLButtonElement).click();
      await waitUntil(
        () => status.textContent!.startsWith('Could not copy'),
        `status was "${status.textContent}"`,
      );
    } finally {
      document.execCommand = execCommand;
      delete (navigator as { clipboard?: unknown }).clipboard;
      if (clipboard) Object.defineProperty(Navigator.prototype, 'clipboard', clipboard);
    }
  });

  it('asks for the reader’s Mastodon server in a dialog usable by keyboard alone, and remembers it', async () => {
    const el = await fixture<KithShare>(
      html`<kith-share networks="mastodon" url=${page} share-title="Hi"></kith-share>`,
    );
    await ready(el);
    const mastodon = buttons(el)[0] as HTMLAnchorElement;
    expect(mastodon.href).to.equal(shareUrl('mastodon', { url: page, title: 'Hi' }));
    expect(mastodon.getAttribute('aria-haspopup')).to.equal('dialog');
    mastodon.focus();
    mastodon.click();
    // The picker is its own chunk, loaded on this first click.
    await waitUntil(() => el.shadowRoot!.querySelector('[role="dialog"]'), 'the dialog did not open');
    const dialog = el.shadowRoot!.querySelector<HTMLElement>('[role="dialog"]')!;
    expect(mastodon.getAttribute('aria-expanded')).to.equal('true');
    const input = dialog.querySelector('input')!;
    await waitUntil(() => el.shadowRoot!.activeElement === input, 'the server field did not get focus');
    await expect(el).to.be.accessible();
    // Tab stays inside the dialog.
    const focusable = [...dialog.querySelectorAll<HTMLElement>('input, button, a[href]')];
    focusable.at(-1)!.focus();
    focusable
      .at(-1)!
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, composed: true }));
    expect(el.shadowRoot!.activeElement).to.equal(input);
    // An impossible server is refused with a message tied to the field.
    input.value = 'not a server';
    dialog.querySelector('form')!.requestSubmit();
    await el.updateComplete;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(dialog.querySelector('#mastodon-error')!.textContent).to.contain('mastodon.social');
    // Escape closes and gives focus back.
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="dialog"]')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(mastodon);
    // A valid server: opens its share page and is remembered for next time.
    const opened: string[] = [];
    const open = window.open;
    window.open = ((url: string) => {
      opened.push(url);
      return null;
    }) as typeof window.open;
    try {
      mastodon.click();
      await waitUntil(() => el.shadowRoot!.querySelector('[role="dialog"]'), 'the dialog did not reopen');
      const field = el.shadowRoot!.querySelector<HTMLInputElement>('[role="dialog"] input')!;
      field.value = '@ada@Hachyderm.io';
      el.shadowRoot!.querySelector<HTMLFormElement>('[role="dialog"] form')!.requestSubmit();
      await el.updateComplete;
    } finally {
      window.open = open;
    }
    expect(opened).to.deep.equal([`https://hachyderm.io/share?text=${encodeURIComponent(`Hi ${page}`)}`]);
    expect(localStorage.getItem('kith-mastodon-instance')).to.equal('hachyderm.io');
    el.requestUpdate();
    await el.updateComplete;
    expect((buttons(el)[0] as HTMLAnchorElement).href).to.equal(opened[0]);
  });

  it('asks for the Mastodon server in the reader’s language (its strings come with the bar’s)', async () => {
    const el = await fixture<KithShare>(
      html`<kith-share locale="de" networks="mastodon" url=${page}></kith-share>`,
    );
    await ready(el);
    buttons(el)[0]!.click();
    await waitUntil(
      () => el.shadowRoot!.querySelector('[role="dialog"] label')?.textContent === 'Dein Mastodon-Server',
      'the picker did not speak German',
    );
    const actions = [...el.shadowRoot!.querySelectorAll('[role="dialog"] button')].map((b) => b.textContent);
    expect(actions).to.deep.equal(['Abbrechen', 'Teilen']);
  });

  // Both ways where the browser has anchor positioning (one is made to miss it); floating-ui alone elsewhere.
  for (const anchored of CSS.supports('anchor-name', '--a') ? [true, false] : [false]) {
    it(`places the picker under its button (${anchored ? 'CSS anchor positioning' : 'floating-ui, where anchor positioning is missing'})`, async () => {
      const supports = CSS.supports;
      if (!anchored)
        CSS.supports = ((...args: [string, string?]) =>
          !String(args[0]).startsWith('anchor') && Reflect.apply(supports, CSS, args)) as typeof CSS.supports;
      try {
        const el = await fixture<KithShare>(
          html`<div style="padding: 40px 0 400px 60px"><kith-share networks="x mastodon" url=${page}></kith-share></div>`,
        ).then((wrapper) => wrapper.querySelector('kith-share')!);
        await ready(el);
        const mastodon = buttons(el)[1]!;
        mastodon.click();
        await waitUntil(() => el.shadowRoot!.querySelector('[role="dialog"]'), 'the dialog did not open');
        const dialog = el.shadowRoot!.querySelector<HTMLElement>('[role="dialog"]')!;
        // floating-ui writes inline coordinates; the stylesheet needs none.
        if (!anchored)
          await waitUntil(() => dialog.style.left !== '', 'floating-ui did not place the dialog');
        await waitUntil(() => {
          const box = dialog.getBoundingClientRect();
          const anchor = mastodon.getBoundingClientRect();
          return (
            Math.abs(box.left - anchor.left) < 2 && box.top >= anchor.bottom && box.top - anchor.bottom <= 12
          );
        }, 'the dialog is not under the Mastodon button');
        if (anchored) expect(dialog.style.left).to.equal('');
      } finally {
        CSS.supports = supports;
      }
    });
  }

  it('counts clicks on the site’s own server and shows the totals when asked', async () => {
    let clicks = 0;
    const server = fakeServer((request) => {
      if (request.method === 'POST') clicks += 1;
      return json({ thread: '/posts/hello', counts: { reddit: 3 + clicks }, total: 3 + clicks });
    });
    const el = await fixture<KithShare>(
      html`<kith-share server=${server} site="blog" networks="reddit" counts url=${page}></kith-share>`,
    );
    await ready(el);
    await waitUntil(
      () => el.shadowRoot!.querySelector('[part="count"]')?.textContent?.trim() === '3',
      'counts not shown',
    );
    // Label in name (WCAG 2.5.3): what is seen ("Reddit 3") is said, in order, in the button's name.
    const words = (text: string) => text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    const counted = buttons(el)[0]!;
    expect(words(counted.getAttribute('aria-label')!)).to.contain(words(counted.textContent!));
    expect(counted.getAttribute('aria-label')).to.contain('3 shares');
    expect(requests[0]!.url).to.equal(`${server}/v1/sites/blog/threads/%2Fposts%2Fhello/shares`);
    const link = buttons(el)[0] as HTMLAnchorElement;
    link.addEventListener('click', (event) => event.preventDefault(), { once: true });
    link.click();
    await waitUntil(
      () => el.shadowRoot!.querySelector('[part="count"]')?.textContent?.trim() === '4',
      'click not counted',
    );
    const post = requests.find((r) => r.method === 'POST')!;
    expect(await post.json()).to.deep.equal({ network: 'reddit' });
    expect(post.headers.get('idempotency-key')).to.match(/^[0-9a-f-]{36}$/);
  });

  it('asks for the totals once a server is configured, and again for each page shared', async () => {
    const server = fakeServer((request) =>
      json({ thread: '/x', counts: { reddit: request.url.includes('other') ? 7 : 2 }, total: 0 }),
    );
    const count = (el: KithShare) => el.shadowRoot!.querySelector('[part="count"]')?.textContent?.trim();
    const el = await fixture<KithShare>(html`<kith-share networks="reddit" counts url=${page}></kith-share>`);
    await ready(el);
    await aTimeout(50);
    expect(requests.length).to.equal(0);
    // The configuration arrives later (a <kith-config> defined after the bar, say).
    el.server = server;
    el.site = 'blog';
    await waitUntil(() => count(el) === '2', 'totals not asked once configured');
    el.url = 'https://blog.example/posts/other';
    await waitUntil(() => count(el) === '7', 'totals not asked for the new page');
    expect(requests.map((r) => r.url.slice(server.length))).to.deep.equal([
      '/v1/sites/blog/threads/%2Fposts%2Fhello/shares',
      '/v1/sites/blog/threads/%2Fposts%2Fother/shares',
    ]);
  });

  it('folds into one Share button with a menu that follows the WAI-ARIA menu pattern', async () => {
    const el = await fixture<KithShare>(
      html`<kith-share layout="menu" networks="reddit x copy" url=${page}></kith-share>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('.menu-trigger'), 'the menu button did not render');
    const trigger = el.shadowRoot!.querySelector<HTMLButtonElement>('.menu-trigger')!;
    // Its icon comes with it, in the same batch as the networks.
    expect(trigger.querySelector('svg[part="icon"] path')).to.not.equal(null);
    expect(trigger.getAttribute('aria-haspopup')).to.equal('menu');
    expect(trigger.getAttribute('aria-expanded')).to.equal('false');
    expect(el.shadowRoot!.querySelector('[role="menu"]')).to.equal(null);
    const key = (target: Element, k: string) =>
      target.dispatchEvent(
        new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true }),
      );
    const active = () => el.shadowRoot!.activeElement;
    trigger.focus();
    key(trigger, 'ArrowDown');
    await waitUntil(() => el.shadowRoot!.querySelector('[role="menu"]'), 'the menu did not open');
    await el.updateComplete;
    const items = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    expect(items.map((i) => i.textContent!.trim())).to.deep.equal(['Reddit', 'X', 'Copy link']);
    expect(items.every((i) => i.getAttribute('tabindex') === '-1')).to.equal(true);
    expect(trigger.getAttribute('aria-expanded')).to.equal('true');
    await waitUntil(() => active() === items[0], 'the first item did not get focus');
    await expect(el).to.be.accessible();
    key(items[0]!, 'ArrowDown');
    expect(active()).to.equal(items[1]);
    key(items[1]!, 'End');
    expect(active()).to.equal(items[2]);
    key(items[2]!, 'ArrowDown');
    expect(active()).to.equal(items[0], 'wraps around');
    key(items[0]!, 'ArrowUp');
    expect(active()).to.equal(items[2]);
    key(items[2]!, 'Escape');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="menu"]')).to.equal(null);
    expect(active()).to.equal(trigger);
    // ArrowUp opens on the last item; a click outside closes.
    key(trigger, 'ArrowUp');
    await waitUntil(() => active()?.textContent?.trim() === 'Copy link', 'the last item did not get focus');
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="menu"]')).to.equal(null);
  });

  it('leaves out the system share sheet where the browser has none', async () => {
    const share = Object.getOwnPropertyDescriptor(Navigator.prototype, 'share');
    Object.defineProperty(navigator, 'share', { value: undefined, configurable: true });
    try {
      const el = await fixture<KithShare>(html`<kith-share networks="native copy" url=${page}></kith-share>`);
      await ready(el);
      expect(el.targets).to.deep.equal(['copy']);
    } finally {
      delete (navigator as { share?: unknown }).share;
      if (share) Object.defineProperty(Navigator.prototype, 'share', share);
    }
  });

  it('survives a site owner’s mistakes: a url that is no web address, a network it does not know', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      for (const url of ['http://[::1', 'javascript:alert(1)']) {
        warnings.length = 0;
        const el = await fixture<KithShare>(
          html`<kith-share networks="twitter reddit" url=${url}></kith-share>`,
        );
        await ready(el);
        // The bar still works, sharing the page's own address.
        expect(el.targets).to.deep.equal(['reddit']);
        expect((buttons(el)[0] as HTMLAnchorElement).href).to.equal(
          shareUrl('reddit', { url: location.href, title: document.title }),
        );
        expect(warnings).to.deep.equal([
          `Kith: "${url}" is not a web address`,
          '<kith-share> knows no network twitter',
        ]);
      }
      // Ids in any case, each once; what is no network id (an object's own keys too) is left out.
      warnings.length = 0;
      const el = await fixture<KithShare>(
        html`<kith-share networks="X Facebook, x toString constructor Reddit" url=${page}></kith-share>`,
      );
      await ready(el);
      expect(el.targets).to.deep.equal(['x', 'facebook', 'reddit']);
      expect(buttons(el).map((b) => b.getAttribute('aria-label'))).to.deep.equal([
        'Share on X (opens in a new tab)',
        'Share on Facebook (opens in a new tab)',
        'Share on Reddit (opens in a new tab)',
      ]);
      expect(warnings).to.deep.equal(['<kith-share> knows no network tostring, constructor']);
    } finally {
      console.warn = warn;
    }
  });
});
