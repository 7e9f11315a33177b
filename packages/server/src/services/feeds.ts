import type { Comment } from '@kith/protocol';
import type { Queryable } from '../db/driver.js';
import { type CommentRow, commentColumns, toComment } from './rows.js';
import type { SiteRecord } from './sites.js';
import { xml } from './xml-text.js';

/** How many comments a feed lists: the latest, as feed readers poll for what is new. */
export const feedSize = 50;

/** The page a thread key names, where the key is a path and the site has an origin. */
function pageUrl(site: SiteRecord, key: string): string | null {
  const origin = site.origins[0];
  return origin && key.startsWith('/') ? new URL(key, origin).href : null;
}

function entry(site: SiteRecord, comment: Comment, withThread: boolean): string {
  const name = comment.author?.name ?? '';
  const page = pageUrl(site, comment.threadKey);
  return [
    '<entry>',
    `<id>urn:kith:comment:${xml(site.id)}:${xml(comment.id)}</id>`,
    // The thread in the title where the feed mixes threads; the author's name alone otherwise.
    `<title>${xml(withThread ? `${name} · ${comment.threadKey}` : name)}</title>`,
    `<author><name>${xml(name)}</name></author>`,
    `<published>${comment.createdAt}</published>`,
    `<updated>${comment.editedAt ?? comment.createdAt}</updated>`,
    page
      ? `<link rel="alternate" type="text/html" href="${xml(`${page}#kith-comment-${comment.id}`)}"/>`
      : '',
    // The HTML the server rendered and sanitized, escaped once more as Atom's type="html" wants.
    `<content type="html">${xml(comment.html)}</content>`,
    '</entry>',
  ].join('');
}

/**
 * An Atom feed (RFC 4287) of a thread's latest published comments, replies included (`key`), or
 * of the whole site's (`key` null), newest first. Deleted and waiting comments are left out.
 */
export async function commentFeed(db: Queryable, site: SiteRecord, key: string | null): Promise<string> {
  const rows = await db.query<CommentRow & { key: string }>(
    `SELECT ${commentColumns}, t.key FROM comments c JOIN threads t ON t.id = c.thread_id
     WHERE c.status = 'published' AND NOT c.deleted AND ${
       key === null
         ? 'c.site_id = $1'
         : 'c.thread_id = (SELECT id FROM threads WHERE site_id = $1 AND key = $3)'
     }
     ORDER BY c.created_at DESC, c.seq DESC LIMIT $2`,
    key === null ? [site.id, feedSize] : [site.id, feedSize, key],
  );
  const comments = rows.map((row) => toComment(row, row.key));
  // ISO times in UTC sort as text.
  const updated =
    comments
      .map((c) => c.editedAt ?? c.createdAt)
      .sort()
      .at(-1) ?? new Date(0).toISOString();
  const page = key === null ? site.origins[0] : pageUrl(site, key);
  return [
    '<?xml version="1.0" encoding="utf-8"?>\n',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `<id>urn:kith:${key === null ? `site:${xml(site.id)}` : `thread:${xml(site.id)}:${xml(encodeURIComponent(key))}`}</id>`,
    `<title>${xml(key === null ? site.settings.name : `${site.settings.name}: ${key}`)}</title>`,
    `<updated>${updated}</updated>`,
    page ? `<link rel="alternate" type="text/html" href="${xml(page)}"/>` : '',
    '<generator>Kith</generator>',
    ...comments.map((c) => entry(site, c, key === null)),
    '</feed>\n',
  ].join('');
}
