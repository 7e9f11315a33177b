import { Session, SessionInfo } from '../../schemas/session.js';
import type { Comment, Session as SessionT, ThreadPage } from '../../types.js';
import { check, expectProblem, expectSchema, expectStatus } from '../assert.js';
import type { Case, Suite } from '../context.js';
import { readEvents } from '../http.js';
import { signSsoToken } from './sso.js';

/** Readers the site names moderators approve and remove comments with their own session. */
export function moderatorCases(s: Suite): Case[] {
  const mint = async (id: string, name: string, moderator?: boolean) => {
    const reply = await s.call<SessionT>(`${s.sitePath}/admin/sessions`, {
      method: 'POST',
      token: s.target.secret,
      body: { user: { id, name, ...(moderator !== undefined && { moderator }) } },
    });
    expectStatus(reply, 201);
    expectSchema(Session, reply.body, 'the session');
    return reply.body;
  };
  const page = (key: string, token?: string) => s.call<ThreadPage>(s.threadPath(key), { token });
  const approve = (id: string, token?: string) =>
    s.call<Comment>(`${s.sitePath}/admin/comments/${id}/approve`, { method: 'POST', token });
  const remove = (id: string, token?: string) =>
    s.call(`${s.sitePath}/admin/comments/${id}`, { method: 'DELETE', token });

  const block = (id: string, blocked: unknown, token?: string) =>
    s.call(`${s.sitePath}/admin/users/${id}`, { method: 'PUT', token, body: { blocked } });

  return [
    {
      name: 'live for moderators: their stream carries comments waiting for approval as they come, change and go; so does each one’s author’s, nobody else’s',
      async run() {
        const before = await s.site();
        await s.admin({ moderation: 'pre' });
        try {
          const mod = await mint(`live-mod-${s.run}`, 'Live Mod', true);
          const writer = await s.guest('Waiting Writer');
          const key = s.newThreadKey('live-pending');
          let waiting: Comment | undefined;
          const live = await readEvents(s.eventsUrl(key), {
            token: mod.token,
            count: 1,
            timeoutMs: 5000,
            onOpen: async () => {
              waiting = await s.post(key, writer.token, 'Waiting, live');
            },
          });
          const arrived = live[0] && JSON.parse(live[0].data).comment;
          check(
            live[0]?.event === 'comment.created' &&
              arrived?.id === waiting?.id &&
              arrived?.status === 'pending',
            `a moderator hears of a waiting comment at once: ${JSON.stringify(live[0])}`,
          );
          const edited = await s.call(`${s.sitePath}/comments/${waiting!.id}`, {
            method: 'PATCH',
            token: writer.token,
            body: { markdown: 'Waiting, edited' },
          });
          expectStatus(edited, 200);
          expectStatus(await remove(waiting!.id, mod.token), 204);
          const published = await s.post(key, mod.token, 'For everyone');

          const all = await readEvents(s.eventsUrl(key), {
            token: mod.token,
            lastEventId: '0',
            count: 4,
            timeoutMs: 5000,
          });
          check(
            all.map((e) => e.event).join() ===
              'comment.created,comment.edited,comment.deleted,comment.created',
            `a moderator’s stream, from the start: ${all.map((e) => e.event)}`,
          );
          check(JSON.parse(all[1]!.data).comment.markdown === 'Waiting, edited', 'the edit, as written');
          const rejected = JSON.parse(all[2]!.data).comment;
          check(
            rejected.id === waiting!.id && rejected.deleted === true && rejected.markdown === '',
            `the rejection names the comment and carries none of it: ${all[2]!.data}`,
          );
          // A token the server no longer takes makes the stream everyone's, never a refusal (a
          // stream reconnects on its own, and could not tell why).
          const revoked = await mint(`live-gone-${s.run}`, 'Gone Mod', true);
          expectStatus(
            await s.call(`${s.sitePath}/sessions/current`, { method: 'DELETE', token: revoked.token }),
            204,
          );
          // Its author hears of it too: how it waits, and that it was rejected.
          const mine = await readEvents(s.eventsUrl(key), {
            token: writer.token,
            lastEventId: '0',
            count: 4,
            timeoutMs: 5000,
          });
          check(
            mine.map((e) => e.data).join() === all.map((e) => e.data).join(),
            `its author’s stream carries their waiting comment’s news: ${mine.map((e) => e.event)}`,
          );
          const other = await s.guest('Another Reader');
          for (const token of [undefined, other.token, revoked.token, 'not-a-token']) {
            const seen = await readEvents(s.eventsUrl(key), {
              token,
              lastEventId: '0',
              count: 2,
              timeoutMs: 1000,
            });
            check(
              seen.length === 1 && JSON.parse(seen[0]!.data).comment.id === published.id,
              `${token ?? 'a reader'} hears only the published comment: ${seen.map((e) => e.data)}`,
            );
          }
        } finally {
          await s.admin({ moderation: before.moderation });
        }
      },
    },
    {
      name: 'an open stream asks again who reads before it carries a waiting comment: a moderator whose right is taken away, or an author who signs out, hears none, and gets a reset',
      async run() {
        const before = await s.site();
        await s.admin({ moderation: 'pre' });
        try {
          const key = s.newThreadKey('live-demoted');
          const modId = `live-demoted-${s.run}`;
          const mod = await mint(modId, 'Demoted Mod', true);
          const writer = await s.guest('Waiting Writer');
          const other = await s.guest('Other Writer');
          // Read with `reason` and, for the comment, who it is and how it stands.
          const told = (events: { event: string; data: string }[]) =>
            events
              .map(({ event, data }) => {
                const body = JSON.parse(data);
                return event === 'reset'
                  ? `reset:${body.reason}`
                  : `${event}:${body.comment.id}:${body.comment.status}`;
              })
              .join(' ');

          let waiting: Comment | undefined;
          const demoted = await readEvents(s.eventsUrl(key), {
            token: mod.token,
            count: 2,
            timeoutMs: 5000,
            onOpen: async () => {
              // The site signs them in again, no longer a moderator; then a comment waits, and is
              // approved for everyone.
              await mint(modId, 'Demoted Mod');
              waiting = await s.post(key, writer.token, 'Waiting for a moderator');
              check(waiting.status === 'pending', `the comment waits: ${waiting.status}`);
              expectStatus(await approve(waiting.id, s.target.secret), 200);
            },
          });
          check(
            told(demoted) === `reset:viewer-changed comment.created:${waiting!.id}:published`,
            `the stream of a moderator no more: a reset, then only what everyone hears: ${told(demoted)}`,
          );

          // The author's own stream, once they sign out, carries no news of their waiting comment.
          const mine = await s.post(key, writer.token, 'Mine, waiting');
          const theirs = await s.post(key, other.token, 'Theirs, waiting');
          const signedOut = await readEvents(s.eventsUrl(key), {
            token: writer.token,
            count: 2,
            timeoutMs: 5000,
            onOpen: async () => {
              expectStatus(
                await s.call(`${s.sitePath}/sessions/current`, { method: 'DELETE', token: writer.token }),
                204,
              );
              expectStatus(await remove(mine.id, s.target.secret), 204);
              expectStatus(await approve(theirs.id, s.target.secret), 200);
            },
          });
          check(
            told(signedOut) === `reset:viewer-changed comment.created:${theirs.id}:published`,
            `a signed-out author's stream: a reset, then only what everyone hears: ${told(signedOut)}`,
          );
        } finally {
          await s.admin({ moderation: before.moderation });
        }
      },
    },
    {
      name: 'block: a blocked commenter still reads but writes nothing until let back, nor comes back as a new guest; moderators block no moderator',
      async run() {
        const mod = await mint(`blocker-${s.run}`, 'Blocker', true);
        const otherMod = await mint(`blocked-mod-${s.run}`, 'Other Mod', true);
        const troll = await s.guest('Troll');
        const key = s.newThreadKey('blocked');
        const first = await s.post(key, troll.token, 'Before the block');

        expectProblem(await block(troll.user.id, true, troll.token), 'forbidden', 403);
        expectProblem(await block(troll.user.id, true), 'unauthorized', 401);
        expectProblem(await block('no-such-user', true, mod.token), 'user-not-found', 404);
        expectProblem(await block(troll.user.id, 'yes', mod.token), 'validation-failed', 422);
        // Let back in whatever happens below: the block holds every new guest from here (this
        // suite's own address) for days.
        try {
          expectStatus(await block(troll.user.id, true, mod.token), 204);
          expectStatus(await block(troll.user.id, true, mod.token), 204);
          const refused = await s.call(`${s.threadPath(key)}/comments`, {
            method: 'POST',
            token: troll.token,
            body: { markdown: 'After the block' },
          });
          expectProblem(refused, 'user-blocked', 403);
          expectProblem(
            await s.call(`${s.sitePath}/comments/${first.id}/reactions`, {
              method: 'POST',
              token: troll.token,
              body: { reaction: (await s.site()).reactions[0] ?? '+1' },
            }),
            'user-blocked',
            403,
          );
          expectProblem(
            await s.call(`${s.sitePath}/comments/${first.id}`, {
              method: 'PATCH',
              token: troll.token,
              body: { markdown: 'edited' },
            }),
            'user-blocked',
            403,
          );
          expectStatus(await s.call(s.threadPath(key), { token: troll.token }), 200);
          check(
            (await s.call(s.threadPath(key))).body.comments.some((c: Comment) => c.id === first.id),
            'what they wrote before stays',
          );

          const again = await s.call(`${s.sitePath}/sessions`, {
            method: 'POST',
            body: { name: 'Troll again' },
          });
          expectProblem(again, 'user-blocked', 403);
        } finally {
          expectStatus(await block(troll.user.id, false, mod.token), 204);
        }
        await s.post(key, troll.token, 'Let back in');
        await s.guest('A guest from the same network, once the troll is let back');

        expectProblem(await block(otherMod.user.id, true, mod.token), 'forbidden', 403);
        expectProblem(await block(mod.user.id, true, mod.token), 'forbidden', 403);
        expectStatus(await block(otherMod.user.id, true, s.target.secret), 204);
        expectStatus(await block(otherMod.user.id, false, s.target.secret), 204);
      },
    },
    {
      name: 'moderators: see what waits in the thread, approve and remove with their session; nobody else can',
      async run() {
        const before = await s.site();
        await s.admin({ moderation: 'pre' });
        try {
          const mod = await mint(`mod-${s.run}`, 'Mo Derator', true);
          check(mod.moderator === true, 'the session says the reader moderates');
          const me = await s.call(`${s.sitePath}/sessions/current`, { token: mod.token });
          expectSchema(SessionInfo, me.body, 'the current session');
          check(me.body.moderator === true, 'and so does the current session');
          const reader = await s.guest('Plain Reader');
          check(reader.moderator === undefined, 'a guest is no moderator');

          const key = s.newThreadKey('moderators');
          const waiting = await s.post(key, reader.token, 'Waiting for a moderator');
          const second = await s.post(key, reader.token, 'Also waiting');
          check(waiting.status === 'pending', 'held for approval');
          const seen = await page(key, mod.token);
          expectStatus(seen, 200);
          check(
            seen.body.viewer?.pending.some((c) => c.id === waiting.id) === true,
            'a moderator sees every comment waiting in the thread',
          );
          const other = await s.guest('Other Reader');
          check(
            (await page(key, other.token)).body.viewer?.pending.length === 0,
            'another reader sees none of them',
          );
          const own = await s.post(key, mod.token, 'A moderator’s own comment');
          check(own.status === 'published', `a moderator’s comment is not held: ${own.status}`);

          expectProblem(await approve(waiting.id, reader.token), 'forbidden', 403);
          expectProblem(await approve(waiting.id), 'unauthorized', 401);
          expectProblem(await remove(own.id, reader.token), 'forbidden', 403);
          expectProblem(
            await s.call(`${s.sitePath}/admin/settings`, { token: mod.token }),
            'invalid-token',
            401,
          );

          const approved = await approve(waiting.id, mod.token);
          expectStatus(approved, 200);
          check(approved.body.status === 'published', 'approved: published');
          expectStatus(await remove(second.id, mod.token), 204);
          expectStatus(await remove(own.id, mod.token), 204);
          const after = await page(key);
          check(
            after.body.comments.map((c) => c.id).includes(waiting.id),
            'everyone sees the approved comment',
          );
          check(
            after.body.comments.find((c) => c.id === own.id)?.deleted === true,
            'a removed published comment is deleted',
          );
          check((await page(key, mod.token)).body.viewer?.pending.length === 0, 'a rejected comment is gone');
          expectStatus(await s.call(`${s.sitePath}/admin/pending`, { token: mod.token }), 200);
          expectStatus(await s.call(`${s.sitePath}/admin/reports`, { token: mod.token }), 200);

          // The right follows the site: signed in again without it, the reader moderates no more.
          const demoted = await mint(`mod-${s.run}`, 'Mo Derator');
          check(demoted.moderator === undefined, 'no longer a moderator');
          check(demoted.user.id === mod.user.id, 'the same commenter');
          const third = await s.post(key, reader.token, 'Still waiting');
          expectProblem(await approve(third.id, demoted.token), 'forbidden', 403);

          // Single sign-on names moderators the same way.
          expectStatus(
            await s.call(`${s.sitePath}/admin/settings`, {
              method: 'PATCH',
              token: s.target.secret,
              body: { sso: true },
            }),
            200,
          );
          const secret = (await s.call(`${s.sitePath}/admin/settings`, { token: s.target.secret })).body.sso
            .secret;
          const exp = Math.floor(Date.now() / 1000) + 300;
          const sso = await s.call<SessionT>(`${s.sitePath}/sessions/sso`, {
            method: 'POST',
            body: {
              token: signSsoToken({ sub: `sso-mod-${s.run}`, name: 'Sam', moderator: true, exp }, secret),
            },
          });
          expectStatus(sso, 201);
          check(sso.body.moderator === true, 'a token names a moderator');
          expectStatus(await approve(third.id, sso.body.token), 200);
        } finally {
          await s.call(`${s.sitePath}/admin/settings`, {
            method: 'PATCH',
            token: s.target.secret,
            body: { sso: false },
          });
          await s.admin({ moderation: before.moderation });
        }
      },
    },
  ];
}
