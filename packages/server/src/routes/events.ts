import type { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AppContext } from '../http/context.js';
import { defineRead } from '../http/define.js';
import { newestEventId, threadPosition } from '../services/events.js';

interface EventRow {
  id: string;
  type: string;
  data: string;
  /** Only moderators and the comment's author may hear it (a comment waiting for approval). */
  private: boolean;
}

const batch = 200;
/** Keep-alives between a quiet stream's own looks (every 5 minutes at the default 20 s). */
const lookEvery = 15;

export function eventRoutes(app: Hono, ctx: AppContext) {
  defineRead(app, ctx, 'threadEvents', async ({ c, site, params, query, viewer: opened }) => {
    // Comments waiting for approval travel on moderators' streams, and each on its author's.
    let moderator = opened?.moderator === true;
    let userId = opened?.userId ?? null;
    /**
     * Asks the database again who reads, before anything only they may hear is sent: a stream
     * lives for hours, and a moderator whose right was taken away or a reader who signed out (or
     * was erased) must not go on hearing waiting comments. True if nothing changed; otherwise the
     * stream now reads as the reader is now, and false.
     */
    const stillMay = async (): Promise<boolean> => {
      const now = await ctx.sessions.streamReader(site.id, c.req.header('authorization'), { fresh: true });
      if ((now?.moderator === true) === moderator && (now?.userId ?? null) === userId) return true;
      moderator = now?.moderator === true;
      userId = now?.userId ?? null;
      return false;
    };
    const resumeFrom = c.req.header('last-event-id') ?? query.lastEventId;
    const key = params.key;
    const resume = resumeFrom && /^[0-9]{1,18}$/.test(resumeFrom) ? resumeFrom : undefined;
    c.header('cache-control', 'no-store');
    c.header('x-accel-buffering', 'no');
    return streamSSE(c, async (stream) => {
      let closed = false;
      let wakeUp: (() => void) | undefined;
      let woken = false;
      const unsubscribe = ctx.bus.subscribe(site.id, key, () => {
        woken = true;
        wakeUp?.();
      });
      stream.onAbort(() => {
        closed = true;
        wakeUp?.();
      });
      try {
        const thread = await ctx.threads.find(site.id, key);
        let last: string;
        if (resume !== undefined && BigInt(resume) > BigInt(await newestEventId(ctx.db))) {
          // An id this database never gave: it was restored from a backup, or the site moved
          // here. What the client shows cannot be brought up to date, and this stream's ids
          // would stay below the client's for a long while: it reloads, and goes on from now.
          await stream.writeSSE({ event: 'reset', data: JSON.stringify({ reason: 'stream-restarted' }) });
          last = thread ? await threadPosition(ctx.db, thread.id) : '0';
        } else if (resume !== undefined) {
          last = resume;
          // Missed events were deleted if some deleted id lies after the client's last one.
          if (thread && BigInt(resume) + 1n < BigInt(thread.events_pruned_before)) {
            await stream.writeSSE({ event: 'reset', data: JSON.stringify({ reason: 'events-expired' }) });
          }
        } else {
          last = thread ? await threadPosition(ctx.db, thread.id) : '0';
        }
        // The position it starts from, as an id: a client that drops before any event resumes
        // from there, missing nothing.
        await stream.write(`retry: 3000\nid: ${last}\n: connected\n\n`);
        while (!closed) {
          woken = false;
          const rows = await ctx.db.query<EventRow>(
            `SELECT e.id::text AS id, e.type, e.data, e.for_moderators AS private
             FROM events e JOIN threads t ON t.id = e.thread_id
             WHERE t.site_id = $1 AND t.key = $2 AND e.id > $3
               AND (NOT e.for_moderators OR $4 OR e.for_author = $5)
             ORDER BY e.id LIMIT ${batch}`,
            [site.id, key, last, moderator, userId],
          );
          if (rows.some((row) => row.private) && !(await stillMay())) {
            // What the client shows was read as someone else: it reloads, and the stream goes on
            // from the same place with what this reader may hear now.
            await stream.writeSSE({ event: 'reset', data: JSON.stringify({ reason: 'viewer-changed' }) });
            continue;
          }
          for (const row of rows) {
            if (closed) break;
            await stream.writeSSE({ id: row.id, event: row.type, data: row.data });
            last = row.id;
          }
          if (rows.length === batch || woken) continue;
          // Every event wakes its thread's streams (locally, and on every instance through
          // NOTIFY), so a quiet stream only keeps its connection alive. It looks on its own now
          // and then, should a wake ever be lost: a look at every keep-alive was a query a
          // second for every 20 open pages.
          for (let quiet = 0; quiet < lookEvery && !woken && !closed; quiet++) {
            const timedOut = await new Promise<boolean>((resolve) => {
              const timer = setTimeout(() => resolve(true), ctx.keepAliveMs);
              wakeUp = () => {
                clearTimeout(timer);
                resolve(false);
              };
            });
            wakeUp = undefined;
            if (timedOut && !closed) await stream.write(': keep-alive\n\n');
          }
        }
      } finally {
        unsubscribe();
      }
    });
  });
}
