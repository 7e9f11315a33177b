import { clientHttp, type KithClient, newIdempotencyKey } from './client.js';
import { toKithError } from './errors.js';
import { request } from './http.js';

/**
 * A call to the client's site from a module kept apart from `KithClient` (reports, moderation,
 * the reader's own data), so pages that only read never carry it: failures come as `KithError`,
 * and a POST carries its own Idempotency-Key.
 */
export async function siteCall(
  client: KithClient,
  path: string,
  method: string,
  json?: unknown,
): Promise<Response> {
  try {
    return await request(clientHttp(client), path, {
      method,
      ...(json !== undefined && { json }),
      headers: method === 'post' ? { 'idempotency-key': newIdempotencyKey() } : {},
    });
  } catch (error) {
    throw await toKithError(error);
  }
}
