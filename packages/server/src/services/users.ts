import type { Queryable } from '../db/driver.js';
import { ProblemError } from '../http/problem.js';
import { setNetworkBlocked } from './guest-networks.js';
import { sessionsChanged, type Viewer } from './sessions.js';
import type { SiteRecord } from './sites.js';

/**
 * Blocks a commenter from writing (posting, editing, reacting, reporting, answering events), or
 * lets them again. `by` is the moderator acting, null for the owner: a moderator blocks no
 * moderator, themselves included; the owner blocks anyone.
 */
export async function setBlocked(
  tx: Queryable,
  site: SiteRecord,
  userId: string,
  blocked: boolean,
  by: Viewer | null,
): Promise<void> {
  const rows = await tx.query<{ id: string; moderator: boolean; network_key: string | null }>(
    `UPDATE users SET blocked_at = CASE WHEN $3 THEN COALESCE(blocked_at, now()) END
     WHERE id = $1 AND site_id = $2
     RETURNING id, moderator, network_key`,
    [userId, site.id, blocked],
  );
  const user = rows[0];
  if (!user) {
    throw new ProblemError('user-not-found', { detail: `There is no commenter "${userId}" on this site.` });
  }
  if (by && user.moderator) {
    throw new ProblemError('forbidden', {
      detail: 'Moderators cannot block a moderator; the site owner can, with the site secret.',
    });
  }
  await setNetworkBlocked(tx, site.id, user, blocked);
  await sessionsChanged(tx, userId);
}

/** The author of a comment, for blocking from the command line, where comments are what is listed. */
export async function commentAuthor(q: Queryable, site: SiteRecord, commentId: string): Promise<string> {
  const rows = await q.query<{ author_id: string | null }>(
    'SELECT author_id FROM comments WHERE id = $1 AND site_id = $2',
    [commentId, site.id],
  );
  const author = rows[0]?.author_id;
  if (!author)
    throw new ProblemError('comment-not-found', {
      detail: `There is no comment "${commentId}" with an author.`,
    });
  return author;
}
