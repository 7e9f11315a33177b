export type * from '@kith/protocol';
export { normalizeThreadKey } from '@kith/protocol/thread-key';
export {
  type ClientOptions,
  type CommentWriteOptions,
  createClient,
  KithClient,
  newIdempotencyKey,
  type PageOptions,
  type WriteOptions,
} from './client.js';
export { sharedClient } from './clients.js';
export { CountsStore, countsFor, getCounts } from './counts.js';
export { KithError, type KithErrorCode, toKithError } from './errors.js';
export { eraseMe, myData } from './my-data.js';
export { previewComment } from './preview.js';
export { reportComment } from './report.js';
export {
  allShareNetworks,
  graphemes,
  mastodonHost,
  type ShareData,
  type ShareNetwork,
  type ShareOptions,
  shareNetworks,
  shareUrl,
  truncate,
  withUtm,
} from './share/index.js';
export { countShare, getShares } from './share-counts.js';
export { deviceStorage, type KeyValueStorage } from './storage.js';
export * from './thread/index.js';
