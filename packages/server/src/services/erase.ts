import type { ErasedUser } from '@kith/protocol';
import type { Queryable } from '../db/driver.js';
import { ProblemError } from '../http/problem.js';
import type { Comments } from './comments.js';
import type { Rsvps } from './rsvps.js';
import { sessionsChanged } from './sessions.js';
import type { SiteRecord } from './sites.js';

/**
 * Erases a commenter, as the right to erasure asks, in one transaction: what they wrote goes
 * (each comment a tombstone, so replies keep their place; one waiting for approval, gone), and so
 * do their reactions, event answers (their seats go to the line), reports, sessions, share-count
 * marks, the answers kept for their retried writes, and the user itself with their name and
 * email. Readers following a thread see each change live. Events kept for streams to resume that
 * carried their words or named them are dropped first, so nothing of theirs is replayed, and so
 * are webhook deliveries about their comments, so none is sent on.
 */
export async function eraseUser(
  tx: Queryable,
  site: SiteRecord,
  userId: string,
  services: { comments: Comments; rsvps: Rsvps },
): Promise<ErasedUser> {
  const [user] = await tx.query('SELECT id FROM users WHERE id = $1 AND site_id = $2 FOR UPDATE', [
    userId,
    site.id,
  ]);
  if (!user)
    throw new ProblemError('user-not-found', { detail: `There is no commenter "${userId}" on this site.` });

  const written = await tx.query<{ id: string; deleted: boolean }>(
    'SELECT id, deleted FROM comments WHERE author_id = $1 AND site_id = $2 ORDER BY seq',
    [userId, site.id],
  );
  await tx.query(
    `DELETE FROM events e USING threads t
     WHERE t.id = e.thread_id AND t.site_id = $1 AND e.type IN ('comment.created', 'comment.edited')
       AND e.data::jsonb #>> '{comment,id}' = ANY($2::text[])`,
    [site.id, written.map((c) => c.id)],
  );
  // Webhook deliveries about their comments, sent or not: kept for the owner's log, or waiting to
  // send their words on.
  await tx.query(
    `DELETE FROM webhook_deliveries WHERE site_id = $1 AND body::jsonb #>> '{data,comment,id}' = ANY($2::text[])`,
    [site.id, written.map((c) => c.id)],
  );
  const shown = written.filter((c) => !c.deleted);
  for (const { id } of shown) await services.comments.remove(tx, site, id);

  const reacted = await tx.query<{ id: string }>(
    `SELECT DISTINCT c.id FROM reactions r JOIN comments c ON c.seq = r.comment_seq
     WHERE r.user_id = $1 AND c.site_id = $2`,
    [userId, site.id],
  );
  let reactions = 0;
  for (const { id } of reacted) reactions += await services.comments.dropReactions(tx, site, id, userId);

  const answered = await tx.query<{ key: string }>(
    'SELECT t.key FROM rsvps r JOIN threads t ON t.id = r.thread_id WHERE r.user_id = $1 AND t.site_id = $2',
    [userId, site.id],
  );
  let answers = 0;
  for (const { key } of answered) if (await services.rsvps.forget(tx, site.id, key, userId)) answers += 1;

  const reports = await tx.query('DELETE FROM reports WHERE user_id = $1 AND site_id = $2 RETURNING 1', [
    userId,
    site.id,
  ]);
  await tx.query(
    `DELETE FROM share_clicks s USING threads t WHERE t.id = s.thread_id AND t.site_id = $1 AND s.visitor = $2`,
    [site.id, `u:${userId}`],
  );
  // Answers kept so a retried write replays: they hold what the user wrote.
  await tx.query('DELETE FROM idempotency WHERE site_id = $1 AND actor = $2', [site.id, `user:${userId}`]);
  // Sessions, blocks of their network and any answers left go with the user; their comments'
  // tombstones stay, no longer anyone's.
  await tx.query('DELETE FROM users WHERE id = $1', [userId]);
  await sessionsChanged(tx, userId);
  return { comments: shown.length, reactions, answers, reports: reports.length };
}
