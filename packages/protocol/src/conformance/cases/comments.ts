import {
  Comment,
  CommentPage,
  Preview,
  ReactionState,
  ThreadMeta,
  ThreadPage,
} from '../../schemas/comment.js';
import type { Comment as CommentT, ThreadPage as ThreadPageT } from '../../types.js';
import { check, expectProblem, expectSchema, expectStatus } from '../assert.js';
import { type Case, type Suite, sleep } from '../context.js';
import type { Reply } from '../http.js';

export function commentCases(s: Suite): Case[] {
  return [
    {
      name: 'post a comment: Markdown in, sanitized HTML out, shown in its thread',
      async run() {
        const guest = await s.guest('Poster');
        const key = s.newThreadKey();
        const markdown =
          'Hello **bold** <script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))';
        const comment = await s.post(key, guest.token, markdown);
        expectSchema(Comment, comment, 'the comment');
        check(comment.markdown === markdown, 'the Markdown source is kept');
        check(comment.html.includes('<strong>bold</strong>'), 'Markdown is rendered');
        check(
          !/<(script|img|svg|iframe)/i.test(comment.html),
          `raw HTML is not passed through: ${comment.html}`,
        );
        check(!/<[^>]*\son\w+\s*=/i.test(comment.html), `no event handler attributes: ${comment.html}`);
        check(!/href="javascript:/i.test(comment.html), 'javascript: links are dropped');
        check(
          comment.author?.name === 'Poster' && comment.depth === 0 && comment.parentId === null,
          'author and position',
        );
        const page = await s.call<ThreadPageT>(s.threadPath(key));
        expectStatus(page, 200);
        expectSchema(ThreadPage, page.body, 'the thread page');
        check(page.body.comments[0]?.id === comment.id, 'the new comment is on the first page');
        check(
          page.body.thread.commentCount === 1 && page.body.thread.topLevelCount === 1,
          'counts are updated',
        );
      },
    },
    {
      name: 'a thread with no comments yet is an empty page',
      async run() {
        const reply = await s.call<ThreadPageT>(s.threadPath(s.newThreadKey()));
        expectStatus(reply, 200);
        expectSchema(ThreadPage, reply.body, 'the thread page');
        check(reply.body.comments.length === 0 && reply.body.thread.commentCount === 0, 'no comments');
      },
    },
    {
      name: 'keyset pages in new, old and top order visit every comment once',
      async run() {
        const guest = await s.guest();
        const fan = await s.guest('Fan');
        const key = s.newThreadKey();
        const made: CommentT[] = [];
        for (let i = 0; i < 7; i++) made.push(await s.post(key, guest.token, `comment ${i}`));
        // Reactions make a "top" order different from both time orders.
        const reaction = (await s.site()).reactions[0];
        if (reaction) {
          for (const [index, voter] of [
            [5, guest],
            [5, fan],
            [2, guest],
          ] as const) {
            const url = `${s.sitePath}/comments/${made[index]!.id}/reactions`;
            expectStatus(
              await s.call(url, { method: 'POST', token: voter.token, body: { reaction, active: true } }),
              200,
            );
          }
        }
        const walk = async (sort: string) => {
          const ids: string[] = [];
          let cursor: string | null = null;
          for (let guard = 0; guard < 10; guard++) {
            const q: string = `?sort=${sort}&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
            const page = await s.call<ThreadPageT>(s.threadPath(key) + q);
            expectStatus(page, 200);
            check(page.body.comments.length <= 3, 'a page holds at most limit comments');
            ids.push(...page.body.comments.map((c) => c.id));
            cursor = page.body.nextCursor;
            if (!cursor) break;
          }
          return ids;
        };
        const oldest = made.map((c) => c.id);
        const old = await walk('old');
        check(JSON.stringify(old) === JSON.stringify(oldest), `sort=old pages give posting order: ${old}`);
        const newest = await walk('new');
        check(
          JSON.stringify(newest) === JSON.stringify([...oldest].reverse()),
          'sort=new pages give reverse order',
        );
        const top = await walk('top');
        check(top.length === 7 && new Set(top).size === 7, 'sort=top visits each comment once');
        if (reaction)
          check(top[0] === made[5]!.id && top[1] === made[2]!.id, 'sort=top puts the most reactions first');
      },
    },
    {
      name: 'replies at any depth, with their own pages',
      async run() {
        const guest = await s.guest();
        const key = s.newThreadKey();
        const root = await s.post(key, guest.token, 'root');
        const child = await s.post(key, guest.token, 'child', root.id);
        const grandchild = await s.post(key, guest.token, 'grandchild', child.id);
        check(
          child.parentId === root.id && child.rootId === root.id && child.depth === 1,
          'a reply knows its parent',
        );
        check(grandchild.depth === 2 && grandchild.rootId === root.id, 'a reply to a reply is one deeper');
        for (let i = 0; i < 4; i++) await s.post(key, guest.token, `more ${i}`, root.id);
        const page = await s.call<ThreadPageT>(s.threadPath(key));
        const top = page.body.comments[0]!;
        check(
          top.id === root.id && top.replyCount === 6,
          `the root counts all its replies (${top.replyCount})`,
        );
        check(top.replies.comments[0]?.id === child.id, 'the first replies come inline, oldest first');
        check(
          page.body.thread.commentCount === 7 && page.body.thread.topLevelCount === 1,
          'thread counts include replies',
        );
        const all: string[] = top.replies.comments.map((c) => c.id);
        let cursor = top.replies.nextCursor;
        check(cursor !== null, 'more replies than the preview gives a cursor');
        while (cursor) {
          const more: Reply = await s.call(
            `${s.sitePath}/comments/${root.id}/replies?limit=2&cursor=${encodeURIComponent(cursor)}`,
          );
          expectStatus(more, 200);
          expectSchema(CommentPage, more.body, 'a replies page');
          all.push(...more.body.comments.map((c: CommentT) => c.id));
          cursor = more.body.nextCursor;
        }
        check(all.length === 6 && new Set(all).size === 6, `every reply once (${all.length})`);
        const sub = await s.call(`${s.sitePath}/comments/${child.id}/replies`);
        check(
          sub.body.comments.length === 1 && sub.body.comments[0].id === grandchild.id,
          'a subtree page holds only that subtree',
        );
      },
    },
    {
      name: 'reply to an unknown comment or unknown comment pages: 404',
      async run() {
        const guest = await s.guest();
        const key = s.newThreadKey();
        const other = await s.post(s.newThreadKey(), guest.token, 'in another thread');
        for (const parentId of ['nope1234', other.id]) {
          expectProblem(
            await s.call(`${s.threadPath(key)}/comments`, {
              method: 'POST',
              token: guest.token,
              body: { markdown: 'x', parentId },
            }),
            'parent-not-found',
            404,
          );
        }
        expectProblem(await s.call(`${s.sitePath}/comments/nope1234/replies`), 'comment-not-found', 404);
        expectProblem(
          await s.call(`${s.sitePath}/comments/nope1234`, {
            method: 'PATCH',
            token: guest.token,
            body: { markdown: 'x' },
          }),
          'comment-not-found',
          404,
        );
      },
    },
    {
      name: 'edit own comment; others may not (403)',
      async run() {
        const author = await s.guest('Author');
        const other = await s.guest('Other');
        const comment = await s.post(s.newThreadKey(), author.token, 'first *draft*');
        const url = `${s.sitePath}/comments/${comment.id}`;
        const edited = await s.call(url, {
          method: 'PATCH',
          token: author.token,
          body: { markdown: 'second **take**' },
        });
        expectStatus(edited, 200);
        expectSchema(Comment, edited.body, 'the edited comment');
        check(
          edited.body.html.includes('<strong>take</strong>') && edited.body.editedAt,
          'the edit is rendered and marked',
        );
        expectProblem(
          await s.call(url, { method: 'PATCH', token: other.token, body: { markdown: 'hijack' } }),
          'forbidden',
          403,
        );
        expectProblem(await s.call(url, { method: 'DELETE', token: other.token }), 'forbidden', 403);
        expectProblem(
          await s.call(url, { method: 'PATCH', token: author.token, body: { markdown: ' ' } }),
          'validation-failed',
          422,
        );
        expectProblem(
          await s.call(url, { method: 'PATCH', body: { markdown: 'anon' } }),
          'unauthorized',
          401,
        );
      },
    },
    {
      name: 'editing or deleting after the edit window: 403 edit-window-closed',
      async run() {
        const before = await s.site();
        await s.admin({ editWindowSeconds: 1 });
        try {
          const author = await s.guest();
          const comment = await s.post(s.newThreadKey(), author.token, 'quick');
          await sleep(1500);
          const url = `${s.sitePath}/comments/${comment.id}`;
          expectProblem(
            await s.call(url, { method: 'PATCH', token: author.token, body: { markdown: 'late' } }),
            'edit-window-closed',
            403,
          );
          expectProblem(
            await s.call(url, { method: 'DELETE', token: author.token }),
            'edit-window-closed',
            403,
          );
        } finally {
          await s.admin({ editWindowSeconds: before.limits.editWindowSeconds });
        }
      },
    },
    {
      name: 'delete own comment: the body goes, replies stay',
      async run() {
        const author = await s.guest();
        const replier = await s.guest();
        const key = s.newThreadKey();
        const root = await s.post(key, author.token, 'to be removed');
        const reply = await s.post(key, replier.token, 'still here', root.id);
        const deleted = await s.call(`${s.sitePath}/comments/${root.id}`, {
          method: 'DELETE',
          token: author.token,
        });
        expectStatus(deleted, 200);
        expectSchema(Comment, deleted.body, 'the deleted comment');
        check(
          deleted.body.deleted &&
            deleted.body.markdown === '' &&
            deleted.body.html === '' &&
            deleted.body.author === null,
          'nothing of the body or author is left',
        );
        const page = await s.call<ThreadPageT>(s.threadPath(key));
        const top = page.body.comments[0]!;
        check(top.id === root.id && top.deleted, 'the deleted comment keeps its place');
        check(top.replies.comments[0]?.id === reply.id, 'its replies stay');
        check(page.body.thread.commentCount === 1, 'the count drops by one');
        expectProblem(
          await s.call(`${s.sitePath}/comments/${root.id}`, { method: 'DELETE', token: author.token }),
          'comment-deleted',
          409,
        );
        expectProblem(
          await s.call(`${s.threadPath(key)}/comments`, {
            method: 'POST',
            token: replier.token,
            body: { markdown: 'x', parentId: root.id },
          }),
          'comment-deleted',
          409,
        );
      },
    },
    {
      name: 'reactions: the site’s set, toggled per user, counted',
      async run() {
        const site = await s.site();
        const reaction = site.reactions[0];
        if (!reaction) return;
        const a = await s.guest();
        const b = await s.guest();
        const key = s.newThreadKey();
        const comment = await s.post(key, a.token, 'react to me');
        const url = `${s.sitePath}/comments/${comment.id}/reactions`;
        const on = await s.call(url, { method: 'POST', token: a.token, body: { reaction } });
        expectStatus(on, 200);
        expectSchema(ReactionState, on.body, 'the reaction state');
        check(on.body.reactions[reaction] === 1 && on.body.mine.includes(reaction), 'toggled on');
        await s.call(url, { method: 'POST', token: b.token, body: { reaction, active: true } });
        const again = await s.call(url, { method: 'POST', token: b.token, body: { reaction, active: true } });
        check(again.body.reactions[reaction] === 2, 'active:true twice counts once');
        const off = await s.call(url, { method: 'POST', token: a.token, body: { reaction } });
        check(off.body.reactions[reaction] === 1 && !off.body.mine.includes(reaction), 'toggled off');
        const page = await s.call<ThreadPageT>(s.threadPath(key), { token: b.token });
        check(
          page.body.viewer?.reactions[comment.id]?.includes(reaction),
          'the reader sees their own reactions',
        );
        check(page.body.comments[0]?.reactions[reaction] === 1, 'counts show in the thread');
        expectProblem(
          await s.call(url, { method: 'POST', token: a.token, body: { reaction: 'not-offered-zz' } }),
          'validation-failed',
          422,
        );
        expectProblem(await s.call(url, { method: 'POST', body: { reaction } }), 'unauthorized', 401);
        expectProblem(
          await s.call(`${s.sitePath}/comments/nope1234/reactions`, {
            method: 'POST',
            token: a.token,
            body: { reaction },
          }),
          'comment-not-found',
          404,
        );
      },
    },
    {
      name: 'batch counts for many threads in one request',
      async run() {
        const guest = await s.guest();
        const a = s.newThreadKey();
        const b = s.newThreadKey();
        await s.post(a, guest.token, '1');
        await s.post(a, guest.token, '2');
        await s.post(b, guest.token, '3');
        const unknown = s.newThreadKey();
        const q = [a, b, unknown].map((k) => `thread=${encodeURIComponent(k)}`).join('&');
        const reply = await s.call(`${s.sitePath}/counts?${q}`);
        expectStatus(reply, 200);
        check(
          reply.body.counts[a] === 2 && reply.body.counts[b] === 1 && reply.body.counts[unknown] === 0,
          `counts: ${reply.text}`,
        );
        expectProblem(await s.call(`${s.sitePath}/counts`), 'validation-failed', 422);
        const many = Array.from({ length: 101 }, (_, i) => `thread=%2Fp${i}`).join('&');
        expectProblem(await s.call(`${s.sitePath}/counts?${many}`), 'validation-failed', 422);
      },
    },
    {
      name: 'a closed thread is read-only: 403 thread-closed',
      async run() {
        const guest = await s.guest();
        const key = s.newThreadKey();
        await s.post(key, guest.token, 'before closing');
        const admin = `${s.sitePath}/admin/threads/${encodeURIComponent(key)}`;
        expectProblem(await s.call(admin, { method: 'PUT', body: { closed: true } }), 'unauthorized', 401);
        const closed = await s.call(admin, { method: 'PUT', token: s.target.secret, body: { closed: true } });
        expectStatus(closed, 200);
        expectSchema(ThreadMeta, closed.body, 'the thread meta');
        check(closed.body.closed === true, 'closed');
        const page = await s.call<ThreadPageT>(s.threadPath(key));
        check(page.body.thread.closed && page.body.comments.length === 1, 'readable and marked closed');
        expectProblem(
          await s.call(`${s.threadPath(key)}/comments`, {
            method: 'POST',
            token: guest.token,
            body: { markdown: 'after' },
          }),
          'thread-closed',
          403,
        );
        await s.call(admin, { method: 'PUT', token: s.target.secret, body: { closed: false } });
        await s.post(key, guest.token, 'after reopening');
      },
    },
    {
      name: 'one comment by id, for permalinks; deleted ones as placeholders; unknown ids 404',
      async run() {
        const guest = await s.guest('Linked');
        const key = s.newThreadKey();
        const top = await s.post(key, guest.token, 'top');
        const reply = await s.post(key, guest.token, 'deep reply', top.id);
        const got = await s.call<CommentT>(`${s.sitePath}/comments/${reply.id}`);
        expectStatus(got, 200);
        expectSchema(Comment, got.body, 'the comment');
        check(
          got.body.id === reply.id && got.body.rootId === top.id && got.body.threadKey === key,
          'the comment with its root and thread, to find its page',
        );
        expectStatus(
          await s.call(`${s.sitePath}/comments/${reply.id}`, { method: 'DELETE', token: guest.token }),
          200,
        );
        const gone = await s.call<CommentT>(`${s.sitePath}/comments/${reply.id}`);
        expectStatus(gone, 200);
        check(gone.body.deleted && gone.body.markdown === '' && gone.body.html === '', 'a placeholder');
        expectProblem(await s.call(`${s.sitePath}/comments/c_doesnotexist00`), 'comment-not-found', 404);
      },
    },
    {
      name: 'preview: exactly the HTML posting would store, nothing written; bad input 422',
      async run() {
        const guest = await s.guest();
        const key = s.newThreadKey();
        const markdown = 'Hi **there** <script>alert(1)</script> [x](javascript:alert(1))';
        const preview = await s.call(`${s.sitePath}/preview`, { method: 'POST', body: { markdown } });
        expectStatus(preview, 200);
        expectSchema(Preview, preview.body, 'the preview');
        const posted = await s.post(key, guest.token, markdown);
        check(preview.body.html === posted.html, `the same HTML as posting: ${preview.body.html}`);
        const page = await s.call<ThreadPageT>(s.threadPath(key));
        check(page.body.thread.commentCount === 1, 'previewing wrote nothing');
        expectProblem(
          await s.call(`${s.sitePath}/preview`, { method: 'POST', body: { markdown: '  ' } }),
          'validation-failed',
          422,
        );
        const site = await s.site();
        expectProblem(
          await s.call(`${s.sitePath}/preview`, {
            method: 'POST',
            body: { markdown: 'x'.repeat(site.limits.commentMaxLength + 1) },
          }),
          'validation-failed',
          422,
        );
        expectProblem(
          await s.call(`${s.sitePath}/preview`, { method: 'POST', body: { text: 'x' } }),
          'validation-failed',
          422,
        );
      },
    },
    {
      name: 'the inline replies’ cursor continues on the replies endpoint',
      async run() {
        const guest = await s.guest();
        const key = s.newThreadKey();
        const top = await s.post(key, guest.token, 'top');
        const replies: CommentT[] = [];
        for (let i = 0; i < 6; i++) replies.push(await s.post(key, guest.token, `reply ${i}`, top.id));
        const page = await s.call<ThreadPageT>(s.threadPath(key));
        const inline = page.body.comments[0]!.replies;
        const site = await s.site();
        check(inline.comments.length === Math.min(6, site.limits.repliesPreview), 'the first replies inline');
        if (inline.comments.length === 6) return;
        check(inline.nextCursor !== null, 'a cursor for the rest');
        const rest = await s.call<{ comments: CommentT[] }>(
          `${s.sitePath}/comments/${top.id}/replies?cursor=${encodeURIComponent(inline.nextCursor!)}`,
        );
        expectStatus(rest, 200);
        check(
          [...inline.comments, ...rest.body.comments].map((c) => c.id).join() ===
            replies.map((c) => c.id).join(),
          'every reply once, in order',
        );
      },
    },
  ];
}
