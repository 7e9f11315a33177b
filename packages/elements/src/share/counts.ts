import { normalizeThreadKey } from '@kith/protocol/thread-key';
import type { KithConfig } from '../base/config.js';

/**
 * First-party share counts on the site's own Kith server (loaded when counts are shown or a share
 * is counted): no third party hears of a share.
 */
export function countsUrl({ server, site }: KithConfig, pageUrl: string): string | undefined {
  if (!server || !site) return undefined;
  const key = normalizeThreadKey(pageUrl);
  return `${server.replace(/\/+$/, '')}/v1/sites/${encodeURIComponent(site)}/threads/${encodeURIComponent(key)}/shares`;
}

type Counts = Record<string, number>;

/** The totals by network, or undefined when they cannot be had (counts are decoration). */
export async function fetchCounts(url: string): Promise<Counts | undefined> {
  try {
    const response = await fetch(url);
    if (response.ok) return (await response.json()).counts;
  } catch {
    // The buttons work without counts.
  }
  return undefined;
}

/** Counts one share; resolves to the new totals, never rejects and never delays the share. */
export async function postCount(url: string, network: string): Promise<Counts | undefined> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      keepalive: true,
      headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify({ network }),
    });
    if (response.ok) return (await response.json()).counts;
  } catch {
    // Not counted; the share itself went ahead.
  }
  return undefined;
}
