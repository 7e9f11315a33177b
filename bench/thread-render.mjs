#!/usr/bin/env node
// Rendering kith-thread in headless Chromium (the embed build, as a page gets it):
// 1. 1,000 comments (100 top-level, 9 replies each): from attaching the element with the data
//    already at hand (answered from memory, code loaded) to the last comment painted, against
//    setting the same comments as static HTML in the same page, and the JS heap used.
// 2. A 5,000-comment thread stays paged: scrolling while "Load more" brings ten more pages, with
//    every long task (> 50 ms) recorded.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../scripts/lib/chromium.mjs';

const dist = fileURLToPath(new URL('../packages/embed/dist', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 5);

// The page answers the thread's requests from memory, so only rendering is measured.
const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>
<script>
const at = new Date(Date.now() - 3600e3).toISOString();
const author = (i) => ({ id: 'u' + (i % 50), name: 'Reader ' + (i % 50), kind: 'guest', avatarUrl: null });
const comment = (id, i, parent, root, depth) => ({ id, threadKey: '/t', parentId: parent, rootId: root, depth,
  author: author(i), markdown: 'x', html: '<p>Comment <strong>' + i + '</strong> with a <a href="https://example.com/' + i + '">link</a> and some text to wrap across the line like real comments do.</p>',
  status: 'published', deleted: false, createdAt: at, editedAt: null, reactions: i % 3 ? {} : { '+1': i % 7 }, replyCount: 0 });
function threadPage(key, cursor) {
  if (key.startsWith('/big')) {
    const start = Number(cursor || 0);
    const comments = [];
    for (let i = start; i < Math.min(start + 20, 5000); i++) comments.push({ ...comment('b' + i, i, null, null, 0), replies: { comments: [], nextCursor: null } });
    return { thread: { key, closed: false, commentCount: 5000, topLevelCount: 5000, createdAt: null }, sort: 'new', comments, nextCursor: start + 20 < 5000 ? String(start + 20) : null, viewer: null };
  }
  const comments = [];
  let n = 0;
  for (let t = 0; t < 100; t++) {
    const rootId = 'c' + n;
    const root = { ...comment(rootId, n++, null, null, 0), replyCount: 9 };
    const replies = [];
    let parent = rootId;
    for (let r = 0; r < 9; r++) {
      const id = 'c' + n;
      replies.push(comment(id, n++, r % 3 === 0 ? rootId : parent, rootId, r % 3 === 0 ? 1 : 2));
      parent = id;
    }
    comments.push({ ...root, replies: { comments: replies, nextCursor: null } });
  }
  return { thread: { key, closed: false, commentCount: n, topLevelCount: 100, createdAt: null }, sort: 'new', comments, nextCursor: null, viewer: null };
}
const site = { id: 'b', name: 'b', protocol: 'kith/1', features: { comments: true, reactions: true, guests: true, realtime: false, shareCounts: false, events: false },
  moderation: 'none', proofOfWork: 'none', reactions: ['+1', 'heart'], limits: { commentMaxLength: 1000, editWindowSeconds: 900, pageSize: 20, maxPageSize: 100, repliesPreview: 3, countsBatchMax: 100,
  rateLimit: { comments: { max: 1, windowSeconds: 1 }, sessions: { max: 1, windowSeconds: 1 }, reactions: { max: 1, windowSeconds: 1 }, shares: { max: 1, windowSeconds: 1 }, rsvps: { max: 1, windowSeconds: 1 } } } };
// Two frames: whatever the previous run left (removing its nodes) is laid out before the clock starts.
const settled = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
const realFetch = fetch;
window.fetch = async (input, init) => {
  const url = new URL(new Request(input, init).url);
  if (url.hostname !== 'bench.kith.test') return realFetch(input, init);
  const json = (body) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  const m = url.pathname.match(/threads\\/([^/]+)$/);
  if (m) return json(threadPage(decodeURIComponent(m[1]), url.searchParams.get('cursor')));
  if (url.pathname.endsWith('/b') || url.pathname.endsWith('/b/')) return json(site);
  return new Promise(() => {});
};
</script>
<script type="module" src="/embed/kith.js" data-server="https://bench.kith.test" data-site="b"></script>
</head><body><main id="main"></main></body></html>`;

const types = { '.js': 'text/javascript', '.html': 'text/html' };
const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (path === '/') {
    res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    return;
  }
  try {
    const file = join(dist, normalize(path.replace(/^\/embed\//, '')).replace(/^(\.\.[/\\])+/, ''));
    const body = readFileSync(file);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launchChromium();

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

try {
  const tab = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  const cdp = await tab.context().newCDPSession(tab);
  await tab.goto(base);
  // Load the element's code once (not measured).
  await tab.evaluate(async () => {
    const warm = document.createElement('kith-thread');
    warm.setAttribute('thread', '/warm');
    document.body.append(warm);
    await customElements.whenDefined('kith-thread');
    await new Promise((resolve) => setTimeout(resolve, 500));
    warm.remove();
  });
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const element = [];
  const staticHtml = [];
  let heapUsed = 0;
  for (let run = 0; run < runs; run++) {
    const before = await heap();
    element.push(
      await tab.evaluate(async (run) => {
        const main = document.getElementById('main');
        main.replaceChildren();
        await settled();
        const start = performance.now();
        const el = document.createElement('kith-thread');
        el.setAttribute('thread', `/thousand-${run}`);
        el.setAttribute('live', '');
        el.live = false;
        main.append(el);
        await new Promise((resolve) => {
          const check = () =>
            el.shadowRoot?.querySelectorAll('article').length === 1000
              ? resolve()
              : requestAnimationFrame(check);
          check();
        });
        await el.updateComplete;
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        return performance.now() - start;
      }, run),
    );
    heapUsed = (await heap()) - before;
    staticHtml.push(
      await tab.evaluate(async () => {
        const main = document.getElementById('main');
        main.replaceChildren();
        await settled();
        const data = window.threadPageForStatic ?? (window.threadPageForStatic = threadPage('/static'));
        const escapeHtml = (s) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
        const article = (c, inner) =>
          `<article id="kith-comment-${c.id}"><header><span>${escapeHtml(c.author.name.slice(0, 1))}</span><span>${escapeHtml(c.author.name)}</span><a href="#kith-comment-${c.id}"><time datetime="${c.createdAt}" title="${c.createdAt}">1 hour ago</time></a></header><div>${c.html}</div><div><button>👍</button><button>❤️</button><button>Reply</button></div>${inner}</article>`;
        const html = `<ol>${data.comments
          .map((root) => {
            const children = (id) => root.replies.comments.filter((r) => r.parentId === id);
            const tree = (id) => {
              const kids = children(id);
              return kids.length
                ? `<ol>${kids.map((k) => `<li>${article(k, tree(k.id))}</li>`).join('')}</ol>`
                : '';
            };
            return `<li>${article(root, tree(root.id))}</li>`;
          })
          .join('')}</ol>`;
        const start = performance.now();
        main.innerHTML = html;
        return new Promise((resolve) =>
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - start))),
        );
      }),
    );
  }
  const el = median(element);
  const plain = median(staticHtml);
  console.log(`1,000 comments, attach to last paint (median of ${runs}):`);
  console.log(`  kith-thread: ${el.toFixed(1)} ms`);
  console.log(`  the same comments as static HTML: ${plain.toFixed(1)} ms`);
  console.log(`  ratio: ${(el / plain).toFixed(2)}× (aim ≤ 2×)`);
  console.log(
    `  JS heap held by the element and its 1,000 comments: ${(heapUsed / 1024 / 1024).toFixed(1)} MB`,
  );

  // 5,000 comments: paged; scroll while ten more pages load, recording long tasks.
  const scroll = await tab.evaluate(async () => {
    const main = document.getElementById('main');
    main.replaceChildren();
    const tasks = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    });
    observer.observe({ type: 'longtask' });
    const el = document.createElement('kith-thread');
    el.setAttribute('thread', '/big');
    el.live = false;
    main.append(el);
    await new Promise((resolve) => {
      const check = () =>
        el.shadowRoot?.querySelectorAll('article').length ? resolve() : requestAnimationFrame(check);
      check();
    });
    let pages = 0;
    for (let frame = 0; frame < 600 && pages < 10; frame++) {
      window.scrollBy(0, 40);
      const more = el.shadowRoot.querySelector('[part="more"]');
      if (more && more.getBoundingClientRect().top < innerHeight * 1.5 && !more.disabled) {
        more.click();
        pages += 1;
      }
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    observer.disconnect();
    return {
      shown: el.shadowRoot.querySelectorAll('article').length,
      total: el.store.$state.get().meta.commentCount,
      pages,
      longTasks: tasks.length,
      longest: tasks.length ? Math.max(...tasks) : 0,
    };
  });
  console.log(
    `\n5,000-comment thread: ${scroll.shown} of ${scroll.total} shown after scrolling through ${scroll.pages} more pages`,
  );
  console.log(
    `  long tasks (> 50 ms) while scrolling and loading: ${scroll.longTasks}${scroll.longTasks ? `, longest ${scroll.longest.toFixed(0)} ms` : ''}`,
  );
} finally {
  await browser.close();
  server.close();
}
