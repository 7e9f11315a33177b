import { clientHttp, type KithClient, newIdempotencyKey } from './client.js';
import { toKithError } from './errors.js';
import { type RequestOptions, request } from './http.js';

/**
 * A call to the client's site from a module kept apart from `KithClient` (counts, share counts,
 * previews, reports, moderation, the reader's own data), so pages that only read a thread never
 * carry it: failures come as `KithError`, and a POST carries its own Idempotency-Key (which the
 * server's reads, such as a preview, ignore).
 */
export async function siteCall(
  client: KithClient,
  path: string,
  method: string,
  json?: unknown,
  options: Pick<RequestOptions, 'searchParams' | 'signal'> = {},
): Promise<Response> {
  try {
    return await request(clientHttp(client), path, {
      ...options,
      method,
      ...(json !== undefined && { json }),
      headers: method === 'post' ? { 'idempotency-key': newIdempotencyKey() } : {},
    });
  } catch (error) {
    throw await toKithError(error);
  }
}

/** A call's answer, read as JSON: a garbled answer is a `KithError` too. */
export async function siteJson<T>(...call: Parameters<typeof siteCall>): Promise<T> {
  const response = await siteCall(...call);
  try {
    return (await response.json()) as T;
  } catch (error) {
    throw await toKithError(error);
  }
}
