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
}
