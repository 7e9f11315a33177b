import type { Db } from './driver.js';
import * as init from './migrations/0001-init.js';
import * as shares from './migrations/0002-shares.js';
import * as moderation from './migrations/0003-moderation.js';
import * as trustedAuthors from './migrations/0004-trusted-authors.js';
import * as rsvp from './migrations/0005-rsvp.js';
import * as attendeePrivacy from './migrations/0006-attendee-privacy.js';
import * as proofs from './migrations/0007-proofs.js';
import * as reports from './migrations/0008-reports.js';
import * as timeOrder from './migrations/0009-time-order.js';
import * as webhooks from './migrations/0010-webhooks.js';
import * as feeds from './migrations/0011-feeds.js';
import * as moderators from './migrations/0012-moderators.js';
import * as blocked from './migrations/0013-blocked.js';
import * as moderatorEvents from './migrations/0014-moderator-events.js';
import * as guestNetworks from './migrations/0015-guest-networks.js';
import * as authorEvents from './migrations/0016-author-events.js';
import * as rateLimits from './migrations/0017-rate-limits.js';

/** Ordered list of migrations; append new ones, never edit a released one. */
const migrations: { name: string; sql: string }[] = [
  init,
  shares,
  moderation,
  trustedAuthors,
  rsvp,
  attendeePrivacy,
  proofs,
  reports,
  timeOrder,
  webhooks,
  feeds,
  moderators,
  blocked,
  moderatorEvents,
  guestNetworks,
  authorEvents,
  rateLimits,
];

// Any constant: every instance uses the same one so concurrent starts migrate once.
const lockId = 4_720_117;

/** Applies the migrations the database has not seen yet, each in its own transaction. */
export async function migrate(db: Db): Promise<string[]> {
  await db.query(
    'CREATE TABLE IF NOT EXISTS kith_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  // Most opens find nothing to do: one read says so, instead of a locked transaction a migration.
  // The lock and the check inside stay for instances that start together.
  const recorded = new Set(
    (await db.query<{ name: string }>('SELECT name FROM kith_migrations')).map((r) => r.name),
  );
  const applied: string[] = [];
  for (const migration of migrations.filter((m) => !recorded.has(m.name))) {
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [lockId]);
      const done = await tx.query('SELECT 1 FROM kith_migrations WHERE name = $1', [migration.name]);
      if (done.length > 0) return;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO kith_migrations (name) VALUES ($1)', [migration.name]);
      applied.push(migration.name);
    });
  }
  return applied;
}
