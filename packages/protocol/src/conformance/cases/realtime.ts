import type { Comment, ThreadPage } from '../../types.js';
import { check, expectStatus } from '../assert.js';
import { type Case, type Suite, sleep } from '../context.js';
import { readEvents } from '../http.js';

export function realtimeCases(s: Suite): Case[] {
  return [
    {
      name: 'event stream: live events, then every missed one after Last-Event-ID',
      async run() {
        const guest = await s.guest();
        const key = s.newThreadKey();
        const url = s.eventsUrl(key);
        let first: Comment | undefined;
        const live = await readEvents(url, {
          count: 1,
          timeoutMs: 5000,
          onOpen: async () => {
            first = await s.post(key, guest.token, 'live one');
          },
        });
        check(live.length === 1, `a live event arrives (${live.length})`);
        const event = live[0]!;
        check(
          event.event === 'comment.created' && event.id && /^\d+$/.test(event.id),
          `a comment.created event with an id: ${JSON.stringify(event)}`,
        );
        check(JSON.parse(event.data).comment.id === first?.id, 'it carries the comment');
        // While disconnected: a comment, an edit, a reaction and a deletion.
        const second = await s.post(key, guest.token, 'missed');
        await s.call(`${s.sitePath}/comments/${second.id}`, {
          method: 'PATCH',
          token: guest.token,
          body: { markdown: 'missed, edited' },
        });
        const reaction = (await s.site()).reactions[0];
        if (reaction)
          await s.call(`${s.sitePath}/comments/${second.id}/reactions`, {
            method: 'POST',
            token: guest.token,
            body: { reaction },
          });
        await s.call(`${s.sitePath}/comments/${first!.id}`, { method: 'DELETE', token: guest.token });
        const expected = [
          'comment.created',
          'comment.edited',
          ...(reaction ? ['reaction.changed'] : []),
          'comment.deleted',
        ];
        const missed = await readEvents(url, {
          lastEventId: event.id!,
          count: expected.length,
          timeoutMs: 5000,
        });
        check(
          JSON.stringify(missed.map((e) => e.event)) === JSON.stringify(expected),
          `missed events in order: ${missed.map((e) => e.event)}`,
        );
        const ids = missed.map((e) => BigInt(e.id!));
        check(
          ids.every((id, i) => id > (i === 0 ? BigInt(event.id!) : ids[i - 1]!)),
          'ids increase',
        );
        // Resuming from the newest id gives nothing old.
        const none = await readEvents(url, { lastEventId: missed.at(-1)!.id!, count: 1, timeoutMs: 800 });
        check(none.length === 0, 'nothing is sent twice');
      },
    },
    {
      name: 'event stream: says where it starts, so a client that reconnects before any event misses none',
      async run() {
        const guest = await s.guest();
        const key = s.newThreadKey('position');
        const url = s.eventsUrl(key);
        const before = await s.post(key, guest.token, 'before the stream');
        let position: string | undefined;
        await readEvents(url, {
          count: 0,
          timeoutMs: 5000,
          onPosition: (id) => {
            position = id;
          },
        });
        check(
          position !== undefined && /^\d+$/.test(position),
          `the stream’s first block has an id: ${position}`,
        );
        // The stream dropped before any event came; one is posted meanwhile.
        const during = await s.post(key, guest.token, 'while away');
        // The first event after it is the one posted meanwhile: none from before comes first.
        const resumed = await readEvents(url, { lastEventId: position!, count: 1, timeoutMs: 5000 });
        check(
          resumed.length === 1 && JSON.parse(resumed[0]!.data).comment.id === during.id,
          `resuming from it brings what came meanwhile, and nothing from before (${before.id}): ${resumed.map((e) => e.data)}`,
        );
      },
    },
    {
      name: 'event stream: resuming from an id the server never gave resets the client, then goes on',
      async run() {
        const guest = await s.guest();
        const key = s.newThreadKey('restarted');
        const url = s.eventsUrl(key);
        await s.post(key, guest.token, 'before');
        // An id from a database this one was not (restored from a backup, or the site moved).
        const events = await readEvents(url, {
          lastEventId: '999999999999999',
          count: 2,
          timeoutMs: 5000,
          onOpen: async () => {
            await s.post(key, guest.token, 'after');
          },
        });
        check(
          events[0]?.event === 'reset' && JSON.parse(events[0].data).reason === 'stream-restarted',
          `a reset with reason stream-restarted comes first: ${events.map((e) => `${e.event} ${e.data}`)}`,
        );
        check(
          events[1]?.event === 'comment.created' && JSON.parse(events[1].data).comment.markdown === 'after',
          'what is posted next comes',
        );
      },
    },
    {
      name: 'a thread page says where the event stream stood when it was read: from there, nothing missed, nothing twice',
      async run() {
        const guest = await s.guest();
        const key = s.newThreadKey('page-position');
        const page = async () => {
          const reply = await s.call<ThreadPage>(s.threadPath(key));
          expectStatus(reply, 200);
          const { position } = reply.body;
          check(position !== undefined && /^\d+$/.test(position), `the page carries a position: ${position}`);
          return position;
        };
        // A thread nobody wrote in yet: a stream from its position brings the thread's first event.
        const empty = await page();
        const first = await s.post(key, guest.token, 'on the page');
        const read = await page();
        check(BigInt(read) > BigInt(empty), `the position moves with the thread (${empty} → ${read})`);
        const after = await s.post(key, guest.token, 'after the page');
        const fromPage = await readEvents(s.eventsUrl(key), { lastEventId: read, count: 2, timeoutMs: 1500 });
        check(
          fromPage.map((e) => JSON.parse(e.data).comment.id).join() === after.id,
          `from the page's position: only what came after it (${after.id}), not what is on it (${first.id}): ${fromPage.map((e) => e.data)}`,
        );
        const fromEmpty = await readEvents(s.eventsUrl(key), {
          lastEventId: empty,
          count: 2,
          timeoutMs: 5000,
        });
        check(
          fromEmpty.map((e) => JSON.parse(e.data).comment.id).join() === `${first.id},${after.id}`,
          `from the empty page's position: both comments: ${fromEmpty.map((e) => e.data)}`,
        );
      },
    },
    {
      name: 'event stream of a closed and reopened thread',
      async run() {
        const key = s.newThreadKey();
        const admin = `${s.sitePath}/admin/threads/${encodeURIComponent(key)}`;
        const events = await readEvents(s.eventsUrl(key), {
          count: 1,
          timeoutMs: 5000,
          onOpen: async () => {
            await sleep(50);
            await s.call(admin, { method: 'PUT', token: s.target.secret, body: { closed: true } });
          },
        });
        check(
          events[0]?.event === 'thread.updated' && JSON.parse(events[0].data).thread.closed === true,
          'thread.updated arrives',
        );
      },
    },
  ];
}
