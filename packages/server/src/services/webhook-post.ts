import { createHmac } from 'node:crypto';
import { type LookupAddress, lookup } from 'node:dns';
import { lookup as lookupAll } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Standard Webhooks signature (standardwebhooks.com): HMAC-SHA256 of `id.timestamp.body`, keyed
 * with the secret's base64 part, as `v1,<base64>`.
 */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/** Loopback, private, link-local (cloud metadata), carrier NAT and reserved addresses are not public. */
export function isPublicAddress(address: string): boolean {
  return ipaddr.process(address).range() === 'unicast';
}

/**
 * The address that keeps deliveries to `url` from going out without KITH_WEBHOOK_PRIVATE: one
 * that is not public, given or resolved; undefined for a public one, or a name that does not
 * resolve (from here, now).
 */
export async function privateAddressOf(url: string): Promise<string | undefined> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return isPublicAddress(host) ? undefined : host;
  try {
    const addresses = await lookupAll(host, { all: true });
    return addresses.find((a) => !isPublicAddress(a.address))?.address;
  } catch {
    return undefined;
  }
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** dns.lookup that refuses a name resolving to any address that is not public (SSRF). */
function publicLookup(hostname: string, options: { all?: boolean }, callback: LookupCallback): void {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const blocked = addresses.find((a) => !isPublicAddress(a.address));
    if (blocked || addresses.length === 0) {
      const refused = new Error(
        `${hostname} resolves to ${blocked?.address ?? 'nothing'}, not a public address`,
      );
      return callback(refused as NodeJS.ErrnoException, []);
    }
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  });
}

export interface PostOptions {
  /** Let deliveries reach loopback and private networks (a receiver on the same machine or LAN). */
  allowPrivate: boolean;
  timeoutMs: number;
  /** Keep-alive agents; a kept connection was checked when it was opened. */
  agents?: { http: http.Agent; https: https.Agent };
}

/**
 * POSTs a body and resolves with the answer's status. Redirects are not followed (a 3xx is a
 * failure), the answer's body is not read, and without `allowPrivate` only public addresses are
 * reached, checked on the addresses the name resolves to when connecting.
 */
export function postWebhook(
  url: URL,
  headers: Record<string, string>,
  body: string,
  options: PostOptions,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (!options.allowPrivate && isIP(host) && !isPublicAddress(host)) {
      reject(new Error(`${host} is not a public address`));
      return;
    }
    const secure = url.protocol === 'https:';
    const client = secure ? https : http;
    const request = client.request(
      url,
      {
        method: 'POST',
        ...(options.agents && { agent: secure ? options.agents.https : options.agents.http }),
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        timeout: options.timeoutMs,
        ...(!options.allowPrivate && { lookup: publicLookup as never }),
      },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    request.on('error', reject);
    request.end(body);
  });
}
