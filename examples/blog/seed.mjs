// Demo content: a few people talking under the blog's posts, written through the real services.
const people = [
  { id: 'ines', name: 'Inés' },
  { id: 'kofi', name: 'Kofi' },
  { id: 'mei', name: 'Mei' },
  { id: 'ravi', name: 'Ravi' },
];

const threads = {
  '/posts/welcome': [
    ['ines', 'Welcome everyone! Glad this finally has comments **on our own site**.'],
    ['kofi', 'No trackers, no iframe. The page loads as fast as before.', 0],
    ['mei', 'Testing Markdown: `code`, _emphasis_, and a [link](https://example.com).'],
  ],
  '/posts/meetup-recap': [
    ['ravi', 'Thanks for hosting! The lightning talks were great.'],
    ['mei', 'Slides from my talk are up on the wiki.', 0],
    ['ines', 'Next time: a bigger room, we were at capacity.', 0],
    ['kofi', 'Who is up for a hike before the next one?'],
  ],
  '/posts/spring-meetup': [],
};

/** `date` (YYYY-MM-DD) at `time` in `timeZone`, with that zone's offset then: `…T19:00:00+02:00`. */
function localTime(date, time, timeZone) {
  const at = new Date(`${date}T${time}:00Z`);
  const offset = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((part) => part.type === 'timeZoneName')
    .value.replace('GMT', '');
  return `${date}T${time}:00${offset || '+00:00'}`;
}

/** The spring meetup the post announces: four weeks after the demo is first started. */
function springMeetup() {
  const day = new Date(Date.now() + 28 * 86_400_000).toISOString().slice(0, 10);
  return {
    title: 'Spring meetup',
    description: 'Lightning talks from members, then snacks and open discussion. Doors open at 18:30.',
    start: localTime(day, '19:00', 'Europe/Berlin'),
    end: localTime(day, '21:30', 'Europe/Berlin'),
    timeZone: 'Europe/Berlin',
    place: { name: 'Library hall', address: '1 Commons Square, Berlin' },
    host: { name: 'The Commons' },
    capacity: 40,
    maxGuests: 1,
  };
}

export async function seedDemo(kith, siteId) {
  const { ctx, db } = kith;
  const site = await ctx.sites.get(siteId);
  const viewers = {};
  for (const person of people) {
    const session = await db.transaction((tx) => ctx.sessions.createForOwnUser(tx, siteId, 'owner', person));
    viewers[person.id] = await ctx.sessions.authenticate(siteId, `Bearer ${session.token}`);
  }
  for (const [key, comments] of Object.entries(threads)) {
    const made = [];
    for (const [who, markdown, parentIndex] of comments) {
      const parentId = parentIndex === undefined ? undefined : made[parentIndex]?.id;
      const { result } = await db.transaction((tx) =>
        ctx.comments.create(tx, site, key, viewers[who], { markdown, parentId }),
      );
      made.push(result);
    }
  }
  await db.transaction((tx) => ctx.rsvps.put(tx, siteId, '/posts/spring-meetup', springMeetup()));
  for (const [who, answer] of [
    ['ines', { response: 'going', guests: 1 }],
    ['kofi', { response: 'going' }],
    ['mei', { response: 'maybe' }],
  ]) {
    await db.transaction((tx) =>
      ctx.rsvps.answer(tx, siteId, '/posts/spring-meetup', viewers[who].userId, answer),
    );
  }
}
