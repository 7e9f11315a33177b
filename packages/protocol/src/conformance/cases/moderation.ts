import { Comment, CommentPage } from '../../schemas/comment.js';
import type { CommentPage as CommentPageT, Comment as CommentT, ThreadPage } from '../../types.js';
import { check, expectProblem, expectSchema, expectStatus } from '../assert.js';
import type { Case, Suite } from '../context.js';
import { readEvents } from '../http.js';

/** Pre-moderation, turned on for each case and back off after: the other cases publish at once. */
export function moderationCases(s: Suite): Case[] {
  const moderated = async (run: () => Promise<void>, mode: 'pre' | 'first' = 'pre') => {
    const before = await s.site();
    const site = await s.admin({ moderation: mode });
    check(site.moderation === mode, `the site says it moderates: ${site.moderation}`);
    try {
      await run();
    } finally {
      await s.admin({ moderation: before.moderation });
    }
  };
  const secret = () => s.target.secret;
  /** Every comment awaiting moderation, paging through the queue. */
  const queue = async (limit = 2): Promise<CommentT[]> => {
    const all: CommentT[] = [];
    let cursor: string | null = null;
    do {
      const reply: { status: number; body: CommentPageT } = await s.call<CommentPageT>(
        `${s.sitePath}/admin/pending?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
        { token: secret() },
      );
      expectStatus(reply as never, 200);
      expectSchema(CommentPage, reply.body, 'a page of the moderation queue');
      all.push(...reply.body.comments);
      cursor = reply.body.nextCursor;
    } while (cursor);
    return all;
  };
  const page = (key: string, token?: string) => s.call<ThreadPage>(s.threadPath(key), { token });

  return [
    {
      name: 'pre-moderation: a new comment waits, seen by its author only, counted nowhere',
      async run() {
        await moderated(async () => {
          const author = await s.guest('Waiting');
          const key = s.newThreadKey('moderated');
          const comment = await s.post(key, author.token, 'Please approve me');
          check(comment.status === 'pending', `the comment waits: ${comment.status}`);
          const anyone = await page(key);
          expectStatus(anyone, 200);
          check(anyone.body.comments.length === 0, 'others do not see it');
          check(anyone.body.thread.commentCount === 0, 'it is not counted');
          const own = await page(key, author.token);
          check(
            own.body.viewer?.pending.some((c) => c.id === comment.id),
            'its author sees it as pending',
          );
          const counts = await s.call<{ counts: Record<string, number> }>(
            `${s.sitePath}/counts?thread=${encodeURIComponent(key)}`,
          );
          check((counts.body.counts[key] ?? 0) === 0, `the batch count leaves it out: ${counts.text}`);
          expectProblem(await s.call(`${s.sitePath}/comments/${comment.id}`), 'comment-not-found', 404);
          // Nobody can reply to it yet, nor react to it.
          expectProblem(
            await s.call(`${s.threadPath(key)}/comments`, {
              method: 'POST',
              token: (await s.guest()).token,
              body: { markdown: 'early reply', parentId: comment.id },
            }),
            'parent-not-found',
            404,
          );
        });
      },
    },
    {
      name: 'moderation queue: the site secret lists what waits, oldest first, in pages',
      async run() {
        await moderated(async () => {
          const author = await s.guest();
          const key = s.newThreadKey('queue');
          const posted = [];
          for (const text of ['one', 'two', 'three']) posted.push(await s.post(key, author.token, text));
          const mine = (await queue()).filter((c) => c.threadKey === key);
          check(
            mine.map((c) => c.id).join() === posted.map((c) => c.id).join(),
            `every waiting comment once, oldest first, with its thread: ${mine.map((c) => c.markdown)}`,
          );
          expectProblem(await s.call(`${s.sitePath}/admin/pending`), 'unauthorized', 401);
          expectProblem(
            await s.call(`${s.sitePath}/admin/pending`, { token: author.token }),
            'forbidden',
            403,
          );
          expectProblem(
            await s.call(`${s.sitePath}/admin/pending?cursor=forged.cursor`, { token: secret() }),
            'invalid-cursor',
            400,
          );
          for (const c of posted)
            await s.call(`${s.sitePath}/admin/comments/${c.id}`, { method: 'DELETE', token: secret() });
        });
      },
    },
    {
      name: 'approve: the comment is published, counted and announced live',
      async run() {
        await moderated(async () => {
          const author = await s.guest('Approved');
          const key = s.newThreadKey('approve');
          const comment = await s.post(key, author.token, 'Worth the wait');
          const url = `${s.sitePath}/admin/comments/${comment.id}/approve`;
          let approved: { status: number; body: CommentT } | undefined;
          const events = await readEvents(s.eventsUrl(key), {
            count: 1,
            timeoutMs: 5000,
            onOpen: async () => {
              approved = await s.call<CommentT>(url, { method: 'POST', token: secret() });
            },
          });
          expectStatus(approved as never, 200);
          expectSchema(Comment, approved!.body, 'the approved comment');
          check(approved!.body.status === 'published', 'it is published');
          check(
            events[0]?.event === 'comment.created' && JSON.parse(events[0].data).comment.id === comment.id,
            `readers hear of it as a new comment: ${JSON.stringify(events[0])}`,
          );
          const anyone = await page(key);
          check(anyone.body.comments[0]?.id === comment.id, 'everyone sees it');
          check(
            anyone.body.thread.commentCount === 1 && anyone.body.thread.topLevelCount === 1,
            'it is counted',
          );
          const own = await page(key, author.token);
          check(!own.body.viewer?.pending.some((c) => c.id === comment.id), 'it no longer waits');
          // Approving again changes nothing; a reply to it is held for moderation in turn.
          const again = await s.call<CommentT>(url, { method: 'POST', token: secret() });
          expectStatus(again, 200);
          check((await page(key)).body.thread.commentCount === 1, 'approving twice counts once');
          const reply = await s.post(key, (await s.guest()).token, 'A reply', comment.id);
          check(reply.status === 'pending', 'replies wait too');
        });
      },
    },
    {
      name: 'first-time moderation: a new author waits until one of their comments is approved',
      async run() {
        await moderated(async () => {
          const key = s.newThreadKey('first');
          const newcomer = await s.guest('Newcomer');
          const first = await s.post(key, newcomer.token, 'My first comment here');
          check(first.status === 'pending', `a first comment waits: ${first.status}`);
          const second = await s.post(key, newcomer.token, 'Still new');
          check(second.status === 'pending', 'so does the next, until one is approved');
          expectStatus(
            await s.call(`${s.sitePath}/admin/comments/${first.id}/approve`, {
              method: 'POST',
              token: secret(),
            }),
            200,
          );
          const trusted = await s.post(key, newcomer.token, 'Now I am known');
          check(trusted.status === 'published', `an approved author publishes at once: ${trusted.status}`);
          const stranger = await s.post(key, (await s.guest('Stranger')).token, 'Hello');
          check(stranger.status === 'pending', 'another newcomer still waits');
          await s.call(`${s.sitePath}/admin/comments/${second.id}`, { method: 'DELETE', token: secret() });
          await s.call(`${s.sitePath}/admin/comments/${stranger.id}`, { method: 'DELETE', token: secret() });
        }, 'first');
      },
    },
    {
      name: 'remove: a waiting comment is rejected and gone; a published one leaves a tombstone',
      async run() {
        const author = await s.guest();
        const key = s.newThreadKey('remove');
        const published = await s.post(key, author.token, 'Spam that got through');
        const reply = await s.post(key, author.token, 'A reply that stays', published.id);
        await moderated(async () => {
          const waiting = await s.post(key, author.token, 'Spam caught in time');
          const rejected = await s.call(`${s.sitePath}/admin/comments/${waiting.id}`, {
            method: 'DELETE',
            token: secret(),
          });
          expectStatus(rejected, 204);
          const own = await page(key, author.token);
          check(!own.body.viewer?.pending.some((c) => c.id === waiting.id), 'the rejected comment is gone');
          check(!(await queue()).some((c) => c.id === waiting.id), 'and out of the queue');
          expectProblem(
            await s.call(`${s.sitePath}/admin/comments/${waiting.id}/approve`, {
              method: 'POST',
              token: secret(),
            }),
            'comment-not-found',
            404,
          );
        });
        const removed = await s.call(`${s.sitePath}/admin/comments/${published.id}`, {
          method: 'DELETE',
          token: secret(),
        });
        expectStatus(removed, 204);
        const after = await page(key);
        const tombstone = after.body.comments.find((c) => c.id === published.id);
        check(
          tombstone?.deleted === true && tombstone.html === '' && tombstone.author === null,
          'a tombstone stays',
        );
        check(
          tombstone?.replies.comments.some((c) => c.id === reply.id),
          'its reply keeps its place',
        );
        check(
          after.body.thread.commentCount === 1,
          `the removed comment is counted out: ${after.body.thread.commentCount}`,
        );
        // Removing again is no error; the author cannot do it (no moderator), nor anyone without the secret.
        expectStatus(
          await s.call(`${s.sitePath}/admin/comments/${published.id}`, { method: 'DELETE', token: secret() }),
          204,
        );
        expectProblem(
          await s.call(`${s.sitePath}/admin/comments/${reply.id}`, { method: 'DELETE', token: author.token }),
          'forbidden',
          403,
        );
        expectProblem(
          await s.call(`${s.sitePath}/admin/comments/nope123`, { method: 'DELETE', token: secret() }),
          'comment-not-found',
          404,
        );
      },
    },
  ];
}
