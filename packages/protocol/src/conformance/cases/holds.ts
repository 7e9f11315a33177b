import { SiteSettings } from '../../schemas/site.js';
import type { Comment, SiteSettings as Settings } from '../../types.js';
import { check, expectProblem, expectSchema, expectStatus } from '../assert.js';
import type { Case, Suite } from '../context.js';

/** Hold rules (links, words), set for each case and put back after. */
export function holdCases(s: Suite): Case[] {
  const settings = () => s.call<Settings>(`${s.sitePath}/admin/settings`, { token: s.target.secret });

  return [
    {
      name: 'hold rules: too many links or a listed word keep a comment for approval, whatever the moderation mode',
      async run() {
        const before = (await settings()).body;
        await s.admin({ moderation: 'none', holdLinks: 2, holdWords: ['casino', 'cheap pills'] });
        try {
          const read = await settings();
          expectStatus(read, 200);
          expectSchema(SiteSettings, read.body, 'the owner’s settings');
          check(
            read.body.holdLinks === 2 && read.body.holdWords.includes('cheap pills'),
            'the owner reads back the rules',
          );
          expectProblem(await s.call(`${s.sitePath}/admin/settings`), 'unauthorized', 401);
          const site = await s.site();
          check(!JSON.stringify(site).includes('casino'), 'readers never see the words');

          const guest = await s.guest('Rules');
          const key = s.newThreadKey('holds');
          const status = async (markdown: string, token = guest.token) =>
            (await s.post(key, token, markdown)).status;
          check((await status('One link: https://example.com/a')) === 'published', 'one link is fine');
          check(
            (await status('[a](https://example.com/a) and [b](https://example.com/b)')) === 'pending',
            'two links wait',
          );
          check(
            (await status('www.example.com and https://example.org')) === 'pending',
            'bare addresses are links too',
          );
          check((await status('Best CASINO bonus!')) === 'pending', 'a listed word waits, in any case');
          check((await status('ｃａｓｉｎｏ night')) === 'pending', 'full-width letters are the same word');
          check((await status('Cheap   pills here')) === 'pending', 'a phrase matches across spaces');
          check((await status('Casinos and occasional bets')) === 'published', 'whole words only');
          const named = await s.guest('Cheap Pills Shop');
          check(
            (await status('Hello', named.token)) === 'pending',
            'a listed word in the author’s name waits',
          );

          // A published comment cannot be edited into one that would have waited.
          const fine = await s.post(key, guest.token, 'Innocent');
          const edit = (id: string, markdown: string) =>
            s.call<Comment>(`${s.sitePath}/comments/${id}`, {
              method: 'PATCH',
              token: guest.token,
              body: { markdown },
            });
          expectProblem(await edit(fine.id, 'Now with casino links'), 'edit-held', 422);
          expectStatus(await edit(fine.id, 'Innocent, edited'), 200);

          const page = await s.call(s.threadPath(key));
          check(
            page.body.thread.commentCount === 3,
            `only the unheld comments count: ${page.body.thread.commentCount}`,
          );
        } finally {
          await s.admin({
            moderation: before.moderation,
            holdLinks: before.holdLinks,
            holdWords: before.holdWords,
          });
        }
      },
    },
  ];
}
