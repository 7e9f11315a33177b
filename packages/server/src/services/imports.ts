import type { Db, Queryable } from '../db/driver.js';
import { importId, type Planned, type PlanOptions, planImport } from '../import/plan.js';
import type { DropReason, ImportSource } from '../import/source.js';
import { eventsChannel } from './events.js';
import { Rsvps } from './rsvps.js';

/** What an import did (or, dry, would do). */
export interface ImportReport {
  format: ImportSource['format'];
  /** Comments written now. */
  imported: number;
  /** Comments already imported by an earlier run of the same file, left as they are. */
  alreadyThere: number;
  /** Of those written: kept without text or author, for the replies below them. */
  tombstones: number;
  /** Of those written: waiting for the site owner's approval. */
  pending: number;
  /** Threads the comments are in. */
  threads: number;
  /** Events written now, with their answers (Kith exports only). */
  events: number;
  /** Comments left out, by reason. */
  skipped: Partial<Record<DropReason, number>>;
}

export interface ImportOptions extends PlanOptions {
  /** Do everything, then roll it back: the report says exactly what an import would do. */
  dryRun?: boolean;
}

const batchSize = 500;

class DryRun extends Error {
  constructor(readonly report: ImportReport) {
    super('dry run');
  }
}

/** Writes comments read from an export (see `planImport`) into a site, in one transaction. */
export class Imports {
  constructor(private readonly db: Db) {}

  async run(siteId: string, source: ImportSource, options: ImportOptions = {}): Promise<ImportReport> {
    const { comments, skipped } = planImport(siteId, source, options);
    try {
      return await this.db.transaction(async (tx) => {
        const report = await this.#write(tx, siteId, source, comments, skipped);
        if (options.dryRun) throw new DryRun(report);
        return report;
      });
    } catch (error) {
      if (error instanceof DryRun) return error.report;
      throw error;
    }
  }

