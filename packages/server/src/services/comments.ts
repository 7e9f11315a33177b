import type {
  Comment,
  CommentPage,
  ReactionState,
  Sort,
  ThreadPage,
  TopLevelComment,
  Viewer as ViewerState,
} from '@kith/protocol';
import { hasVisibleText } from '@kith/protocol/display-name';
import type { Db, Queryable } from '../db/driver.js';
import { AlreadyDone, type Claim } from '../http/idempotency.js';
import { ProblemError } from '../http/problem.js';
import { type CursorPosition, decodeCursor, encodeCursor } from './cursor.js';
import { appendEvent, eventsChannel, positionOf } from './events.js';
import { holdReason } from './hold.js';
import { renderMarkdown } from './markdown.js';
import {
  type CommentRow,
  commentColumns,
  type ThreadRow,
  threadColumns,
  toComment,
  toThreadMeta,
} from './rows.js';
import { newId } from './secrets.js';
import type { Viewer } from './sessions.js';
import type { SiteRecord } from './sites.js';

/**
 * How deep replies go: a reply to a comment this many levels down goes in at its level, below that
 * comment's parent. Each level lengthens the path every row below it stores and adds a count to
 * update on each new reply, so an endless chain (a file's, or one built reply by reply) would cost
 * more with every level.
 */
export const maxReplyDepth = 100;

/** The site's comment `id` with its thread's key, if there is one (and it passes `where`). */
async function withThreadKey(
  tx: Queryable,
  site: SiteRecord,
  id: string,
  where = '',
): Promise<(CommentRow & { key: string }) | undefined> {
  const rows = await tx.query<CommentRow & { key: string }>(
    `SELECT ${commentColumns}, t.key FROM comments c JOIN threads t ON t.id = c.thread_id
     WHERE c.id = $1 AND c.site_id = $2 ${where}`,
    [id, site.id],
  );
  return rows[0];
}

// Comments are listed in the order they were written (an imported comment from years ago sorts
// among its peers, not as the newest); seq breaks ties. A cursor holds the seq of the last comment
// shown and, for "top", its score then (scores change; a comment's time does not).
const orderBy: Record<Sort, string> = {
  new: 'c.created_at DESC, c.seq DESC',
  old: 'c.created_at ASC, c.seq ASC',
  top: 'c.score DESC, c.created_at DESC, c.seq DESC',
};

const at = 'SELECT created_at, seq FROM comments WHERE seq = $3';
const after: Record<Sort, string> = {
  new: `(c.created_at, c.seq) < (${at})`,
  old: `(c.created_at, c.seq) > (${at})`,
  top: '(c.score, c.created_at, c.seq) < (SELECT $4::int, created_at, seq FROM comments WHERE seq = $3)',
};

/** Markdown is measured in code points, as users count characters. */
export function checkMarkdown(site: SiteRecord, markdown: string): string {
  const text = markdown.replace(/\r\n?/g, '\n');
  if (!hasVisibleText(text)) {
    throw new ProblemError('validation-failed', {
      detail: 'The comment is empty.',
      errors: [{ pointer: '/body/markdown', message: 'Write something first.' }],
    });
  }
  const length = [...text].length;
  const max = site.settings.commentMaxLength;
  if (length > max) {
    throw new ProblemError('validation-failed', {
      detail: `The comment is ${length} characters long; the most this site takes is ${max}.`,
      errors: [{ pointer: '/body/markdown', message: `At most ${max} characters.` }],
    });
  }
  return text;
}

export interface SharedPage {
  /** The page without `viewer`, serialized. */
  json: string;
  threadId: string | null;
  /** Ids of every comment on the page, replies included. */
  commentIds: string[];
}

export interface Written<T> {
  result: T;
  /** The thread whose event streams should wake once the transaction commits. */
  threadKey: string | null;
}

export class Comments {
  constructor(
    private db: Db,
    private cursorKey: () => string,
  ) {}

