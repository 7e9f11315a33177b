import type { ShareCounts, ShareTarget } from '@kith/protocol';
import type { KithClient } from './client.js';
import { siteJson } from './site-call.js';

// First-party share counts. Apart from `KithClient`, so pages that only read a thread never
// carry them.

const shares = (key: string) => `threads/${encodeURIComponent(key)}/shares`;

/** How often a page was shared, per network. */
export function getShares(
  client: KithClient,
  key: string,
  options: { signal?: AbortSignal } = {},
): Promise<ShareCounts> {
  return siteJson(client, shares(key), 'get', undefined, options);
}

/** Counts one share click (once per reader and network), and answers the totals. */
export function countShare(client: KithClient, key: string, network: ShareTarget): Promise<ShareCounts> {
  return siteJson(client, shares(key), 'post', { network });
}
