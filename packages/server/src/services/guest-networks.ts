import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import type { Queryable } from '../db/driver.js';
import { ProblemError } from '../http/problem.js';
import type { Logger } from '../logger.js';
import { hmac } from './secrets.js';
import { isPublicAddress } from './webhook-post.js';

/** How long blocking a guest also turns away new guests from the network they came from. */
export const networkBlockDays = 7;

/** How long a guest's network is kept: as long as the session they started with. */
export const networkKeptDays = 30;

/**
 * The network an address belongs to, as someone coming back would come from it: an IPv4 address
 * itself, and for IPv6 its /64, since a home or a phone gets a whole /64 and picks new addresses
 * in it at will. Undefined for an address that is not one (unknown, say).
 */
export function networkOf(address: string): string | undefined {
  const plain = address.split('%')[0]!;
  if (!isIP(plain)) return undefined;
  const ip = ipaddr.process(plain); // an IPv4-mapped IPv6 address is the IPv4 one
  if (ip.kind() === 'ipv4') return ip.toString();
  const groups = (ip as ipaddr.IPv6).parts.slice(0, 4).map((part) => part.toString(16));
  return `${groups.join(':')}::/64`;
}

let warned = false;

/**
 * Says once, if guests arrive from an address that is not public while the server does not
 * trust a proxy's X-Forwarded-For: behind a reverse proxy every guest then seems to come from it,
 * and blocking one would turn away every new guest.
 */
export function warnIfProxied(log: Logger, address: string, trustProxy: boolean): void {
  const plain = address.split('%')[0]!;
  if (warned || trustProxy || !isIP(plain) || isPublicAddress(plain)) return;
  warned = true;
  log.warn(
    'guests come from a private address: fine for readers on this machine or network, but behind a reverse proxy set KITH_TRUST_PROXY=1, or every guest seems to come from the proxy (and blocking one turns away every new guest for a week)',
    { address },
  );
}

/**
 * A guest's network as stored: a hash keyed with the server's secret and the site, so the address
 * cannot be read back and the same network is not the same value on two sites.
 */
export function networkKey(serverKey: string, siteId: string, address: string): string | undefined {
  const network = networkOf(address);
  return network && hmac(serverKey, `guest-network\u0000${siteId}\u0000${network}`).slice(0, 22);
}

/** Refuses a new guest from a network a blocked guest came from, while that block lasts. */
export async function refuseBlockedNetwork(
  q: Queryable,
  siteId: string,
  key: string | undefined,
): Promise<void> {
  if (!key) return;
  const rows = await q.query(
    'SELECT 1 FROM blocked_networks WHERE site_id = $1 AND network_key = $2 AND until > now() LIMIT 1',
    [siteId, key],
  );
  if (rows.length > 0) {
    throw new ProblemError('user-blocked', {
      detail: `The site blocked a guest who came from this network: new guests from it are turned away for up to ${networkBlockDays} days. Reading still works.`,
    });
  }
}

/** Blocking a guest blocks their network for a while; letting them back lets it back too. */
export async function setNetworkBlocked(
  q: Queryable,
  siteId: string,
  user: { id: string; network_key: string | null },
  blocked: boolean,
): Promise<void> {
  if (!blocked) {
    await q.query('DELETE FROM blocked_networks WHERE user_id = $1', [user.id]);
  } else if (user.network_key) {
    await q.query(
      `INSERT INTO blocked_networks (site_id, network_key, user_id, until)
       VALUES ($1, $2, $3, now() + make_interval(days => $4))
       ON CONFLICT (site_id, network_key, user_id) DO NOTHING`,
      [siteId, user.network_key, user.id, networkBlockDays],
    );
  }
}

/** Housekeeping: networks kept past their time, and blocks that ended. */
export async function forgetOldNetworks(q: Queryable): Promise<void> {
  await q.query(
    `UPDATE users SET network_key = NULL
     WHERE network_key IS NOT NULL AND created_at < now() - make_interval(days => $1)`,
    [networkKeptDays],
  );
  await q.query('DELETE FROM blocked_networks WHERE until <= now()');
}
