import { AttendeePage, EventInfo as EventSchema } from '../../schemas/rsvp.js';
import type { EventInfo, EventInput } from '../../types.js';
import { check, expectProblem, expectSchema, expectStatus } from '../assert.js';
import type { Case, Suite } from '../context.js';
import { readEvents } from '../http.js';

const inDays = (days: number, hours = 0) =>
  new Date(Date.now() + (days * 24 + hours) * 3_600_000).toISOString();

/** An event a month ahead, two hours long. */
function meetup(input: Partial<EventInput> = {}): EventInput {
  return {
    title: 'Conformance meetup',
    start: inDays(30),
    end: inDays(30, 2),
    timeZone: 'Europe/Berlin',
    ...input,
  };
}

export function rsvpCases(s: Suite): Case[] {
  const secret = () => s.target.secret;
  const eventUrl = (key: string) => `${s.threadPath(key)}/event`;
  const adminUrl = (key: string) => `${s.sitePath}/admin/threads/${encodeURIComponent(key)}/event`;
  const put = (key: string, input: EventInput) =>
    s.call<EventInfo>(adminUrl(key), { method: 'PUT', token: secret(), body: input });
  const answer = (key: string, token: string, body: { response: string; guests?: number }) =>
    s.call<EventInfo>(`${eventUrl(key)}/rsvp`, { method: 'PUT', token, body });
  const enabled = async () => (await s.site()).features.events;

  return [
    {
      name: 'events: the owner puts a page’s event, everyone reads it, calendars get it with UID and SEQUENCE',
      async run() {
        if (!(await enabled())) return;
        const key = s.newThreadKey('event');
        expectProblem(await s.call(eventUrl(key)), 'event-not-found', 404);
        expectProblem(await s.call(adminUrl(key), { method: 'PUT', body: meetup() }), 'unauthorized', 401);
        const reader = await s.guest();
        expectProblem(
          await s.call(adminUrl(key), { method: 'PUT', token: reader.token, body: meetup() }),
          'invalid-token',
          401,
        );
        const input = meetup({
          description: 'Talks; then dinner, ; commas, and a \\ backslash',
          place: { name: 'Hall 2', address: 'Main St 1, Berlin' },
          host: { name: 'The Group' },
          capacity: 40,
          maxGuests: 2,
        });
        const created = await put(key, input);
        expectStatus(created, 201);
        expectSchema(EventSchema, created.body, 'the created event');
        const event = created.body;
        check(
          event.sequence === 0 && event.status === 'scheduled' && !event.allDay,
          `new event: ${created.text}`,
        );
        check(
          event.rsvp.going === 0 && event.rsvp.spotsLeft === 40 && event.rsvp.open,
          `open with every seat free: ${JSON.stringify(event.rsvp)}`,
        );
        const read = await s.call<EventInfo>(eventUrl(key));
        expectStatus(read, 200);
        check(
          read.body.uid === event.uid && read.body.title === input.title,
          'everyone reads the same event',
        );
        check(!('mine' in read.body), 'no `mine` without a session');
        const signedIn = await s.call<EventInfo>(eventUrl(key), { token: reader.token });
        check(signedIn.body.mine === null, 'a reader who has not answered has `mine: null`');

        const same = await put(key, input);
        expectStatus(same, 200);
        check(
          same.body.sequence === 0 && same.body.uid === event.uid,
          'an unchanged event keeps its sequence',
        );
        const seats = await put(key, { ...input, capacity: 50 });
        check(seats.body.sequence === 0 && seats.body.capacity === 50, 'capacity is not a calendar change');
        const moved = await put(key, { ...input, capacity: 50, start: inDays(31), end: inDays(31, 2) });
        check(
          moved.body.sequence === 1 && moved.body.uid === event.uid,
          'moving it raises the sequence, same UID',
        );

        const ics = await s.call(`${eventUrl(key)}/calendar.ics`);
        expectStatus(ics, 200);
        check(/^text\/calendar/.test(ics.headers.get('content-type') ?? ''), 'served as text/calendar');
        const text = ics.text.replace(/\r\n[ \t]/g, '');
        check(text.startsWith('BEGIN:VCALENDAR\r\n') && text.includes('\r\nEND:VCALENDAR'), 'a calendar');
        check(text.includes(`\r\nUID:${event.uid}\r\n`), `the stable UID: ${text}`);
        check(
          text.includes('\r\nSEQUENCE:1\r\n') && text.includes('\r\nSUMMARY:Conformance meetup\r\n'),
          text,
        );
        check(text.includes('dinner\\, \\; commas\\, and a \\\\ backslash'), `text escaped: ${text}`);
        check(text.includes('LOCATION:Hall 2\\, Main St 1\\, Berlin'), `the place: ${text}`);
        expectProblem(
          await s.call(`${s.threadPath(s.newThreadKey('none'))}/event/calendar.ics`),
          'event-not-found',
          404,
        );

        let removed: Awaited<ReturnType<typeof s.call>> | undefined;
        const heard = await readEvents(s.eventsUrl(key), {
          count: 1,
          timeoutMs: 5000,
          onOpen: async () => {
            removed = await s.call(adminUrl(key), { method: 'DELETE', token: secret() });
          },
        });
        expectStatus(removed!, 204);
        check(
          heard[0]?.event === 'event.removed' && JSON.parse(heard[0].data).thread === key,
          `open pages hear of the removal: ${JSON.stringify(heard)}`,
        );
        expectProblem(await s.call(eventUrl(key)), 'event-not-found', 404);
        expectProblem(
          await s.call(adminUrl(key), { method: 'DELETE', token: secret() }),
          'event-not-found',
          404,
        );
      },
    },
    {
      name: 'events: times a calendar would misread, and unknown fields, are refused with 422',
      async run() {
        if (!(await enabled())) return;
        const key = s.newThreadKey('event');
        const refused = async (input: unknown, what: string) => {
          const reply = await s.call(adminUrl(key), { method: 'PUT', token: secret(), body: input });
          check(
            reply.status === 422 && reply.body?.code === 'validation-failed',
            `${what}: ${reply.status} ${reply.text}`,
          );
        };
        await refused(
          meetup({ start: '2030-05-01T19:00:00', end: '2030-05-01T21:00:00' }),
          'a time without offset',
        );
        await refused(meetup({ end: inDays(29) }), 'an end before the start');
        await refused(meetup({ end: undefined }), 'a timed event without an end');
        await refused(meetup({ timeZone: 'Mars/Olympus_Mons' }), 'an unknown zone');
        await refused(meetup({ start: '2030-02-30', end: undefined }), 'a day that does not exist');
        await refused(meetup({ capacity: 0 }), 'no seats');
        await refused(meetup({ url: 'javascript:alert(1)' }), 'a script address');
        await refused({ ...meetup(), colour: 'red' }, 'an unknown field');
        await refused({ ...meetup(), title: '   ' }, 'a blank title');
        const allDay = await put(key, meetup({ start: '2030-05-01', end: '2030-05-03' }));
        expectStatus(allDay, 201);
        check(allDay.body.allDay && allDay.body.end === '2030-05-03', `an all-day event: ${allDay.text}`);
        const ics = (await s.call(`${eventUrl(key)}/calendar.ics`)).text;
        check(
          ics.includes('DTSTART;VALUE=DATE:20300501') && ics.includes('DTEND;VALUE=DATE:20300504'),
          `whole days, the end exclusive: ${ics}`,
        );
      },
    },
    {
      name: 'rsvp: seats with guests, a first-come waitlist, and freed seats go to it in turn',
      async run() {
        if (!(await enabled())) return;
        const key = s.newThreadKey('event');
        expectStatus(await put(key, meetup({ capacity: 3, maxGuests: 1 })), 201);
        const [a, b, c] = [await s.guest('Ada'), await s.guest('Bo'), await s.guest('Cy')];
        expectProblem(
          await s.call(`${eventUrl(key)}/rsvp`, { method: 'PUT', body: { response: 'going' } }),
          'unauthorized',
          401,
        );
        expectProblem(await answer(key, a.token, { response: 'going', guests: 2 }), 'validation-failed', 422);
        expectProblem(await answer(key, a.token, { response: 'yes' }), 'validation-failed', 422);

        const first = await answer(key, a.token, { response: 'going', guests: 1 });
        expectStatus(first, 200);
        expectSchema(EventSchema, first.body, 'the event after an answer');
        check(
          first.body.mine?.response === 'going' &&
            !first.body.mine.waitlisted &&
            first.body.mine.guests === 1,
          `seated: ${JSON.stringify(first.body.mine)}`,
        );
        check(
          first.body.rsvp.going === 2 && first.body.rsvp.spotsLeft === 1,
          JSON.stringify(first.body.rsvp),
        );
        check(
          first.body.attendees[0]?.name === 'Ada' && first.body.attendees[0].guests === 1,
          'Ada is going',
        );

        const second = await answer(key, b.token, { response: 'going', guests: 1 });
        check(
          second.body.mine?.waitlisted === true && second.body.mine.position === 1,
          `a party of two waits for two seats: ${JSON.stringify(second.body.mine)}`,
        );
        const third = await answer(key, c.token, { response: 'going' });
        check(
          third.body.mine?.waitlisted === true && third.body.mine.position === 2,
          `no one skips the line, even where one seat is free: ${JSON.stringify(third.body.mine)}`,
        );
        check(third.body.rsvp.waitlist === 3 && third.body.rsvp.going === 2, JSON.stringify(third.body.rsvp));
        expectProblem(await answer(key, a.token, { response: 'going', guests: 2 }), 'validation-failed', 422);

        const freed = await answer(key, a.token, { response: 'maybe' });
        check(freed.body.mine?.response === 'maybe' && freed.body.mine.guests === 0, 'Ada now maybe');
        check(
          freed.body.rsvp.going === 3 && freed.body.rsvp.waitlist === 0 && freed.body.rsvp.maybe === 1,
          `both waiting parties seated in turn: ${JSON.stringify(freed.body.rsvp)}`,
        );
        const bo = await s.call<EventInfo>(eventUrl(key), { token: b.token });
        check(bo.body.mine?.waitlisted === false && bo.body.mine.position === null, 'Bo was promoted');
        expectProblem(await answer(key, c.token, { response: 'going', guests: 1 }), 'event-full', 409);
        const back = await answer(key, a.token, { response: 'going' });
        check(back.body.mine?.waitlisted && back.body.mine.position === 1, 'Ada goes back in line');

        const page = await s.call(`${eventUrl(key)}/attendees?limit=1`);
        expectStatus(page, 200);
        expectSchema(AttendeePage, page.body, 'a page of attendees');
        check(page.body.items[0]?.name === 'Bo' && page.body.nextCursor, `first seated first: ${page.text}`);
        const next = await s.call(`${eventUrl(key)}/attendees?limit=1&cursor=${page.body.nextCursor}`);
        check(
          next.body.items[0]?.name === 'Cy' && next.body.nextCursor === null,
          `then the next: ${next.text}`,
        );
        const other = s.newThreadKey('event');
        await put(other, meetup());
        expectProblem(
          await s.call(`${eventUrl(other)}/attendees?cursor=${page.body.nextCursor}`),
          'invalid-cursor',
          400,
        );

        const hidden = await put(key, meetup({ capacity: 3, maxGuests: 1, showAttendees: false }));
        check(
          !hidden.body.showAttendees && hidden.body.attendees.length === 0 && hidden.body.rsvp.going === 3,
          `who is going is kept to the owner, how many is not: ${hidden.text}`,
        );
        expectProblem(await s.call(`${eventUrl(key)}/attendees`), 'forbidden', 403);

        const raised = await put(key, meetup({ capacity: 4, maxGuests: 1 }));
        check(raised.body.showAttendees, 'shown again by default');
        check(raised.body.rsvp.going === 4 && raised.body.rsvp.waitlist === 0, 'more seats seat the line');
        const lowered = await put(key, meetup({ capacity: 2, maxGuests: 1 }));
        check(
          lowered.body.rsvp.going === 4 && lowered.body.rsvp.spotsLeft === 0,
          'fewer seats turn no one away',
        );
        const ada = await answer(key, a.token, { response: 'not-going' });
        check(ada.body.rsvp.going === 3 && ada.body.rsvp.notGoing === 1, JSON.stringify(ada.body.rsvp));
      },
    },
    {
      name: 'rsvp: concurrent answers never overbook, and the line has no gaps',
      async run() {
        if (!(await enabled())) return;
        const key = s.newThreadKey('event');
        expectStatus(await put(key, meetup({ capacity: 5 })), 201);
        const readers = await Promise.all(Array.from({ length: 12 }, (_, i) => s.guest(`Reader ${i}`)));
        const replies = await Promise.all(readers.map((r) => answer(key, r.token, { response: 'going' })));
        for (const reply of replies) expectStatus(reply, 200);
        const seated = replies.filter((r) => r.body.mine?.waitlisted === false).length;
        const positions = replies
          .map((r) => r.body.mine?.position)
          .filter((p): p is number => typeof p === 'number')
          .sort((x, y) => x - y);
        check(seated === 5, `exactly the capacity seated: ${seated}`);
        check(positions.join() === '1,2,3,4,5,6,7', `the rest in line, 1 to 7: ${positions}`);
        const event = await s.call<EventInfo>(eventUrl(key));
        check(event.body.rsvp.going === 5 && event.body.rsvp.waitlist === 7, JSON.stringify(event.body.rsvp));
      },
    },
    {
      name: 'rsvp: a cancelled or started event takes no answers; the change reaches streams and calendars',
      async run() {
        if (!(await enabled())) return;
        const key = s.newThreadKey('event');
        expectStatus(await put(key, meetup()), 201);
        const reader = await s.guest();
        const live = await readEvents(s.eventsUrl(key), {
          count: 1,
          timeoutMs: 5000,
          onOpen: async () => {
            await answer(key, reader.token, { response: 'going' });
          },
        });
        check(live[0]?.event === 'event.changed', `an answer is an event.changed: ${JSON.stringify(live)}`);
        const payload = JSON.parse(live[0]!.data);
        check(
          payload.event.rsvp.going === 1 && !('mine' in payload.event),
          'with the tally, no one’s own answer',
        );

        const cancelled = await put(key, meetup({ status: 'cancelled' }));
        check(cancelled.body.status === 'cancelled' && !cancelled.body.rsvp.open, 'cancelled, closed');
        check(cancelled.body.sequence === 1, 'cancelling raises the sequence');
        expectProblem(await answer(key, reader.token, { response: 'maybe' }), 'event-cancelled', 409);
        const ics = (await s.call(`${eventUrl(key)}/calendar.ics`)).text;
        check(ics.includes('STATUS:CANCELLED') && ics.includes('SEQUENCE:1'), `calendars learn: ${ics}`);

        const past = s.newThreadKey('event');
        await put(past, meetup({ start: inDays(-1), end: inDays(-1, 2) }));
        expectProblem(await answer(past, reader.token, { response: 'going' }), 'rsvp-closed', 409);
        const ended = await s.call<EventInfo>(eventUrl(past));
        check(ended.body.rsvp.open === false, 'a past event is closed');
      },
    },
    {
      name: 'rsvp: reading an event says where its stream stood: from there, every answer after it and none before',
      async run() {
        if (!(await enabled())) return;
        const key = s.newThreadKey('event');
        expectStatus(await put(key, meetup({ capacity: 10 })), 201);
        const [before, after] = [await s.guest('Before'), await s.guest('After')];
        expectStatus(await answer(key, before.token, { response: 'going' }), 200);
        const read = await s.call<EventInfo>(eventUrl(key));
        expectStatus(read, 200);
        expectSchema(EventSchema, read.body, 'the event');
        const { position } = read.body;
        check(position !== undefined && /^\d+$/.test(position), `the event carries a position: ${position}`);
        check(read.body.rsvp.going === 1, `read with the first answer: ${read.body.rsvp.going} going`);
        expectStatus(await answer(key, after.token, { response: 'going' }), 200);
        const fromRead = await readEvents(s.eventsUrl(key), {
          lastEventId: position,
          count: 2,
          timeoutMs: 1500,
        });
        check(
          fromRead.length === 1 &&
            fromRead[0]!.event === 'event.changed' &&
            JSON.parse(fromRead[0]!.data).event.rsvp.going === 2,
          `from the event's position: only the answer after it: ${fromRead.map((e) => e.data)}`,
        );
        check(
          !('position' in JSON.parse(fromRead[0]!.data).event),
          'the stream’s news of the event carries no position',
        );
        // An answer's reply is the reader's own view of the event, not a read of the stream.
        const mine = await answer(key, after.token, { response: 'maybe' });
        check(!('position' in mine.body), 'an answer is not a read: no position');
      },
    },
  ];
}
