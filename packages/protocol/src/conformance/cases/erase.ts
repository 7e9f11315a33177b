import { ErasedUser } from '../../schemas/session.js';
import type { ErasedUser as Erased, ReportedPage, ThreadPage } from '../../types.js';
import { check, expectProblem, expectSchema, expectStatus } from '../assert.js';
import type { Case, Suite } from '../context.js';
import { readEvents } from '../http.js';

/** The right to erasure: the owner erases a commenter, and nothing of theirs is left to read. */
export function eraseCases(s: Suite): Case[] {
  const erase = (id: string, token?: string) =>
    s.call<Erased>(`${s.sitePath}/admin/users/${id}`, { method: 'DELETE', token });
  return [
    {
      name: 'erase: the owner erases a commenter; their words, reactions and reports go, replies to them stay, nothing of theirs replays',
      async run() {
        const gone = await s.guest('Erase Me');
        const other = await s.guest('Stays');
        const key = s.newThreadKey('erase');
        const first = await s.post(key, gone.token, 'Words to be forgotten');
        const reply = await s.post(key, other.token, 'A reply that stays', first.id);
        const theirs = await s.post(key, other.token, 'Another reader’s comment');
        await s.post(key, gone.token, 'More words to be forgotten', theirs.id);
        const reaction = (await s.site()).reactions[0];
        if (reaction) {
          const reacted = await s.call(`${s.sitePath}/comments/${theirs.id}/reactions`, {
            method: 'POST',
            token: gone.token,
            body: { reaction },
          });
          expectStatus(reacted, 200);
        }
        expectStatus(
          await s.call(`${s.sitePath}/comments/${theirs.id}/reports`, {
            method: 'POST',
            token: gone.token,
            body: { reason: 'other', note: 'a note in their words' },
          }),
          204,
        );

        expectProblem(await erase(gone.user.id), 'unauthorized', 401);
        expectProblem(await erase(gone.user.id, other.token), 'invalid-token', 401);
        const erased = await erase(gone.user.id, s.target.secret);
        expectStatus(erased, 200);
        expectSchema(ErasedUser, erased.body, 'what erasing took');
        check(
          erased.body.comments === 2 &&
            erased.body.reactions === (reaction ? 1 : 0) &&
            erased.body.reports === 1,
          `two comments, their reaction and report: ${JSON.stringify(erased.body)}`,
        );
        expectProblem(await erase(gone.user.id, s.target.secret), 'user-not-found', 404);

        const page = (await s.call<ThreadPage>(`${s.threadPath(key)}?sort=old`)).body;
        const text = JSON.stringify(page);
        check(
          !text.includes('forgotten') && !text.includes('Erase Me'),
          'the thread shows nothing of theirs',
        );
        const tombstone = page.comments.find((c) => c.id === first.id);
        check(
          tombstone?.deleted === true && tombstone.author === null && tombstone.markdown === '',
          `their comment is a tombstone: ${JSON.stringify(tombstone)}`,
        );
        check(
          tombstone?.replies.comments.some(
            (c) => c.id === reply.id && c.markdown === 'A reply that stays',
          ) === true,
          'a reply to it stays in its place',
        );
        check(page.thread.commentCount === 2, `counted out: ${page.thread.commentCount}`);
        const kept = page.comments.find((c) => c.id === theirs.id);
        check(
          reaction === undefined || !kept?.reactions[reaction],
          `their reaction is taken back: ${JSON.stringify(kept?.reactions)}`,
        );
        const reports = await s.call<ReportedPage>(`${s.sitePath}/admin/reports?limit=100`, {
          token: s.target.secret,
        });
        check(!reports.body.items.some((i) => i.comment.id === theirs.id), 'their report leaves the queue');
        expectProblem(
          await s.call(`${s.sitePath}/sessions/current`, { token: gone.token }),
          'invalid-token',
          401,
        );

        // A stream resumed from the start never brings their words back.
        const replay = await readEvents(s.eventsUrl(key), { lastEventId: '0', count: 50, timeoutMs: 1500 });
        check(replay.length > 0, 'the thread’s events are there');
        check(
          !replay.some((e) => e.data.includes('forgotten') || e.data.includes('Erase Me')),
          `no event carries their words or name: ${replay.map((e) => e.event)}`,
        );
      },
    },
    {
      name: 'erase me: a reader erases themselves with their own session, blocked or not, and is signed out',
      async run() {
        const reader = await s.guest('Forget Me Too');
        const key = s.newThreadKey('erase-me');
        const mine = await s.post(key, reader.token, 'My own words, gone');
        const block = (blocked: boolean) =>
          s.call(`${s.sitePath}/admin/users/${reader.user.id}`, {
            method: 'PUT',
            token: s.target.secret,
            body: { blocked },
          });
        // Let back in whatever happens: the block holds new guests from here too.
        try {
          expectStatus(await block(true), 204);
          expectProblem(await s.call(`${s.sitePath}/users/me`, { method: 'DELETE' }), 'unauthorized', 401);
          const erased = await s.call<Erased>(`${s.sitePath}/users/me`, {
            method: 'DELETE',
            token: reader.token,
          });
          expectStatus(erased, 200);
          expectSchema(ErasedUser, erased.body, 'what erasing took');
          check(erased.body.comments === 1, `their comment: ${JSON.stringify(erased.body)}`);
        } finally {
          const unblocked = await block(false);
          check(unblocked.status === 204 || unblocked.status === 404, `let back: ${unblocked.status}`);
        }
        const page = (await s.call<ThreadPage>(s.threadPath(key))).body;
        check(
          page.comments[0]?.id === mine.id &&
            page.comments[0].deleted &&
            !JSON.stringify(page).includes('gone'),
          'their comment is a tombstone',
        );
        expectProblem(
          await s.call(`${s.sitePath}/users/me`, { method: 'DELETE', token: reader.token }),
          'invalid-token',
          401,
        );
        await s.guest('A guest from the same network, after');
      },
    },
  ];
}
