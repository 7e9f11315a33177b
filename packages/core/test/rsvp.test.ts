import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ICAL from 'ical.js';
// The reference server from source (a package dependency would make a build cycle).
import { createKith, type Kith, type Listening, listen } from '../../server/src/index.js';
import { Sites } from '../../server/src/services/sites.js';
import { createAdminClient } from '../src/admin.js';
import { createClient, KithError } from '../src/index.js';
import { eventCalendarUrl, getAttendees, getEvent, rsvp } from '../src/rsvp/index.js';

describe('@kith/core/rsvp against the reference server', () => {
  let kith: Kith;
  let http: Listening;
  let secret: string;
  const key = '/meetups/may';

  before(async () => {
    kith = await createKith({ logLevel: 'silent' });
    secret = (await new Sites(kith.db).create('rsvp', ['http://localhost:1'])).secret;
    http = await listen(kith, 0);
  });
  after(async () => {
    await http.close();
    await kith.close();
  });

  it('the owner puts an event; readers answer it under their session; a full event keeps a line', async () => {
    const owner = createAdminClient({ server: http.url, site: 'rsvp', secret });
    const ada = createClient({ server: http.url, site: 'rsvp', retries: 0 });
    await assert.rejects(
      getEvent(ada, key),
      (e: unknown) => e instanceof KithError && e.code === 'event-not-found',
    );
    const event = await owner.putEvent(key, {
      title: 'May meetup',
      start: '2099-05-01T19:00:00+02:00',
      end: '2099-05-01T21:30:00+02:00',
      timeZone: 'Europe/Berlin',
      capacity: 2,
      maxGuests: 1,
      place: { name: 'Hall 2', online: 'https://meet.example/may' },
    });
    assert.equal(event.rsvp.spotsLeft, 2);

    await ada.signInAsGuest({ name: 'Ada' });
    const seated = await rsvp(ada, key, { response: 'going', guests: 1 });
    assert.deepEqual(seated.mine, { response: 'going', guests: 1, waitlisted: false, position: null });
    assert.equal(seated.rsvp.spotsLeft, 0);
    await assert.rejects(
      rsvp(ada, key, { response: 'going', guests: 3 }),
      (e: unknown) => e instanceof KithError && e.code === 'validation-failed' && e.status === 422,
    );

    const bo = createClient({ server: http.url, site: 'rsvp' });
    await bo.signInAsGuest({ name: 'Bo' });
    const waiting = await rsvp(bo, key, { response: 'going' });
    assert.deepEqual(waiting.mine, { response: 'going', guests: 0, waitlisted: true, position: 1 });
    await rsvp(ada, key, { response: 'going' }); // one guest fewer: a seat frees up
    const promoted = await getEvent(bo, key);
    assert.equal(promoted.mine?.waitlisted, false, 'the first in line is seated');
    assert.deepEqual(
      (await getAttendees(bo, key, { limit: 10 })).items.map((a) => [a.name, a.guests]),
      [
        ['Ada', 0],
        ['Bo', 0],
      ],
    );
    assert.equal((await getEvent(createClient({ server: http.url, site: 'rsvp' }), key)).mine, undefined);
  });

  it('serves the event as ICS a calendar reads back: stable UID, raised SEQUENCE, cancellation', async () => {
    const owner = createAdminClient({ server: http.url, site: 'rsvp', secret });
    const input = {
      title: 'Summer picnic',
      start: '2099-07-04',
      end: '2099-07-05',
      timeZone: 'America/New_York',
      description: 'Bring food; games, music',
    };
    const first = await owner.putEvent('/picnic', input);
    await owner.putEvent('/picnic', { ...input, status: 'cancelled' });
    const reader = createClient({ server: http.url, site: 'rsvp' });
    const response = await fetch(eventCalendarUrl(reader, '/picnic'));
    assert.match(response.headers.get('content-type') ?? '', /^text\/calendar/);
    const vevent = new ICAL.Component(ICAL.parse(await response.text())).getFirstSubcomponent('vevent')!;
    assert.equal(vevent.getFirstPropertyValue('uid'), first.uid);
    assert.equal(vevent.getFirstPropertyValue('sequence'), 1);
    assert.equal(vevent.getFirstPropertyValue('status'), 'CANCELLED');
    assert.equal(vevent.getFirstPropertyValue('description'), input.description);
    assert.equal(String(vevent.getFirstPropertyValue('dtstart')), '2099-07-04');
    assert.equal(String(vevent.getFirstPropertyValue('dtend')), '2099-07-06', 'the end is exclusive');
    await assert.rejects(
      rsvp(reader, '/picnic', { response: 'going' }),
      (e: unknown) => e instanceof KithError && e.code === 'unauthorized',
    );
  });
});
