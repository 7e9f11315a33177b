import type { ErasedUser, MyData } from '@kith/protocol';
import type { KithClient } from './client.js';
import { siteJson } from './site-call.js';

// The signed-in reader's own data: a copy of it, or its erasure. Apart from `KithClient`, so
// pages that only read never carry it.

/**
 * A copy of everything the site holds of the client's signed-in reader: who they are (email
 * included), their comments, reactions, event answers and open reports.
 */
export async function myData(client: KithClient): Promise<MyData> {
  return siteJson(client, 'users/me/data', 'get');
}

/**
 * Erases the client's signed-in reader at their own request: everything they wrote on the site
 * (tombstones keep replies in place), their reactions, event answers and reports, their name and
 * email, and their sessions. `ThreadWriter.eraseMe` also forgets the session here.
 */
export async function eraseMe(client: KithClient): Promise<ErasedUser> {
  return siteJson(client, 'users/me', 'delete');
}