  async #write(
    tx: Queryable,
    siteId: string,
    source: ImportSource,
    comments: Planned[],
    skipped: ImportReport['skipped'],
  ): Promise<ImportReport> {
    // The threads the comments go in, and those the source had closed (closed here too, unless
    // the thread is already on this site: then it stays as the owner has it).
    const keys = [
      ...new Set([
        ...comments.map((c) => c.threadKey),
        ...[...source.threads].filter(([, t]) => t.closed).map(([key]) => key),
        ...(source.events?.keys() ?? []),
      ]),
    ];
    await tx.query(
      `INSERT INTO threads (site_id, key, closed)
       SELECT $1, u.key, u.closed FROM unnest($2::text[], $3::boolean[]) AS u(key, closed)
       ON CONFLICT (site_id, key) DO NOTHING`,
      [siteId, keys, keys.map((key) => source.threads.get(key)?.closed ?? false)],
    );
    const threadRows = await tx.query<{ id: string; key: string }>(
      'SELECT id, key FROM threads WHERE site_id = $1 AND key = ANY($2::text[]) FOR UPDATE',
      [siteId, keys],
    );
    const threadIds = new Map(threadRows.map((t) => [t.key, t.id]));
    const ids = threadRows.map((t) => t.id);
    let imported = 0;
    let tombstones = 0;
    let pending = 0;
    for (let start = 0; start < comments.length; start += batchSize) {
      const batch = comments.slice(start, start + batchSize);
      const column = <T>(pick: (c: Planned) => T) => batch.map(pick);
      const written = await tx.query<{ id: string }>(
        `INSERT INTO comments (id, site_id, thread_id, parent_id, root_id, path, depth, author, markdown, html,
                               status, deleted, created_at, edited_at, reactions, score)
         SELECT u.id, $1, u.thread_id, u.parent_id, u.root_id, u.path, u.depth, u.author::jsonb, u.markdown, u.html,
                u.status, u.deleted, u.created_at::timestamptz, u.edited_at::timestamptz, u.reactions::jsonb, u.score
         FROM unnest($2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::text[],
                     $10::text[], $11::text[], $12::boolean[], $13::text[], $14::text[], $15::text[], $16::int[])
              WITH ORDINALITY AS u(id, thread_id, parent_id, root_id, path, depth, author, markdown, html, status,
                                   deleted, created_at, edited_at, reactions, score, n)
         ORDER BY u.n
         ON CONFLICT (id) DO NOTHING
         RETURNING id`,
        [
          siteId,
          column((c) => c.id),
          column((c) => threadIds.get(c.threadKey)!),
          column((c) => c.parent?.id ?? null),
          column((c) => c.rootId),
          column((c) => c.path),
          column((c) => c.depth),
          column((c) => (c.author ? JSON.stringify(c.author) : null)),
          column((c) => c.markdown),
          column((c) => c.html),
          column((c) => c.status),
          column((c) => c.deleted),
          column((c) => c.createdAt),
          column((c) => c.editedAt),
          column((c) => JSON.stringify(c.reactions)),
          column((c) => Object.values(c.reactions).reduce((sum, n) => sum + n, 0)),
        ],
      );
      const fresh = new Set(written.map((w) => w.id));
      imported += fresh.size;
      for (const c of batch) {
        if (!fresh.has(c.id)) continue;
        if (c.deleted) tombstones++;
        if (c.status === 'pending') pending++;
      }
    }
    // Counted from the rows, as a new comment would have counted them: visible comments only. A
    // reply's path names its ancestors, so each visible reply counts once for each of them.
    await tx.query(
      `WITH counted AS (
         SELECT ancestor AS id, count(*)::int AS n
         FROM comments d, unnest((string_to_array(trim(BOTH '/' FROM d.path), '/'))[1:d.depth]) AS ancestor
         WHERE d.thread_id = ANY($1::bigint[]) AND d.depth > 0 AND d.status = 'published' AND NOT d.deleted
         GROUP BY ancestor
       ), targets AS (
         SELECT c.seq, COALESCE(k.n, 0) AS n FROM comments c LEFT JOIN counted k ON k.id = c.id
         WHERE c.thread_id = ANY($1::bigint[])
       )
       UPDATE comments c SET reply_count = t.n FROM targets t WHERE c.seq = t.seq AND c.reply_count <> t.n`,
      [ids],
    );
    await tx.query(
      `UPDATE threads t SET comment_count = s.all_count, top_level_count = s.top_count
       FROM (SELECT thread_id,
                    count(*) FILTER (WHERE status = 'published' AND NOT deleted)::int AS all_count,
                    count(*) FILTER (WHERE status = 'published' AND NOT deleted AND parent_id IS NULL)::int AS top_count
             FROM comments WHERE thread_id = ANY($1::bigint[]) GROUP BY thread_id) s
       WHERE t.id = s.thread_id`,
      [ids],
    );
    const events = await this.#events(tx, siteId, source);
    // Running servers drop the pages they keep of these threads at commit.
    await tx.query('SELECT pg_notify($1, k) FROM unnest($2::text[]) AS k', [
      eventsChannel,
      keys.map((key) => JSON.stringify([siteId, key])),
    ]);
    return {
      format: source.format,
      imported,
      alreadyThere: comments.length - imported,
      tombstones,
      pending,
      threads: new Set(comments.map((c) => c.threadKey)).size,
      events,
      skipped,
    };
  }

  /**
   * Events of a Kith export, each with its answers, on pages that have none yet (a second run adds
   * nothing). Into its own site an event keeps its calendar identity and its readers their ids.
   */
  async #events(tx: Queryable, siteId: string, source: ImportSource): Promise<number> {
    const ownSite = source.format === 'kith' && source.site === siteId;
    const rsvps = new Rsvps(this.db, () => 'import');
    let count = 0;
    for (const [key, exported] of source.events ?? []) {
      const restored = await rsvps.restore(tx, siteId, key, exported, {
        keepUid: ownSite,
        userId: (author) => (ownSite ? author.id : importId(siteId, source, 'user', author.id)),
      });
      if (restored) count++;
    }
    return count;
  }
}
