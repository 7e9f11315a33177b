import type { Sort } from '@kith/protocol';
import type { KithClient } from '../client.js';
import { perClient } from '../clients.js';
import { deviceStorage, type KeyValueStorage } from '../storage.js';
import { SessionStore } from './session.js';
import { ThreadStore } from './store.js';

export { draftKey, draftSlot, hasUnsent, outboxKey, readDraft } from './drafts.js';
export { type EventStreamOptions, openEventStream, type StreamEvent } from './event-stream.js';
export { Outbox, type OutboxEntry, type OutboxListener } from './outbox.js';
export { SessionStore, type StoredSession } from './session.js';
export { type ThreadComment, type ThreadState, ThreadStore } from './store.js';
export { createThreadWriter, outboxFor, ThreadWriter } from './writer.js';

/** The reader's session on the client's site, shared by every element on the page. */
export const sessionFor = perClient(
  (client, storage: KeyValueStorage = deviceStorage()) => new SessionStore(client, storage),
);

/** A store for reading one thread, with the page's shared session (write with `createThreadWriter`). */
export function createThreadStore(
  client: KithClient,
  key: string,
  options: { sort?: Sort } = {},
): ThreadStore {
  return new ThreadStore(client, key, sessionFor(client), options);
}
