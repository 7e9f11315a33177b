import type { Db } from '../db/driver.js';
import { siteThreads } from './exports.js';
import { cdata, xml } from './xml-text.js';

/** WordPress's `2020-01-02 09:00:00`, in UTC. */
const wpDate = (timestamp: string) => new Date(timestamp).toISOString().slice(0, 19).replace('T', ' ');

/**
 * A site's comments as a WordPress export (WXR 1.2): the format WordPress, Disqus, Remark42, Isso
 * and Kith itself import, so a site can take its comments to any of them. Each thread with
 * comments is an item at `origin` + its key, with Disqus's `thread_identifier`; a closed thread's
 * comments are closed. Comments keep their name, time, place among replies and the HTML readers
 * saw; those awaiting approval are unapproved (0), and a deleted comment kept for its replies is in
 * the trash. Ids are numbered from 1 in the file, as WordPress's are. Email, website and IP
 * address are there but empty: Isso's importer fails on a comment without them, and Kith hands
 * none of them out. Reactions, events and answers have no place in WXR: the Kith export keeps them.
 */
export async function* exportWxr(
  db: Db,
  siteId: string,
  origin: string,
  now = new Date(),
): AsyncGenerator<string> {
  yield `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:dsq="http://www.disqus.com/"
  xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <title>${xml(siteId)}</title>
  <link>${xml(origin)}</link>
  <description>Comments of ${xml(siteId)}, exported by Kith</description>
  <pubDate>${now.toUTCString()}</pubDate>
  <wp:wxr_version>1.2</wp:wxr_version>
  <wp:base_site_url>${xml(origin)}</wp:base_site_url>
`;
  let next = 0;
  for await (const thread of siteThreads(db, siteId)) {
    if (thread.comments.length === 0) continue;
    const numbers = new Map<string, number>();
    const comments = thread.comments.map((comment) => {
      numbers.set(comment.id, ++next);
      const approved = comment.deleted ? 'trash' : comment.status === 'published' ? '1' : '0';
      const date = wpDate(comment.createdAt);
      return `    <wp:comment>
      <wp:comment_id>${next}</wp:comment_id>
      <wp:comment_author>${cdata(comment.author?.name ?? '')}</wp:comment_author>
      <wp:comment_author_email></wp:comment_author_email>
      <wp:comment_author_url></wp:comment_author_url>
      <wp:comment_author_IP></wp:comment_author_IP>
      <wp:comment_date>${date}</wp:comment_date>
      <wp:comment_date_gmt>${date}</wp:comment_date_gmt>
      <wp:comment_content>${cdata(comment.deleted ? '' : comment.html)}</wp:comment_content>
      <wp:comment_approved>${approved}</wp:comment_approved>
      <wp:comment_type>comment</wp:comment_type>
      <wp:comment_parent>${(comment.parentId && numbers.get(comment.parentId)) || 0}</wp:comment_parent>
      <wp:comment_user_id>0</wp:comment_user_id>
    </wp:comment>
`;
    });
    const link = xml(new URL(thread.key, origin).href);
    yield `  <item>
    <title>${xml(thread.key)}</title>
    <link>${link}</link>
    <guid isPermaLink="true">${link}</guid>
    <dsq:thread_identifier>${xml(thread.key)}</dsq:thread_identifier>
    <wp:post_type>post</wp:post_type>
    <wp:status>publish</wp:status>
    <wp:comment_status>${thread.closed ? 'closed' : 'open'}</wp:comment_status>
${comments.join('')}  </item>
`;
  }
  yield '</channel>\n</rss>\n';
}
