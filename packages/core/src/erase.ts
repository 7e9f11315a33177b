import type { ErasedUser } from '@kith/protocol';
import { clientHttp, type KithClient } from './client.js';
import { toKithError } from './errors.js';
import { request } from './http.js';

/**
 * Erases the client's signed-in reader at their own request: everything they wrote on the site
 * (tombstones keep replies in place), their reactions, event answers and reports, their name and
 * email, and their sessions. `ThreadWriter.eraseMe` also forgets the session here. Apart from
 * `KithClient`, so pages that only read never carry it.
 */
export async function eraseMe(client: KithClient): Promise<ErasedUser> {
  try {
    return await (await request(clientHttp(client), 'users/me', { method: 'delete' })).json();
  } catch (error) {
    throw await toKithError(error);
  }
}
