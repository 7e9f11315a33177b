import { MyData } from '../../schemas/my-data.js';
import { ErasedUser } from '../../schemas/session.js';
import type { ErasedUser as Erased, MyData as Mine, ReportedPage, Session, ThreadPage } from '../../types.js';
import { check, expectProblem, expectSchema, expectStatus } from '../assert.js';
import type { Case, Suite } from '../context.js';
import { readEvents } from '../http.js';

/**
 * A reader's own data: a copy of it for them, and its erasure, by the owner or by themselves;
 * after which nothing of theirs is left to read.
 */
export function eraseCases(s: Suite): Case[] {
  const erase = (id: string, token?: string) =>
    s.call<Erased>(`${s.sitePath}/admin/users/${id}`, { method: 'DELETE', token });
  /** The reader reacts to a comment (with the site's first reaction, if it has any) and reports it. */
  const reactAndReport = async (
    token: string,
    commentId: string,
    report: { reason: string; note: string },
  ) => {
    const reaction = (await s.site()).reactions[0];
    if (reaction) {
      expectStatus(
        await s.call(`${s.sitePath}/comments/${commentId}/reactions`, {
          method: 'POST',
          token,
          body: { reaction },
        }),
        200,
      );
    }
    expectStatus(
      await s.call(`${s.sitePath}/comments/${commentId}/reports`, { method: 'POST', token, body: report }),
      204,
    );
    return reaction;
  };
  return [
    {
      name: 'my data: a reader (or the owner for them) gets a copy of all the site holds of them, and of nobody else',
      async run() {
        const signIn = await s.call<Session>(`${s.sitePath}/sessions`, {
          method: 'POST',
          body: { name: 'Copy Me', email: 'copy.me@example.com' },
        });
        expectStatus(signIn, 201);
        const me = signIn.body;
        const other = await s.guest('Someone Else');
        const key = s.newThreadKey('my-data');
        const theirs = await s.post(key, other.token, 'Not mine');
        const first = await s.post(key, me.token, 'Mine, first');
        const second = await s.post(key, me.token, 'Mine, a reply', theirs.id);
        const reaction = await reactAndReport(me.token, theirs.id, { reason: 'spam', note: 'my note' });
        expectProblem(await s.call(`${s.sitePath}/users/me/data`), 'unauthorized', 401);
        const copy = await s.call<Mine>(`${s.sitePath}/users/me/data`, { token: me.token });
        expectStatus(copy, 200);
        expectSchema(MyData, copy.body, 'the copy');
        const data = copy.body;
        check(
          data.user.id === me.user.id &&
            data.user.name === 'Copy Me' &&
            data.user.email === 'copy.me@example.com',
          `who they are, email included: ${JSON.stringify(data.user)}`,
        );
        check(
          JSON.stringify(data.comments.map((c) => c.id)) === JSON.stringify([first.id, second.id]),
          `their comments, oldest first, nobody else’s: ${data.comments.map((c) => c.markdown)}`,
        );
        check(
          reaction === undefined ||
            (data.reactions.length === 1 && data.reactions[0]!.commentId === theirs.id),
          `their reaction: ${JSON.stringify(data.reactions)}`,
        );
        check(
          data.reports.length === 1 &&
            data.reports[0]!.reason === 'spam' &&
            data.reports[0]!.note === 'my note',
          `their report: ${JSON.stringify(data.reports)}`,
        );
        // The owner answers the same request for a reader who cannot sign in any more.
        const owned = await s.call<Mine>(`${s.sitePath}/admin/users/${me.user.id}/data`, {
          token: s.target.secret,
        });
        expectStatus(owned, 200);
        check(JSON.stringify(owned.body) === JSON.stringify(data), 'the owner gets the same copy');
        expectProblem(
          await s.call(`${s.sitePath}/admin/users/${me.user.id}/data`, { token: other.token }),
          'invalid-token',
          401,
        );
        expectProblem(
          await s.call(`${s.sitePath}/admin/users/nobody-here/data`, { token: s.target.secret }),
          'user-not-found',
          404,
        );
        const others = (await s.call<Mine>(`${s.sitePath}/users/me/data`, { token: other.token })).body;
        check(
          !JSON.stringify(others).includes('copy.me@example.com') && others.reports.length === 0,
          'another reader’s copy holds nothing of theirs',
        );
      },
    },
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
        const reaction = await reactAndReport(gone.token, theirs.id, {
          reason: 'other',
          note: 'a note in their words',
        });

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

        // A stream resumed from the start never brings their words back: what is left is the
        // other reader's two comments, their two tombstones, and the reaction given and taken.
        const expected = 4 + (reaction ? 2 : 0);
        const replay = await readEvents(s.eventsUrl(key), {
          lastEventId: '0',
          count: expected,
          timeoutMs: 5000,
        });
        check(
          replay.length === expected,
          `the thread’s events without theirs: ${replay.map((e) => e.event)}`,
        );
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
