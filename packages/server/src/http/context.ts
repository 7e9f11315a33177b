import type { Db } from '../db/driver.js';
import type { Logger } from '../logger.js';
import type { Comments } from '../services/comments.js';
import type { EventBus } from '../services/events.js';
import type { PageCache } from '../services/page-cache.js';
import type { Proofs } from '../services/proofs.js';
import type { Reports } from '../services/reports.js';
import type { Rsvps } from '../services/rsvps.js';
import type { Sessions } from '../services/sessions.js';
import type { Shares } from '../services/shares.js';
import type { Sites } from '../services/sites.js';
import type { Threads } from '../services/threads.js';
import type { Webhooks } from '../services/webhooks.js';
import type { RateLimits } from './rate-limit.js';

/** Everything a request handler may use; built once per server. */
export interface AppContext {
  db: Db;
  log: Logger;
  sites: Sites;
  sessions: Sessions;
  comments: Comments;
  threads: Threads;
  shares: Shares;
  rsvps: Rsvps;
  proofs: Proofs;
  reports: Reports;
  webhooks: Webhooks;
  bus: EventBus;
  pages: PageCache;
  limiter: RateLimits;
  /** Trust X-Forwarded-For for the client address (only behind a proxy you run). */
  trustProxy: boolean;
  /** How often an idle event stream sends a keep-alive comment. */
  keepAliveMs: number;
}
