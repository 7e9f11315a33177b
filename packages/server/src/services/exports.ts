import type { ExportedComment, ExportedThread } from '@kith/protocol';
import type { Db } from '../db/driver.js';
import { type CommentRow, commentColumns, toComment } from './rows.js';

const threadsPerQuery = 200;

/**
 * A site's threads and comments as a `SiteExport` document, produced piece by piece (one batch of
 * threads at a time) so a large site is written out without being held in memory whole. Threads
 * are in key order, comments oldest first; only threads with comments, or closed, are listed.
 */
export async function* exportSite(db: Db, siteId: string, now = new Date()): AsyncGenerator<string> {
  yield `{"format":"kith-export","version":1,"site":${JSON.stringify(siteId)},"exportedAt":"${now.toISOString()}","threads":[`;
  let after = '';
  let first = true;
  for (;;) {
    const threads = await db.query<{ id: string; key: string; closed: boolean }>(
      `SELECT id, key, closed FROM threads t
       WHERE site_id = $1 AND key COLLATE "C" > $2 AND (closed OR EXISTS (SELECT 1 FROM comments c WHERE c.thread_id = t.id))
       ORDER BY key COLLATE "C" LIMIT $3`,
      [siteId, after, threadsPerQuery],
    );
    if (threads.length === 0) break;
    // Top-level comments, then the replies below them: both read through the indexes a thread
    // page uses, rather than a scan of every comment on the server per batch.
    const top = await db.query<CommentRow & { thread_id: string }>(
      `SELECT ${commentColumns}, c.thread_id FROM comments c
       WHERE c.thread_id = ANY($1::bigint[]) AND c.parent_id IS NULL`,
      [threads.map((t) => t.id)],
    );
    const replies = await db.query<CommentRow & { thread_id: string }>(
      `SELECT ${commentColumns}, c.thread_id FROM comments c WHERE c.root_id = ANY($1::text[])`,
      [top.map((c) => c.id)],
    );
    const rows = [...top, ...replies].sort((a, b) => Number(a.seq) - Number(b.seq));
    const byThread = new Map<string, ExportedComment[]>();
    for (const row of rows) {
      const list = byThread.get(row.thread_id) ?? [];
      // The comment as the API shows it, less what is derived from the rest on import.
      const { threadKey, rootId, depth, html, replyCount, ...exported } = toComment(row, '');
      list.push(exported);
      byThread.set(row.thread_id, list);
    }
    for (const thread of threads) {
      const exported: ExportedThread = {
        key: thread.key,
        closed: thread.closed,
        comments: byThread.get(thread.id) ?? [],
      };
      yield `${first ? '' : ','}\n${JSON.stringify(exported)}`;
      first = false;
    }
    after = threads.at(-1)!.key;
  }
  yield '\n]}\n';
}
