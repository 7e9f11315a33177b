import type { MyData } from '@kith/protocol';
import type { Queryable } from '../db/driver.js';
import { ProblemError } from '../http/problem.js';
import { type CommentRow, commentColumns, toComment } from './rows.js';

const iso = (at: Date | string) => new Date(at).toISOString();

/**
 * A copy of everything the site holds of a user, for the user themselves (the rights of access
 * and portability): who they are to the site, their comments still there, reactions, event
 * answers and open reports. Run it in a snapshot (`db.snapshot`), so its parts agree.
 */
export async function myData(q: Queryable, siteId: string, userId: string): Promise<MyData> {
  const [user] = await q.query<{
    id: string;
    kind: MyData['user']['kind'];
    name: string;
    email: string | null;
    avatar_url: string | null;
    created_at: Date;
  }>('SELECT id, kind, name, email, avatar_url, created_at FROM users WHERE id = $1 AND site_id = $2', [
    userId,
    siteId,
  ]);
  if (!user)
    throw new ProblemError('user-not-found', { detail: `There is no commenter "${userId}" on this site.` });
  const comments = await q.query<CommentRow & { key: string }>(
    `SELECT ${commentColumns}, t.key FROM comments c JOIN threads t ON t.id = c.thread_id
     WHERE c.author_id = $1 AND c.site_id = $2 AND NOT c.deleted ORDER BY c.seq`,
    [userId, siteId],
  );
  const reactions = await q.query<{ id: string; reaction: string; created_at: Date }>(
    `SELECT c.id, r.reaction, r.created_at FROM reactions r JOIN comments c ON c.seq = r.comment_seq
     WHERE r.user_id = $1 AND c.site_id = $2 ORDER BY r.created_at, c.id, r.reaction`,
    [userId, siteId],
  );
  const answers = await q.query<{
    key: string;
    response: MyData['answers'][number]['response'];
    guests: number;
    waitlist: string | null;
  }>(
    `SELECT t.key, r.response, r.guests, r.waitlist FROM rsvps r JOIN threads t ON t.id = r.thread_id
     WHERE r.user_id = $1 AND t.site_id = $2 ORDER BY t.key`,
    [userId, siteId],
  );
  const reports = await q.query<{
    id: string;
    reason: MyData['reports'][number]['reason'];
    note: string | null;
    created_at: Date;
  }>(
    `SELECT c.id, p.reason, p.note, p.created_at FROM reports p JOIN comments c ON c.seq = p.comment_seq
     WHERE p.user_id = $1 AND p.site_id = $2 ORDER BY p.created_at`,
    [userId, siteId],
  );
  return {
    user: {
      id: user.id,
      kind: user.kind,
      name: user.name,
      email: user.email,
      avatarUrl: user.avatar_url,
      since: iso(user.created_at),
    },
    comments: comments.map((row) => toComment(row, row.key)),
    reactions: reactions.map((r) => ({ commentId: r.id, reaction: r.reaction, at: iso(r.created_at) })),
    answers: answers.map((a) => ({
      thread: a.key,
      response: a.response,
      guests: a.guests,
      waitlisted: a.waitlist !== null,
    })),
    reports: reports.map((r) => ({ commentId: r.id, reason: r.reason, note: r.note, at: iso(r.created_at) })),
  };
}
