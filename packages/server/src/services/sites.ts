import {
  type SiteSettings as OwnerSettings,
  type Site,
  type SiteSettingsPatch,
  type Webhook,
  webhookEventTypes,
} from '@kith/protocol';
import type { Db, Queryable } from '../db/driver.js';
import { ProblemError } from '../http/problem.js';
import { hashSecret, randomToken, siteSecretPrefix } from './secrets.js';
import { newSsoSecret } from './sso.js';
import { newWebhookSecret } from './webhooks.js';

type Limits = Site['limits'];

export interface SiteSettings {
  name: string;
  reactions: string[];
  moderation: Site['moderation'];
  proofOfWork: Site['proofOfWork'];
  holdLinks: number;
  holdWords: string[];
  guests: boolean;
  shareCounts: boolean;
  commentMaxLength: number;
  editWindowSeconds: number;
  pageSize: number;
  rateLimit: Limits['rateLimit'];
  /** Where events are POSTed, which, and the secret that signs them (never shown to readers). */
  webhook: Webhook | null;
  /** The secret the site signs its readers' sign-in tokens with (HS256), when single sign-on is on. */
  sso: { secret: string } | null;
}

export interface SiteRecord {
  id: string;
  secretHash: string;
  origins: string[];
  settings: SiteSettings;
}

export const defaultSettings: Omit<SiteSettings, 'name'> = {
  reactions: ['+1', 'heart', 'laugh', 'hooray', 'eyes'],
  moderation: 'none',
  proofOfWork: 'none',
  holdLinks: 0,
  holdWords: [],
  guests: true,
  shareCounts: true,
  commentMaxLength: 10000,
  editWindowSeconds: 900,
  pageSize: 20,
  rateLimit: {
    comments: { max: 10, windowSeconds: 60 },
    sessions: { max: 10, windowSeconds: 60 },
    reactions: { max: 120, windowSeconds: 60 },
    shares: { max: 30, windowSeconds: 60 },
    rsvps: { max: 30, windowSeconds: 60 },
  },
  webhook: null,
  sso: null,
};

const fixedLimits = { maxPageSize: 100, repliesPreview: 3, countsBatchMax: 100 };

export function siteCapabilities(site: SiteRecord): Site {
  const s = site.settings;
  return {
    id: site.id,
    name: s.name,
    protocol: 'kith/1',
    features: {
      comments: true,
      reactions: s.reactions.length > 0,
      guests: s.guests,
      realtime: true,
      shareCounts: s.shareCounts,
      events: true,
    },
    moderation: s.moderation,
    proofOfWork: s.proofOfWork,
    reactions: s.reactions,
    limits: {
      commentMaxLength: s.commentMaxLength,
      editWindowSeconds: s.editWindowSeconds,
      pageSize: s.pageSize,
      ...fixedLimits,
      rateLimit: s.rateLimit,
    },
  };
}

/** Everything the owner has set, for them alone (hold words included). */
export function ownerSettings(site: SiteRecord): OwnerSettings {
  const { name, moderation, proofOfWork, holdLinks, holdWords, reactions, guests, shareCounts } =
    site.settings;
  const { commentMaxLength, editWindowSeconds, pageSize, rateLimit, webhook, sso } = site.settings;
  return {
    name,
    origins: site.origins,
    moderation,
    proofOfWork,
    holdLinks,
    holdWords,
    reactions,
    guests,
    shareCounts,
    commentMaxLength,
    editWindowSeconds,
    pageSize,
    rateLimit,
    webhook,
    sso,
  };
}

function mergeSettings(id: string, name: string, stored: Partial<SiteSettings>): SiteSettings {
  return {
    ...defaultSettings,
    ...stored,
    name: stored.name ?? name ?? id,
    rateLimit: { ...defaultSettings.rateLimit, ...stored.rateLimit },
  };
}

interface SiteRow {
  id: string;
  name: string;
  secret_hash: string;
  origins: string[];
  settings: Partial<SiteSettings>;
}

/**
 * Sites are read on every request, so they are cached for a few seconds. Changes made through this
 * instance are seen at once; other instances see them within `ttlMs`.
 */
export class Sites {
  #cache = new Map<string, { at: number; site: SiteRecord | null }>();

  constructor(
    private db: Db,
    private ttlMs = 5000,
  ) {}

  async find(id: string): Promise<SiteRecord | null> {
    const hit = this.#cache.get(id);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.site;
    const rows = await this.db.query<SiteRow>(
      'SELECT id, name, secret_hash, origins, settings FROM sites WHERE id = $1',
      [id],
    );
    const row = rows[0];
    const site = row
      ? {
          id: row.id,
          secretHash: row.secret_hash,
          origins: row.origins,
          settings: mergeSettings(row.id, row.name, row.settings),
        }
      : null;
    this.#cache.set(id, { at: Date.now(), site });
    return site;
  }

