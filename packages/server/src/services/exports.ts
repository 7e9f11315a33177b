import type { Author, EventInput, ExportedComment, ExportedEvent, ExportedThread } from '@kith/protocol';
import type { Db } from '../db/driver.js';
import { type CommentRow, commentColumns, toComment } from './rows.js';

const threadsPerQuery = 200;

/** The events of these threads, each as its owner would PUT it again, with its answers. */
async function exportedEvents(db: Db, threadIds: string[]): Promise<Map<string, ExportedEvent>> {
  const events = await db.query<{
    thread_id: string;
    uid: string;
    details: Record<string, unknown>;
    capacity: number | null;
    max_guests: number;
    show_attendees: boolean;
    cancelled: boolean;
    sequence: number;
  }>(
    `SELECT thread_id, uid, details, capacity, max_guests, show_attendees, cancelled, sequence
     FROM rsvp_events WHERE thread_id = ANY($1::bigint[])`,
    [threadIds],
  );
  const byThread = new Map<string, ExportedEvent>();
  if (events.length === 0) return byThread;
  for (const e of events) {
    // Stored details keep null for what the owner left out; EventInput leaves it out.
    const details = Object.fromEntries(Object.entries(e.details).filter(([, value]) => value !== null));
    const event = {
      ...details,
      capacity: e.capacity,
      maxGuests: e.max_guests,
      showAttendees: e.show_attendees,
      status: e.cancelled ? 'cancelled' : 'scheduled',
    } as EventInput;
    byThread.set(e.thread_id, { event, uid: e.uid, sequence: e.sequence, answers: [] });
  }
  const answers = await db.query<{
    thread_id: string;
    response: 'going' | 'maybe' | 'not-going';
    guests: number;
    waitlisted: boolean;
    id: string;
    name: string;
    kind: Author['kind'];
    avatar_url: string | null;
    external_id: string | null;
  }>(
    `SELECT r.thread_id, r.response, r.guests, r.waitlist IS NOT NULL AS waitlisted,
            u.id, u.name, u.kind, u.avatar_url, u.external_id
     FROM rsvps r JOIN users u ON u.id = r.user_id
     WHERE r.thread_id = ANY($1::bigint[])
     ORDER BY r.waitlist IS NOT NULL, COALESCE(r.waitlist, r.since)`,
    [[...byThread.keys()]],
  );
  for (const a of answers) {
    byThread.get(a.thread_id)!.answers.push({
      author: { id: a.id, name: a.name, kind: a.kind, avatarUrl: a.avatar_url },
      externalId: a.kind === 'sso' ? a.external_id : null,
      response: a.response,
      guests: a.guests,
      waitlisted: a.waitlisted,
    });
  }
  return byThread;
}

/** A thread of a site as an export holds it, each comment with the HTML readers see. */
export type SiteThread = Omit<ExportedThread, 'comments'> & {
  comments: (ExportedComment & { html: string })[];
};

/**
 * A site's threads with their comments and events, a batch of threads at a time, so a large site
 * is read out without being held in memory whole. Threads are in key order, comments in the order
 * this server stored them (a parent always before its replies); only threads with comments or an
 * event, or closed, are listed.
 */
export async function* siteThreads(db: Db, siteId: string): AsyncGenerator<SiteThread> {
  let after = '';
  for (;;) {
    const threads = await db.query<{ id: string; key: string; closed: boolean }>(
      `SELECT id, key, closed FROM threads t
       WHERE site_id = $1 AND key COLLATE "C" > $2
         AND (closed OR EXISTS (SELECT 1 FROM comments c WHERE c.thread_id = t.id)
              OR EXISTS (SELECT 1 FROM rsvp_events e WHERE e.thread_id = t.id))
       ORDER BY key COLLATE "C" LIMIT $3`,
      [siteId, after, threadsPerQuery],
    );
    if (threads.length === 0) break;
    const ids = threads.map((t) => t.id);
    // Top-level comments, then the replies below them: both read through the indexes a thread
    // page uses, rather than a scan of every comment on the server per batch.
    const top = await db.query<CommentRow & { thread_id: string }>(
      `SELECT ${commentColumns}, c.thread_id FROM comments c
       WHERE c.thread_id = ANY($1::bigint[]) AND c.parent_id IS NULL`,
      [ids],
    );
    const replies = await db.query<CommentRow & { thread_id: string }>(
      `SELECT ${commentColumns}, c.thread_id FROM comments c WHERE c.root_id = ANY($1::text[])`,
      [top.map((c) => c.id)],
    );
    const rows = [...top, ...replies].sort((a, b) => Number(a.seq) - Number(b.seq));
    const byThread = new Map<string, SiteThread['comments']>();
    for (const row of rows) {
      const list = byThread.get(row.thread_id) ?? [];
      // The comment as the API shows it, less what is derived from the rest on import.
      const { threadKey, rootId, depth, replyCount, ...exported } = toComment(row, '');
      list.push(exported);
      byThread.set(row.thread_id, list);
    }
    const events = await exportedEvents(db, ids);
    for (const thread of threads) {
      const event = events.get(thread.id);
      yield {
        key: thread.key,
        closed: thread.closed,
        comments: byThread.get(thread.id) ?? [],
        ...(event && { event }),
      };
    }
    after = threads.at(-1)!.key;
  }
}

/** A site's threads, comments and events as a `SiteExport` document, produced piece by piece. */
export async function* exportSite(db: Db, siteId: string, now = new Date()): AsyncGenerator<string> {
  yield `{"format":"kith-export","version":1,"site":${JSON.stringify(siteId)},"exportedAt":"${now.toISOString()}","threads":[`;
  let first = true;
  for await (const { comments, ...thread } of siteThreads(db, siteId)) {
    const exported: ExportedThread = { ...thread, comments: comments.map(({ html, ...comment }) => comment) };
    yield `${first ? '' : ','}\n${JSON.stringify(exported)}`;
    first = false;
  }
  yield '\n]}\n';
}
