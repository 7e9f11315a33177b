import type { ReportedPage, ReportRequest } from '@kith/protocol';
import type { Db, Queryable } from '../db/driver.js';
import { ProblemError } from '../http/problem.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { type CommentRow, commentColumns, toComment } from './rows.js';
import type { Viewer } from './sessions.js';
import type { SiteRecord } from './sites.js';

interface ReportedRow extends CommentRow {
  key: string;
  reports: number;
  reasons: Record<string, number>;
  notes: string[] | null;
  first_id: string;
  first_at: Date;
  last_at: Date;
}

/**
 * Readers' reports of others' comments, for the site owner's queue. A report never hides a
 * comment by itself: readers cannot silence each other; the owner decides (remove the comment, or
 * dismiss its reports).
 */
export class Reports {
  constructor(
    private db: Db,
    private cursorKey: () => string,
  ) {}

  /** Records the reader's report (once per reader and comment: again, it changes the reason). */
  async report(
    tx: Queryable,
    site: SiteRecord,
    id: string,
    viewer: Viewer,
    input: ReportRequest,
  ): Promise<void> {
    const rows = await tx.query<{ seq: string; author_id: string | null; deleted: boolean }>(
      "SELECT seq, author_id, deleted FROM comments WHERE id = $1 AND site_id = $2 AND status = 'published'",
      [id, site.id],
    );
    const comment = rows[0];
    if (!comment) throw new ProblemError('comment-not-found', { detail: `There is no comment "${id}".` });
    if (comment.deleted) throw new ProblemError('comment-deleted', { detail: 'The comment was deleted.' });
    if (comment.author_id === viewer.userId) {
      throw new ProblemError('forbidden', {
        detail: 'You cannot report your own comment; edit or delete it.',
      });
    }
    await tx.query(
      `INSERT INTO reports (comment_seq, site_id, user_id, reason, note) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (comment_seq, user_id) DO UPDATE SET reason = EXCLUDED.reason, note = EXCLUDED.note`,
      [comment.seq, site.id, viewer.userId, input.reason, input.note?.trim() || null],
    );
  }

  /** Reported comments that are still there, the first reported first. */
  async list(
    site: SiteRecord,
    options: { limit: number; cursor?: string | undefined },
  ): Promise<ReportedPage> {
    const scope = 'reports';
    const after = options.cursor ? decodeCursor(this.cursorKey(), options.cursor, scope).seq : '0';
    const rows = await this.db.query<ReportedRow>(
      `SELECT ${commentColumns}, t.key, r.reports, r.reasons, r.notes, r.first_id, r.first_at, r.last_at
       FROM (
         SELECT comment_seq, count(*)::int AS reports, min(id)::text AS first_id,
                min(created_at) AS first_at, max(created_at) AS last_at,
                (SELECT jsonb_object_agg(reason, n) FROM (
                   SELECT reason, count(*)::int AS n FROM reports x
                   WHERE x.comment_seq = r0.comment_seq GROUP BY reason) per) AS reasons,
                (SELECT array_agg(note ORDER BY id DESC) FROM (
                   SELECT id, note FROM reports y WHERE y.comment_seq = r0.comment_seq AND note IS NOT NULL
                   ORDER BY id DESC LIMIT 10) latest) AS notes
         FROM reports r0 WHERE site_id = $1 GROUP BY comment_seq HAVING min(id) > $2
       ) r
       JOIN comments c ON c.seq = r.comment_seq JOIN threads t ON t.id = c.thread_id
       WHERE c.deleted = false AND c.status = 'published'
       ORDER BY r.first_id::bigint LIMIT $3`,
      [site.id, after, options.limit + 1],
    );
    const more = rows.length > options.limit;
    const page = rows.slice(0, options.limit);
    return {
      items: page.map((row) => ({
        comment: toComment(row, row.key),
        reports: row.reports,
        reasons: row.reasons,
        notes: row.notes ?? [],
        firstReportedAt: new Date(row.first_at).toISOString(),
        lastReportedAt: new Date(row.last_at).toISOString(),
      })),
      nextCursor: more ? encodeCursor(this.cursorKey(), { scope, seq: page.at(-1)!.first_id }) : null,
    };
  }

  /** The owner dismisses a comment's reports: it stays, and leaves the queue. */
  async dismiss(tx: Queryable, site: SiteRecord, id: string): Promise<void> {
    const found = await tx.query('SELECT 1 FROM comments WHERE id = $1 AND site_id = $2', [id, site.id]);
    if (found.length === 0)
      throw new ProblemError('comment-not-found', { detail: `There is no comment "${id}".` });
    await tx.query('DELETE FROM reports WHERE comment_seq = (SELECT seq FROM comments WHERE id = $1)', [id]);
  }
}