  async get(id: string): Promise<SiteRecord> {
    const site = await this.find(id);
    if (!site) throw new ProblemError('site-not-found', { detail: `There is no site "${id}".` });
    return site;
  }

  /** Creates a site and returns its secret: shown once, only its hash is stored. */
  async create(id: string, origins: string[], name = id): Promise<{ site: SiteRecord; secret: string }> {
    const secret = siteSecretPrefix + randomToken(32);
    await this.db.query('INSERT INTO sites (id, name, secret_hash, origins) VALUES ($1, $2, $3, $4)', [
      id,
      name,
      hashSecret(secret),
      origins,
    ]);
    this.#cache.delete(id);
    return { site: await this.get(id), secret };
  }

  /** A new secret for an existing site; the old one stops working at once. */
  async rotateSecret(id: string): Promise<string> {
    const secret = siteSecretPrefix + randomToken(32);
    const rows = await this.db.query('UPDATE sites SET secret_hash = $2 WHERE id = $1 RETURNING id', [
      id,
      hashSecret(secret),
    ]);
    if (rows.length === 0) throw new ProblemError('site-not-found');
    this.#cache.delete(id);
    return secret;
  }

  /** Applies a settings patch; pass the transaction's `q` when called inside one. */
  async update(site: SiteRecord, patch: SiteSettingsPatch, q: Queryable = this.db): Promise<SiteRecord> {
    const { origins, rateLimit, webhook, sso, ...rest } = patch;
    const id = site.id;
    const settings: SiteSettings = { ...site.settings, ...rest };
    if (rateLimit) settings.rateLimit = { ...site.settings.rateLimit, ...rateLimit };
    // The signing secret is made once and kept while the address or the events change.
    if (webhook !== undefined) {
      settings.webhook = webhook && {
        url: webhook.url,
        events: webhook.events ?? [...webhookEventTypes],
        secret: site.settings.webhook?.secret ?? newWebhookSecret(),
      };
    }
    // Made once and kept while it stays on; off then on again is a new secret.
    if (sso !== undefined) settings.sso = sso ? (site.settings.sso ?? { secret: newSsoSecret() }) : null;
    await q.query(
      'UPDATE sites SET settings = $2, origins = COALESCE($3, origins), name = $4 WHERE id = $1',
      [id, JSON.stringify(settings), origins ?? null, settings.name],
    );
    this.#cache.delete(id);
    return { ...site, origins: origins ?? site.origins, settings };
  }

  /** How much a site holds: what removing it would take with it. */
  async holdings(
    id: string,
  ): Promise<{ threads: number; comments: number; events: number; readers: number }> {
    const [row] = await this.db.query<Record<'threads' | 'comments' | 'events' | 'readers', string>>(
      `SELECT (SELECT count(*) FROM threads WHERE site_id = $1) AS threads,
              (SELECT count(*) FROM comments WHERE site_id = $1) AS comments,
              (SELECT count(*) FROM rsvp_events e JOIN threads t ON t.id = e.thread_id WHERE t.site_id = $1) AS events,
              (SELECT count(*) FROM users WHERE site_id = $1) AS readers`,
      [id],
    );
    return {
      threads: Number(row?.threads),
      comments: Number(row?.comments),
      events: Number(row?.events),
      readers: Number(row?.readers),
    };
  }

  /**
   * Removes a site with everything it holds, for good: threads, comments, reactions, reports,
   * events and their answers, readers and their sessions, share counts, webhook deliveries.
   * Other instances stop serving it once their cache of it expires (`ttlMs`).
   */
  async remove(id: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      // The tables that name the site without a foreign key (written before the site is known),
      // so that a new site taking the id starts afresh.
      await tx.query('DELETE FROM idempotency WHERE site_id = $1', [id]);
      await tx.query('DELETE FROM rate_limits WHERE starts_with(bucket, $1)', [`${id}:`]);
      const rows = await tx.query('DELETE FROM sites WHERE id = $1 RETURNING id', [id]);
      if (rows.length === 0)
        throw new ProblemError('site-not-found', { detail: `There is no site "${id}".` });
    });
    this.#cache.delete(id);
  }

  async list(): Promise<{ id: string; name: string; origins: string[] }[]> {
    return this.db.query('SELECT id, name, origins FROM sites ORDER BY id');
  }

  forget(id: string): void {
    this.#cache.delete(id);
  }
}
