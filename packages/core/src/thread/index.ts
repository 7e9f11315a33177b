import type { Sort } from '@kith/protocol';
import type { KithClient } from '../client.js';
import { sessionFor } from './session.js';
import { ThreadStore } from './store.js';

export { draftKey, draftSlot, hasUnsent, outboxKey, readDraft } from './drafts.js';
export { type EventStreamOptions, openEventStream, type StreamEvent } from './event-stream.js';
export { followOtherTabs } from './other-tabs.js';
export { Outbox, type OutboxEntry, type OutboxListener } from './outbox.js';
export { Prover, proofAsked } from './prover.js';
export { SessionStore, type StoredSession, sessionFor } from './session.js';
export { type ThreadComment, type ThreadState, ThreadStore } from './store.js';
export { createThreadWriter, outboxFor, ThreadWriter } from './writer.js';

/** A store for reading one thread, with the page's shared session (write with `createThreadWriter`). */
export function createThreadStore(
  client: KithClient,
  key: string,
  options: { sort?: Sort } = {},
): ThreadStore {
  return new ThreadStore(client, key, sessionFor(client), options);
}
