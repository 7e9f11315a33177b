import type { Sort } from '@kith/protocol';
import type { KithClient } from '../client.js';
import { deviceStorage, type KeyValueStorage } from '../storage.js';
import { Outbox } from './outbox.js';
import { SessionStore } from './session.js';
import { ThreadStore } from './store.js';

export { type EventStreamOptions, openEventStream, type StreamEvent } from './event-stream.js';
export { draftSlot, Outbox, type OutboxEntry, type OutboxListener } from './outbox.js';
export { SessionStore, type StoredSession } from './session.js';
export { type ThreadComment, type ThreadState, ThreadStore } from './store.js';

const sessions = new WeakMap<KithClient, SessionStore>();
const outboxes = new WeakMap<KithClient, Outbox>();

/** The reader's session on the client's site, shared by every element on the page. */
export function sessionFor(client: KithClient, storage: KeyValueStorage = deviceStorage()): SessionStore {
  let session = sessions.get(client);
  if (!session) {
    session = new SessionStore(client, storage);
    sessions.set(client, session);
  }
  return session;
}

/** The client's drafts and unsent comments, shared by every element on the page. */
export function outboxFor(client: KithClient, storage: KeyValueStorage = deviceStorage()): Outbox {
  let outbox = outboxes.get(client);
  if (!outbox) {
    outbox = new Outbox(client, storage);
    outboxes.set(client, outbox);
  }
  return outbox;
}

/** A store for one thread, with the page's shared session and outbox. */
export function createThreadStore(
  client: KithClient,
  key: string,
  options: { sort?: Sort } = {},
): ThreadStore {
  return new ThreadStore(client, key, sessionFor(client), outboxFor(client), options);
}
