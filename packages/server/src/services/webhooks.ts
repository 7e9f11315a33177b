import { randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { Comment, Webhook, WebhookEventType, WebhookPayload } from '@kith/protocol';
import type { Db, Queryable } from '../db/driver.js';
import { errorFields, type Logger } from '../logger.js';
import { type CommentRow, commentColumns, toComment } from './rows.js';
import { randomToken } from './secrets.js';
import type { SiteRecord, Sites } from './sites.js';
import { postWebhook, signWebhook } from './webhook-post.js';

export const webhookChannel = 'kith_webhooks';

export function newWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString('base64')}`;
}

export interface WebhookOptions {
  /** Deliveries may reach loopback and private addresses (KITH_WEBHOOK_PRIVATE=1). Off by default. */
  allowPrivate?: boolean;
  /** Seconds before each retry; a delivery is given up after the last. */
  retryDelays?: readonly number[];
  /** How often each instance looks for deliveries that are due (retries), in ms. */
  pollMs?: number;
  timeoutMs?: number;
}

/** About 28 hours of retries, as Standard Webhooks senders do: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
export const defaultRetryDelays = [5, 300, 1800, 7200, 18000, 36000, 36000];

interface DueRow {
  id: string;
  site_id: string;
  message_id: string;
  body: string;
  attempts: number;
}

/**
 * The site's webhook: events are stored in the transaction of the write they report and sent
 * after it commits, signed as Standard Webhooks, retried with backoff until the receiver answers
 * 2xx. Any instance on the database may deliver any of them; each is claimed by one at a time.
 */
export class Webhooks {
  readonly #retryDelays: readonly number[];
  readonly #timeoutMs: number;
  #timer: ReturnType<typeof setInterval> | undefined;
  #unlisten: (() => Promise<void>) | undefined;
  #running: Promise<void> | undefined;
  #again = false;
  #stopped = false;
  // Connections to receivers are kept open between deliveries.
  readonly #agents = {
    http: new http.Agent({ keepAlive: true, maxSockets: 16 }),
    https: new https.Agent({ keepAlive: true, maxSockets: 16 }),
  };

  constructor(
    private db: Db,
    private sites: Sites,
    private log: Logger,
    private options: WebhookOptions = {},
  ) {
    this.#retryDelays = options.retryDelays ?? defaultRetryDelays;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
  }

  /** Whether the site sends this event. */
  wants(site: SiteRecord, type: WebhookEventType): boolean {
    return site.settings.webhook?.events.includes(type) ?? false;
  }

  /** Stores the event for delivery once the transaction commits (nothing, if the site does not want it). */
  async enqueue(
    tx: Queryable,
    site: SiteRecord,
    type: WebhookEventType,
    data: Omit<WebhookPayload['data'], 'site' | 'thread'> & { comment: Comment },
  ): Promise<void> {
    if (!this.wants(site, type)) return;
    const payload: WebhookPayload = {
      type,
      timestamp: new Date().toISOString(),
      data: { site: site.id, thread: data.comment.threadKey, ...data },
    };
    await tx.query(
      `INSERT INTO webhook_deliveries (site_id, message_id, type, body) VALUES ($1, $2, $3, $4)`,
      [site.id, `msg_${randomToken(18)}`, type, JSON.stringify(payload)],
    );
    // Heard by every instance at commit, not before.
    await tx.query('SELECT pg_notify($1, $2)', [webhookChannel, site.id]);
  }

  /** A reader reported a comment: the comment, the reason and how many have reported it. */
  async enqueueReport(
    tx: Queryable,
    site: SiteRecord,
    id: string,
    report: { reason: NonNullable<WebhookPayload['data']['report']>['reason']; note?: string | undefined },
  ): Promise<void> {
    if (!this.wants(site, 'comment.reported')) return;
    const rows = await tx.query<CommentRow & { key: string; reports: number }>(
      `SELECT ${commentColumns}, t.key, (SELECT count(*)::int FROM reports r WHERE r.comment_seq = c.seq) AS reports
       FROM comments c JOIN threads t ON t.id = c.thread_id WHERE c.id = $1 AND c.site_id = $2`,
      [id, site.id],
    );
    const row = rows[0];
    if (!row) return;
    const note = report.note?.trim();
    await this.enqueue(tx, site, 'comment.reported', {
      comment: toComment(row, row.key),
      report: { reason: report.reason, ...(note && { note }), reports: row.reports },
    });
  }

  /** Delivers what is due now, then whenever an event is stored (any instance) or a retry falls due. */
  async start(): Promise<void> {
    this.#stopped = false;
    const wake = () => this.wake();
    this.#unlisten = await this.db.listen(webhookChannel, wake, wake);
    this.#timer = setInterval(() => this.wake(), this.options.pollMs ?? 5000);
    this.#timer.unref();
    this.wake();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    await this.#unlisten?.();
    await this.#running;
    this.#agents.http.destroy();
    this.#agents.https.destroy();
  }

  /** Runs a delivery round now, or once more after the one under way. */
  wake(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.deliverDue()
      .then(
        () => undefined,
        (error) => this.log.warn('webhook deliveries failed', errorFields(error)),
      )
      .finally(() => {
        this.#running = undefined;
        if (this.#again) {
          this.#again = false;
          this.wake();
        }
      });
  }

  /** Claims the deliveries that are due (each for one instance), sends them; returns how many. */
  async deliverDue(batch = 50): Promise<number> {
    let total = 0;
    for (;;) {
      // The claim is a lease: if this instance dies mid-send, another retries when it runs out.
      const rows = await this.db.query<DueRow>(
        `UPDATE webhook_deliveries SET attempts = attempts + 1, next_at = now() + make_interval(secs => $1)
         WHERE id IN (
           SELECT id FROM webhook_deliveries
           WHERE delivered_at IS NULL AND failed_at IS NULL AND next_at <= now()
           ORDER BY next_at, id LIMIT $2 FOR UPDATE SKIP LOCKED
         )
         RETURNING id, site_id, message_id, body, attempts`,
        [Math.ceil(this.#timeoutMs / 1000) + 60, batch],
      );
      if (rows.length) await this.#deliver(rows);
      total += rows.length;
      if (rows.length < batch || this.#stopped) return total;
    }
  }

  /** Sends a claimed batch at once; what was delivered is recorded in one statement. */
  async #deliver(rows: DueRow[]): Promise<void> {
    // Each site's webhook as it is set now, read once per batch.
    const hooks = new Map<string, Webhook | null>();
    for (const siteId of new Set(rows.map((r) => r.site_id))) {
      this.sites.forget(siteId);
      hooks.set(siteId, (await this.sites.find(siteId))?.settings.webhook ?? null);
    }
    const outcomes = await Promise.all(rows.map((row) => this.#send(row, hooks.get(row.site_id) ?? null)));
    const delivered = outcomes.filter((o) => !o.error);
    if (delivered.length) {
      await this.db.query(
        `UPDATE webhook_deliveries d SET delivered_at = now(), last_status = u.status, last_error = NULL
         FROM unnest($1::bigint[], $2::int[]) AS u(id, status) WHERE d.id = u.id`,
        [delivered.map((o) => o.row.id), delivered.map((o) => o.status)],
      );
    }
    for (const { row, status, error, hook } of outcomes) {
      // Never the URL in logs: receivers (chat services) often keep their own secret in it.
      const fields = { site: row.site_id, id: row.message_id, attempt: row.attempts };
      if (!error) {
        this.log.debug('webhook delivered', fields);
        continue;
      }
      const delay = hook ? this.#retryDelays[row.attempts - 1] : undefined;
      if (delay === undefined) {
        await this.db.query(
          'UPDATE webhook_deliveries SET failed_at = now(), last_status = $2, last_error = $3 WHERE id = $1',
          [row.id, status, error],
        );
        this.log.warn('webhook delivery given up', { ...fields, error });
      } else {
        await this.db.query(
          `UPDATE webhook_deliveries SET next_at = now() + make_interval(secs => $2), last_status = $3, last_error = $4
           WHERE id = $1`,
          [row.id, delay, status, error],
        );
        this.log.info('webhook delivery will be retried', { ...fields, error, inSeconds: delay });
      }
    }
  }

  async #send(row: DueRow, hook: Webhook | null) {
    if (!hook) return { row, hook, status: null, error: 'the webhook was turned off' };
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      const status = await postWebhook(
        new URL(hook.url),
        {
          'content-type': 'application/json',
          'user-agent': 'kith-server',
          'webhook-id': row.message_id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signWebhook(hook.secret, row.message_id, timestamp, row.body),
        },
        row.body,
        {
          allowPrivate: this.options.allowPrivate ?? false,
          timeoutMs: this.#timeoutMs,
          agents: this.#agents,
        },
      );
      return { row, hook, status, error: status >= 200 && status <= 299 ? null : `answered ${status}` };
    } catch (thrown) {
      return { row, hook, status: null, error: thrown instanceof Error ? thrown.message : String(thrown) };
    }
  }

  /** Housekeeping: delivered events are kept a week, given-up ones a month. */
  async prune(): Promise<void> {
    await this.db.query(
      `DELETE FROM webhook_deliveries WHERE delivered_at < now() - interval '7 days'
       OR failed_at < now() - interval '30 days'`,
    );
  }
}

/** A site's latest deliveries, newest first (what `kith-server site webhook <id>` shows). */
export function recentDeliveries(db: Queryable, siteId: string, limit = 20) {
  return db.query<{
    created_at: Date;
    type: string;
    attempts: number;
    delivered_at: Date | null;
    failed_at: Date | null;
    last_error: string | null;
  }>(
    `SELECT created_at, type, attempts, delivered_at, failed_at, last_error FROM webhook_deliveries
     WHERE site_id = $1 ORDER BY id DESC LIMIT $2`,
    [siteId, limit],
  );
}
