export type * from '@kith/protocol';
export { normalizeThreadKey } from '@kith/protocol/thread-key';
export {
  type ClientOptions,
  createClient,
  KithClient,
  newIdempotencyKey,
  type PageOptions,
  type WriteOptions,
} from './client.js';
export { sharedClient } from './clients.js';
export { CountsStore, countsFor } from './counts.js';
export { KithError, type KithErrorCode, toKithError } from './errors.js';
export * from './share.js';
