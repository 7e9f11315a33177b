import { check, expectProblem, expectStatus } from '../assert.js';
import type { Case, Suite } from '../context.js';

/** Atom feeds of a thread's and a site's latest comments. */
export function feedCases(s: Suite): Case[] {
  return [
    {
      name: 'feeds: a thread’s and the site’s latest comments as Atom, newest first, escaped, deleted ones left out; 304 while unchanged',
      async run() {
        const key = s.newThreadKey('feed');
        const guest = await s.guest('Feed & <Reader>');
        const first = await s.post(key, guest.token, 'One & <script>alert(1)</script>');
        const gone = await s.post(key, guest.token, 'Soon deleted');
        const last = await s.post(key, guest.token, 'Two');
        expectStatus(
          await s.call(`${s.sitePath}/comments/${gone.id}`, { method: 'DELETE', token: guest.token }),
          200,
        );

        const feed = await s.call(`${s.threadPath(key)}/feed.atom`);
        expectStatus(feed, 200);
        check(/^application\/atom\+xml/.test(feed.headers.get('content-type') ?? ''), 'served as Atom');
        const text = feed.text;
        check(
          text.includes('<feed xmlns="http://www.w3.org/2005/Atom">'),
          `an Atom feed: ${text.slice(0, 200)}`,
        );
        const order = [first.id, gone.id, last.id]
          .map((id) => ({ id, at: text.indexOf(`:${id}</id>`) }))
          .filter((e) => e.at >= 0)
          .sort((a, b) => a.at - b.at)
          .map((e) => e.id);
        check(
          order.join() === [last.id, first.id].join(),
          `newest first, the deleted one left out: ${order}`,
        );
        check(!text.includes('<script'), 'the comment’s text is escaped');
        check(text.includes('Feed &amp; &lt;Reader&gt;'), 'the author’s name is escaped');

        // A feed reader that has the latest feed is told so, with no body.
        const etag = feed.headers.get('etag');
        check(etag !== null, 'the feed carries an ETag');
        const again = await s.call(`${s.threadPath(key)}/feed.atom`, { headers: { 'if-none-match': etag! } });
        expectStatus(again, 304);
        check(again.text === '', 'a 304 has no body');
        await s.post(key, guest.token, 'Three');
        const changed = await s.call(`${s.threadPath(key)}/feed.atom`, {
          headers: { 'if-none-match': etag! },
        });
        expectStatus(changed, 200);
        check(changed.text.includes('Three'), 'a changed feed comes in full');

        const site = await s.call(`${s.sitePath}/feed.atom`);
        expectStatus(site, 200);
        check(site.text.includes(`:${last.id}</id>`), 'the site’s feed has the thread’s comments');
        const empty = await s.call(`${s.threadPath(s.newThreadKey('quiet'))}/feed.atom`);
        expectStatus(empty, 200);
        check(!empty.text.includes('<entry>'), 'a thread without comments has an empty feed');
        expectProblem(await s.call('/v1/sites/no-such-site-here/feed.atom'), 'site-not-found', 404);
      },
    },
  ];
}
