import type { KithClient } from '../client.js';
import { type KeyValueStorage, readJson } from '../storage.js';

type SiteOf = Pick<KithClient, 'server' | 'site'>;

/** The draft slot of a thread's new comment (`new`) or of a reply (`reply:<id>`). */
export function draftSlot(parentId: string | null | undefined): string {
  return parentId ? `reply:${parentId}` : 'new';
}

/** Where a site's unsent comments are kept on the device. */
export function outboxKey(client: SiteOf): string {
  return `kith:outbox:${client.server}|${client.site}`;
}

/** Where a draft is kept: per site, thread and slot (`new`, `reply:<id>`, `edit:<id>`). */
export function draftKey(client: SiteOf, threadKey: string, slot: string): string {
  return `kith:draft:${client.server}|${client.site}|${threadKey}|${slot}`;
}

/** The saved draft of a slot, or an empty string. */
export function readDraft(storage: KeyValueStorage, client: SiteOf, threadKey: string, slot: string): string {
  return readJson<string>(storage, draftKey(client, threadKey, slot)) ?? '';
}

/**
 * Whether the device holds comments for the site that have not reached the server yet: a view
 * that only reads can tell, without loading the outbox, that it has sending to do.
 */
export function hasUnsent(storage: KeyValueStorage, client: SiteOf): boolean {
  return (readJson<unknown[]>(storage, outboxKey(client))?.length ?? 0) > 0;
}