  /** The thread and where its event stream stands, in one round trip. */
  async #thread(
    q: Queryable,
    siteId: string,
    key: string,
  ): Promise<(ThreadRow & { position: string }) | undefined> {
    const rows = await q.query<ThreadRow & { position: string }>(
      `SELECT ${threadColumns}, ${positionOf('threads')} AS position FROM threads WHERE site_id = $1 AND key = $2`,
      [siteId, key],
    );
    return rows[0];
  }

  /**
   * The part of a thread page every reader shares (no `viewer`), serialized, with what the
   * viewer part needs. Callers cache it; `viewerPart` adds the signed-in reader's own state.
   * Read in one snapshot with the thread's event position, so a stream opened from that position
   * brings exactly what was written after the page: nothing missed, nothing counted twice.
   */
  sharedPage(
    site: SiteRecord,
    key: string,
    options: { sort: Sort; limit: number; cursor?: string | undefined },
  ): Promise<SharedPage> {
    return this.db.snapshot(async (q) => {
      const thread = await this.#thread(q, site.id, key);
      const meta = toThreadMeta(thread, key);
      if (!thread) {
        if (options.cursor)
          throw new ProblemError('invalid-cursor', { detail: 'The thread has no comments yet.' });
        // No thread, no events yet: a stream from 0 brings the thread's first.
        const page: Omit<ThreadPage, 'viewer'> = {
          thread: meta,
          sort: options.sort,
          comments: [],
          nextCursor: null,
          position: '0',
        };
        return { json: JSON.stringify(page), threadId: null, commentIds: [] };
      }
      const scope = `t:${thread.id}:${options.sort}`;
      const from = options.cursor ? decodeCursor(this.cursorKey(), options.cursor, scope) : undefined;
      const params: unknown[] = [thread.id, options.limit + 1];
      if (from) params.push(from.seq);
      if (from && options.sort === 'top') params.push(from.score ?? 0);
      const rows = await q.query<CommentRow>(
        `SELECT ${commentColumns} FROM comments c
         WHERE c.thread_id = $1 AND c.parent_id IS NULL AND c.status = 'published'
         ${from ? `AND ${after[options.sort]}` : ''}
         ORDER BY ${orderBy[options.sort]} LIMIT $2`,
        params,
      );
      const { position } = thread;
      const nextCursor = this.#nextCursor(rows, options.limit, scope, options.sort === 'top');
      const replies = await this.#repliesPreview(q, rows, key);
      const comments: TopLevelComment[] = rows.map((row) => ({
        ...toComment(row, key),
        replies: replies.get(row.id) ?? { comments: [], nextCursor: null },
      }));
      const page: Omit<ThreadPage, 'viewer'> = {
        thread: meta,
        sort: options.sort,
        comments,
        nextCursor,
        position,
      };
      return {
        json: JSON.stringify(page),
        threadId: thread.id,
        commentIds: comments.flatMap((c) => [c.id, ...c.replies.comments.map((r) => r.id)]),
      };
    });
  }

  /** The whole page as JSON: the shared part with the reader's own state (or null) spliced in. */
  async pageJson(shared: SharedPage, key: string, viewer: Viewer | null): Promise<string> {
    const part = viewer ? await this.viewerPart(shared, key, viewer) : null;
    return `{"viewer":${JSON.stringify(part)},${shared.json.slice(1)}`;
  }

  async #repliesPreview(q: Queryable, parents: CommentRow[], key: string): Promise<Map<string, CommentPage>> {
    const out = new Map<string, CommentPage>();
    const withReplies = parents.filter((p) => p.reply_count > 0 || p.deleted);
    if (withReplies.length === 0) return out;
    const preview = 3;
    const rows = await q.query<CommentRow & { rn: string }>(
      `SELECT * FROM (
         SELECT ${commentColumns}, row_number() OVER (PARTITION BY c.root_id ORDER BY c.created_at, c.seq) AS rn
         FROM comments c WHERE c.root_id = ANY($1) AND c.status = 'published'
       ) t WHERE t.rn <= $2 ORDER BY t.created_at, t.seq`,
      [withReplies.map((p) => p.id), preview + 1],
    );
    for (const row of rows) {
      const rootId = row.root_id!;
      let page = out.get(rootId);
      if (!page) {
        page = { comments: [], nextCursor: null };
        out.set(rootId, page);
      }
      if (page.comments.length < preview) {
        page.comments.push(toComment(row, key));
      } else {
        const lastSeq = rows.find((r) => r.id === page!.comments.at(-1)!.id)!.seq;
        page.nextCursor = encodeCursor(this.cursorKey(), { scope: `r:${rootId}`, seq: lastSeq });
      }
    }
    return out;
  }

  /**
   * The signed-in reader's reactions on the page's comments, and the comments awaiting moderation
   * they may see: their own, or, for a moderator, everyone's.
   */
  async viewerPart(shared: SharedPage, key: string, viewer: Viewer): Promise<ViewerState> {
    if (!shared.threadId) return { userId: viewer.userId, reactions: {}, pending: [] };
    const [reactionRows, pendingRows] = await Promise.all([
      shared.commentIds.length
        ? this.db.query<{ id: string; reaction: string }>(
            `SELECT c.id, r.reaction FROM reactions r JOIN comments c ON c.seq = r.comment_seq
             WHERE r.user_id = $1 AND c.id = ANY($2)`,
            [viewer.userId, shared.commentIds],
          )
        : [],
      this.db.query<CommentRow>(
        `SELECT ${commentColumns} FROM comments c
         WHERE (c.author_id = $1 OR $3) AND c.thread_id = $2 AND c.status = 'pending' ORDER BY c.seq`,
        [viewer.userId, shared.threadId, viewer.moderator],
      ),
    ]);
    const reactions: Record<string, string[]> = {};
    for (const r of reactionRows) (reactions[r.id] ??= []).push(r.reaction);
    return { userId: viewer.userId, reactions, pending: pendingRows.map((row) => toComment(row, key)) };
  }

  async replies(
    site: SiteRecord,
    id: string,
    options: { limit: number; cursor?: string | undefined },
  ): Promise<CommentPage> {
    const found = await this.db.query<{ id: string; root_id: string | null; path: string; key: string }>(
      `SELECT c.id, c.root_id, c.path, t.key FROM comments c JOIN threads t ON t.id = c.thread_id
       WHERE c.id = $1 AND c.site_id = $2 AND c.status = 'published'`,
      [id, site.id],
    );
    const parent = found[0];
    if (!parent) throw new ProblemError('comment-not-found', { detail: `There is no comment "${id}".` });
    const rootId = parent.root_id ?? parent.id;
    const scope = `r:${parent.id}`;
    const position: CursorPosition | undefined = options.cursor
      ? decodeCursor(this.cursorKey(), options.cursor, scope)
      : undefined;
    const rows = await this.db.query<CommentRow>(
      `SELECT ${commentColumns} FROM comments c
       WHERE c.root_id = $1 AND starts_with(c.path, $2) AND c.id <> $3 AND c.status = 'published'
       ${position ? 'AND (c.created_at, c.seq) > (SELECT created_at, seq FROM comments WHERE seq = $5)' : ''}
       ORDER BY c.created_at, c.seq LIMIT $4`,
      [rootId, parent.path, parent.id, options.limit + 1, ...(position ? [position.seq] : [])],
    );
    const nextCursor = this.#nextCursor(rows, options.limit, scope);
    return { comments: rows.map((row) => toComment(row, parent.key)), nextCursor };
  }

  /** One comment: published, or (to its author and moderators only) pending; deleted ones stay as placeholders. */
  async get(site: SiteRecord, id: string, viewer: Viewer | null): Promise<Comment> {
    const rows = await this.db.query<CommentRow & { key: string }>(
      `SELECT ${commentColumns}, t.key FROM comments c JOIN threads t ON t.id = c.thread_id
       WHERE c.id = $1 AND c.site_id = $2 AND (c.status = 'published' OR c.author_id = $3 OR $4)`,
      [id, site.id, viewer?.userId ?? '', viewer?.moderator === true],
    );
    const row = rows[0];
    if (!row) throw new ProblemError('comment-not-found', { detail: `There is no comment "${id}".` });
    return toComment(row, row.key);
  }

  /** Whether the site holds this author's new comment for moderation. */
  async #held(
    tx: Queryable,
    site: SiteRecord,
    viewer: Viewer,
    markdown: string,
    html: string,
  ): Promise<boolean> {
    // Moderators would only approve their own comments.
    if (viewer.moderator) return false;
    if (holdReason(site.settings, { markdown, html, authorName: viewer.author.name })) return true;
    const mode = site.settings.moderation;
    if (mode !== 'first') return mode === 'pre';
    // First-time commenters wait; once one of theirs is published, they are trusted.
    const published = await tx.query(
      "SELECT 1 FROM comments WHERE author_id = $1 AND site_id = $2 AND status = 'published' LIMIT 1",
      [viewer.userId, site.id],
    );
    return published.length === 0;
  }

  async create(
    tx: Queryable,
    site: SiteRecord,
    key: string,
    viewer: Viewer,
    input: { markdown: string; parentId?: string | undefined },
    claim?: Claim,
  ): Promise<Written<Comment>> {
    const markdown = checkMarkdown(site, input.markdown);
    let parent: (CommentRow & { key: string }) | undefined;
    if (input.parentId) {
      parent = await withThreadKey(tx, site, input.parentId, "AND c.status = 'published'");
      if (!parent || parent.key !== key) {
        throw new ProblemError('parent-not-found', {
          detail: `There is no comment "${input.parentId}" in this thread to reply to.`,
        });
      }
      if (parent.deleted) throw new ProblemError('comment-deleted', { detail: 'The comment was deleted.' });
      // Past the deepest level, a reply goes in at that level, below the ancestor there.
      if (parent.depth >= maxReplyDepth) {
        const anchor = parent.path.split('/').filter(Boolean)[maxReplyDepth - 1]!;
        parent = await withThreadKey(tx, site, anchor);
      }
    }
    const html = renderMarkdown(markdown);
    const status = (await this.#held(tx, site, viewer, markdown, html)) ? 'pending' : 'published';
    const id = newId();
    const comment: Comment = {
      id,
      threadKey: key,
      parentId: parent?.id ?? null,
      rootId: parent ? (parent.root_id ?? parent.id) : null,
      depth: parent ? parent.depth + 1 : 0,
      author: viewer.author,
      markdown,
      html,
      status,
      deleted: false,
      createdAt: new Date().toISOString(),
      editedAt: null,
      reactions: {},
      replyCount: 0,
    };
    const counted = status === 'published' ? 1 : 0;
    const ancestors = parent ? parent.path.split('/').filter(Boolean) : [];
    // One statement, one round trip: create the thread on first write (its row lock orders the
    // thread's events), count, insert, count the reply on every ancestor, record the event and
    // notify every instance at commit. A closed thread inserts nothing and is refused below,
    // which rolls the counts back.
    // With an Idempotency-Key, the same statement claims it and stores the response: a concurrent
    // duplicate waits on the claim, then finds it taken and inserts nothing (AlreadyDone below).
    const claimed = claim
      ? `k AS (
           INSERT INTO idempotency (site_id, actor, key, fingerprint, status, body)
           VALUES ($20, $21, $22, $23, 201, $24) ON CONFLICT DO NOTHING RETURNING 1
         ), `
      : '';
    const rows = await tx.query<{ closed: boolean }>(
      `WITH ${claimed}t AS (
         INSERT INTO threads AS t (site_id, key, comment_count, top_level_count)
         SELECT $1, $2, $3, $4 ${claim ? 'WHERE EXISTS (SELECT 1 FROM k)' : ''}
         ON CONFLICT (site_id, key) DO UPDATE SET comment_count = t.comment_count + $3,
           top_level_count = t.top_level_count + $4
         RETURNING id, closed
       ), c AS (
         INSERT INTO comments (id, site_id, thread_id, parent_id, root_id, path, depth, author_id, author,
                               markdown, html, status, created_at)
         SELECT $5, $1, t.id, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15 FROM t WHERE NOT t.closed
         RETURNING seq
       ), a AS (
         UPDATE comments SET reply_count = reply_count + $3 WHERE id = ANY($16::text[]) AND EXISTS (SELECT 1 FROM c)
       ), e AS (
         INSERT INTO events (thread_id, type, data, for_moderators, for_author)
         SELECT t.id, 'comment.created', $17, $3 = 0, CASE WHEN $3 = 0 THEN $10 END FROM t, c
         RETURNING id
       )
       SELECT t.closed, (SELECT pg_notify($18, $19) FROM e) AS notified FROM t`,
      [
        site.id,
        key,
        counted,
        parent ? 0 : counted,
        id,
        comment.parentId,
        comment.rootId,
        `${parent?.path ?? '/'}${id}/`,
        comment.depth,
        viewer.userId,
        JSON.stringify(viewer.author),
        markdown,
        comment.html,
        status,
        comment.createdAt,
        ancestors,
        JSON.stringify({ comment }),
        eventsChannel,
        JSON.stringify([site.id, key]),
        ...(claim ? [claim.siteId, claim.actor, claim.key, claim.fingerprint, JSON.stringify(comment)] : []),
      ],
    );
    if (rows.length === 0) throw new AlreadyDone();
    if (rows[0]?.closed)
      throw new ProblemError('thread-closed', { detail: 'This thread no longer takes comments.' });
    // A comment waiting for approval is announced too, on moderators' streams only.
    return { result: comment, threadKey: key };
  }

  /**
   * Pages ask for one row more than they show: if it came, it is dropped and the cursor points
   * after the last row shown.
   */
  #nextCursor(rows: CommentRow[], limit: number, scope: string, byScore = false): string | null {
    const more = rows.length > limit;
    if (more) rows.pop();
    const last = rows.at(-1);
    return more && last
      ? encodeCursor(this.cursorKey(), { scope, seq: last.seq, ...(byScore && { score: last.score }) })
      : null;
  }

  /** The site's comments awaiting moderation, on every thread, oldest first. */
  async pending(
    site: SiteRecord,
    options: { limit: number; cursor?: string | undefined },
  ): Promise<CommentPage> {
    const scope = 'pending';
    const position = options.cursor ? decodeCursor(this.cursorKey(), options.cursor, scope) : undefined;
    const rows = await this.db.query<CommentRow & { key: string }>(
      `SELECT ${commentColumns}, t.key FROM comments c JOIN threads t ON t.id = c.thread_id
       WHERE c.site_id = $1 AND c.status = 'pending' AND c.seq > $2 ORDER BY c.seq LIMIT $3`,
      [site.id, position?.seq ?? '0', options.limit + 1],
    );
    const nextCursor = this.#nextCursor(rows, options.limit, scope);
    return { comments: rows.map((row) => toComment(row, row.key)), nextCursor };
  }

  /** The comment and its thread, the thread locked for the rest of the transaction. */
  async #lockedComment(tx: Queryable, site: SiteRecord, id: string) {
    const threads = await tx.query<ThreadRow>(
      `SELECT ${threadColumns} FROM threads WHERE id = (SELECT thread_id FROM comments WHERE id = $1 AND site_id = $2) FOR UPDATE`,
      [id, site.id],
    );
    const thread = threads[0];
    const row = thread
      ? (await tx.query<CommentRow>(`SELECT ${commentColumns} FROM comments c WHERE c.id = $1`, [id]))[0]
      : undefined;
    if (!thread || !row)
      throw new ProblemError('comment-not-found', { detail: `There is no comment "${id}".` });
    return { thread, row };
  }

  /**
   * The site owner publishes a comment awaiting moderation: counted, and announced to every reader
   * as new. A comment already published is returned as it is.
   */
  async approve(tx: Queryable, site: SiteRecord, id: string): Promise<Written<Comment>> {
    const { thread, row } = await this.#lockedComment(tx, site, id);
    if (row.status === 'published') return { result: toComment(row, thread.key), threadKey: null };
    const rows = await tx.query<CommentRow>(
      `UPDATE comments AS c SET status = 'published' WHERE c.id = $1 RETURNING ${commentColumns}`,
      [id],
    );
    const comment = toComment(rows[0]!, thread.key);
    await this.#published(tx, thread.id, rows[0]!, 1, site.id, thread.key, comment);
    return { result: comment, threadKey: thread.key };
  }

  /**
   * The site owner removes a comment. One awaiting moderation is rejected: gone, and nobody but
   * its author ever saw it (it has no replies: only published comments take them). A published
   * one is deleted as its author would delete it: a tombstone that keeps its replies in place.
   */
  async remove(tx: Queryable, site: SiteRecord, id: string): Promise<Written<null>> {
    const { thread, row } = await this.#lockedComment(tx, site, id);
    if (row.status === 'pending') {
      await tx.query('DELETE FROM comments WHERE id = $1', [id]);
      const comment = { ...toComment(row, thread.key), deleted: true, markdown: '', html: '', author: null };
      const waiting = { authorId: row.author_id };
      await appendEvent(tx, thread.id, site.id, thread.key, 'comment.deleted', { comment }, waiting);
      return { result: null, threadKey: thread.key };
    }
    if (row.deleted) return { result: null, threadKey: null };
    await this.#tombstone(tx, site, thread, id);
    return { result: null, threadKey: thread.key };
  }

  /**
   * Soft delete: the body and author go, the comment stays as a tombstone so its replies keep
   * their place; counted out and announced if it was `visible` (published), announced to
   * moderators and its author only if it was waiting for approval.
   */
  async #tombstone(tx: Queryable, site: SiteRecord, thread: ThreadRow, id: string, visible = true) {
    const rows = await tx.query<CommentRow>(
      `UPDATE comments AS c SET markdown = '', html = '', author = NULL, deleted = true, edited_at = now()
       WHERE c.id = $1 RETURNING ${commentColumns}`,
      [id],
    );
    const comment = toComment(rows[0]!, thread.key);
    if (visible) await this.#published(tx, thread.id, rows[0]!, -1, site.id, thread.key, comment);
    else {
      const waiting = { authorId: rows[0]!.author_id };
      await appendEvent(tx, thread.id, site.id, thread.key, 'comment.deleted', { comment }, waiting);
    }
    return comment;
  }

  /** Counts and the event that follow a comment becoming visible (+1) or being deleted (-1). */
  async #published(
    tx: Queryable,
    threadId: string,
    row: CommentRow,
    delta: 1 | -1,
    siteId: string,
    key: string,
    comment: Comment,
  ) {
    await tx.query(
      `UPDATE threads SET comment_count = comment_count + $2,
       top_level_count = top_level_count + CASE WHEN $3::boolean THEN $2 ELSE 0 END WHERE id = $1`,
      [threadId, delta, row.parent_id === null],
    );
    const ancestors = row.path.split('/').filter((part) => part && part !== row.id);
    if (ancestors.length > 0) {
      await tx.query('UPDATE comments SET reply_count = reply_count + $2 WHERE id = ANY($1)', [
        ancestors,
        delta,
      ]);
    }
    await appendEvent(tx, threadId, siteId, key, delta > 0 ? 'comment.created' : 'comment.deleted', {
      comment,
    });
  }

  /** Counts a comment's reactions again after a change, and tells its thread's readers. */
  async #recount(tx: Queryable, site: SiteRecord, thread: ThreadRow, row: CommentRow) {
    const updated = await tx.query<{ reactions: Record<string, number> }>(
      `UPDATE comments SET
         reactions = (SELECT COALESCE(jsonb_object_agg(reaction, n), '{}'::jsonb)
                      FROM (SELECT reaction, count(*)::int AS n FROM reactions WHERE comment_seq = $1 GROUP BY reaction) t),
         score = (SELECT count(*) FROM reactions WHERE comment_seq = $1)
       WHERE seq = $1 RETURNING reactions`,
      [row.seq],
    );
    const reactions = updated[0]!.reactions;
    await appendEvent(tx, thread.id, site.id, thread.key, 'reaction.changed', {
      commentId: row.id,
      reactions,
    });
    return reactions;
  }

  /** Takes back every reaction of a user's on a comment (erasing them); how many there were. */
  async dropReactions(tx: Queryable, site: SiteRecord, id: string, userId: string): Promise<number> {
    const { thread, row } = await this.#lockedComment(tx, site, id);
    const dropped = await tx.query(
      'DELETE FROM reactions WHERE comment_seq = $1 AND user_id = $2 RETURNING 1',
      [row.seq, userId],
    );
    if (dropped.length > 0) await this.#recount(tx, site, thread, row);
    return dropped.length;
  }

  /** The reader's own comment, still theirs to change; its thread locked for the transaction. */
  async #ownComment(tx: Queryable, site: SiteRecord, id: string, viewer: Viewer) {
    const { thread, row } = await this.#lockedComment(tx, site, id);
    if (row.author_id !== viewer.userId) {
      throw new ProblemError('forbidden', { detail: 'Only the author may change this comment.' });
    }
    if (row.deleted)
      throw new ProblemError('comment-deleted', { detail: 'The comment was already deleted.' });
    const windowMs = site.settings.editWindowSeconds * 1000;
    if (Date.now() - new Date(row.created_at).getTime() > windowMs) {
      throw new ProblemError('edit-window-closed', {
        detail: `Comments can be changed for ${site.settings.editWindowSeconds} seconds after posting.`,
      });
    }
    return { thread, row };
  }

  async edit(
    tx: Queryable,
    site: SiteRecord,
    id: string,
    viewer: Viewer,
    markdown: string,
  ): Promise<Written<Comment>> {
    const text = checkMarkdown(site, markdown);
    const { thread, row } = await this.#ownComment(tx, site, id, viewer);
    const html = renderMarkdown(text);
    // A published comment cannot be edited into one the site would have held.
    const held =
      row.status === 'published' && holdReason(site.settings, { markdown: text, html, authorName: '' });
    if (held) {
      throw new ProblemError('edit-held', {
        detail: `${held} An edit cannot add what would be held: post it as a new comment.`,
        errors: [{ pointer: '/body/markdown', message: held }],
      });
    }
    const rows = await tx.query<CommentRow>(
      `UPDATE comments AS c SET markdown = $2, html = $3, edited_at = now() WHERE c.id = $1 RETURNING ${commentColumns}`,
      [id, text, html],
    );
    const comment = toComment(rows[0]!, thread.key);
    const waiting = row.status === 'published' ? undefined : { authorId: row.author_id };
    await appendEvent(tx, thread.id, site.id, thread.key, 'comment.edited', { comment }, waiting);
    return { result: comment, threadKey: thread.key };
  }

  /** The author deletes their own comment, within the edit window (see #tombstone). */
  async delete(tx: Queryable, site: SiteRecord, id: string, viewer: Viewer): Promise<Written<Comment>> {
    const { thread, row } = await this.#ownComment(tx, site, id, viewer);
    const comment = await this.#tombstone(tx, site, thread, id, row.status === 'published');
    return { result: comment, threadKey: thread.key };
  }

  async react(
    tx: Queryable,
    site: SiteRecord,
    id: string,
    viewer: Viewer,
    reaction: string,
    active: boolean | undefined,
  ): Promise<Written<ReactionState>> {
    if (!site.settings.reactions.includes(reaction)) {
      throw new ProblemError('validation-failed', {
        detail: `"${reaction}" is not one of this site's reactions (${site.settings.reactions.join(', ')}).`,
        errors: [{ pointer: '/body/reaction', message: 'Not offered on this site.' }],
      });
    }
    const threads = await tx.query<ThreadRow>(
      `SELECT ${threadColumns} FROM threads WHERE id = (SELECT thread_id FROM comments WHERE id = $1 AND site_id = $2) FOR UPDATE`,
      [id, site.id],
    );
    const thread = threads[0];
    const row = thread
      ? (
          await tx.query<CommentRow>(
            `SELECT ${commentColumns} FROM comments c WHERE c.id = $1 AND c.status = 'published'`,
            [id],
          )
        )[0]
      : undefined;
    if (!thread || !row)
      throw new ProblemError('comment-not-found', { detail: `There is no comment "${id}".` });
    if (row.deleted)
      throw new ProblemError('comment-deleted', { detail: 'Deleted comments take no reactions.' });
    const existing = await tx.query(
      'SELECT 1 FROM reactions WHERE comment_seq = $1 AND user_id = $2 AND reaction = $3',
      [row.seq, viewer.userId, reaction],
    );
    const want = active ?? existing.length === 0;
    let changed = false;
    if (want && existing.length === 0) {
      await tx.query('INSERT INTO reactions (comment_seq, user_id, reaction) VALUES ($1, $2, $3)', [
        row.seq,
        viewer.userId,
        reaction,
      ]);
      changed = true;
    } else if (!want && existing.length > 0) {
      await tx.query('DELETE FROM reactions WHERE comment_seq = $1 AND user_id = $2 AND reaction = $3', [
        row.seq,
        viewer.userId,
        reaction,
      ]);
      changed = true;
    }
    let reactions = row.reactions;
    if (changed) reactions = await this.#recount(tx, site, thread, row);
    const mine = await tx.query<{ reaction: string }>(
      'SELECT reaction FROM reactions WHERE comment_seq = $1 AND user_id = $2 ORDER BY created_at',
      [row.seq, viewer.userId],
    );
    return {
      result: { commentId: id, reactions, mine: mine.map((m) => m.reaction) },
      threadKey: changed ? thread.key : null,
    };
  }
}
