import { htmlToMarkdown } from './html.js';
import type { DropReason, ImportSource } from './source.js';
import { dropReason, guestAuthor, threadKeyOf, timestamp, unplaced } from './source.js';
import { childText, readRecords } from './xml.js';

const records = new Set(['item']);

/** WordPress keeps two dates; the GMT one is zero for comments never approved. */
function commentDate(gmt: string, local: string): string | null {
  const value = gmt && !gmt.startsWith('0000') ? gmt : local;
  return /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(value) ? timestamp(`${value.replace(' ', 'T')}Z`) : null;
}

/**
 * A WordPress export (Tools → Export: a WXR file, RSS with `wp:` elements). Approved comments are
 * published, unapproved ones wait for moderation, spam and trash are left out, and pingbacks and
 * trackbacks (notices from other sites, not readers' words) too. Email and IP addresses in the
 * file are never read.
 */
export async function readWordPress(chunks: AsyncIterable<string>): Promise<ImportSource> {
  const source: ImportSource = {
    format: 'wordpress',
    site: null,
    threads: new Map(),
    comments: [],
    unplaced: {},
  };
  await readRecords(chunks, 'rss', records, (item) => {
    const comments = item.children.filter((c) => c.name === 'wp:comment');
    if (comments.length === 0) return;
    const key = threadKeyOf(childText(item, 'link'));
    if (!key) {
      unplaced(source, comments.length);
      return;
    }
    const closed =
      (source.threads.get(key)?.closed ?? false) || childText(item, 'wp:comment_status') === 'closed';
    source.threads.set(key, { closed });
    for (const comment of comments) {
      const id = childText(comment, 'wp:comment_id');
      const parent = childText(comment, 'wp:comment_parent');
      const approved = childText(comment, 'wp:comment_approved');
      const type = childText(comment, 'wp:comment_type');
      const createdAt = commentDate(
        childText(comment, 'wp:comment_date_gmt'),
        childText(comment, 'wp:comment_date'),
      );
      const markdown = htmlToMarkdown(childText(comment, 'wp:comment_content'));
      const removed: DropReason | undefined =
        approved === 'spam'
          ? 'spam'
          : approved === 'trash' || approved === 'post-trashed'
            ? 'trash'
            : type === 'pingback' || type === 'trackback'
              ? 'pingback'
              : undefined;
      const drop = dropReason(removed, { id, createdAt, markdown });
      source.comments.push({
        sourceId: id,
        parentSourceId: parent && parent !== '0' ? parent : null,
        threadKey: key,
        author: guestAuthor(
          // A registered user of the blog; 0 for everyone else.
          /^[1-9]\d*$/.test(childText(comment, 'wp:comment_user_id'))
            ? `user-${childText(comment, 'wp:comment_user_id')}`
            : '',
          childText(comment, 'wp:comment_author'),
        ),
        markdown,
        status: approved === '1' ? 'published' : 'pending',
        createdAt: createdAt ?? new Date(0).toISOString(),
        editedAt: null,
        reactions: {},
        ...(drop && { drop }),
      });
    }
  });
  return source;
}
