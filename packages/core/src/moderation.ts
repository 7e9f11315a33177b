import type { Comment } from '@kith/protocol';
import { clientHttp, type KithClient, newIdempotencyKey } from './client.js';
import { toKithError } from './errors.js';
import { request } from './http.js';

/**
 * A moderator's calls, with their own session (the site names its moderators when it signs them
 * in). Apart from `KithClient`, so pages without moderators never carry them.
 */
async function moderate(client: KithClient, path: string, method: string, json?: unknown): Promise<Response> {
  try {
    return await request(clientHttp(client), `admin/${path}`, {
      method,
      ...(json !== undefined && { json }),
      headers: method === 'post' ? { 'idempotency-key': newIdempotencyKey() } : {},
    });
  } catch (error) {
    throw await toKithError(error);
  }
}

/** Publishes a comment awaiting moderation; answers it as published. */
export async function approveComment(client: KithClient, commentId: string): Promise<Comment> {
  return (await moderate(client, `comments/${encodeURIComponent(commentId)}/approve`, 'post')).json();
}

/** Removes a comment: one awaiting moderation is rejected and gone; a published one is deleted, its replies stay. */
export async function removeComment(client: KithClient, commentId: string): Promise<void> {
  await moderate(client, `comments/${encodeURIComponent(commentId)}`, 'delete');
}

/** Blocks a commenter (a comment's `author.id`) from writing, or lets them again. */
export async function blockUser(client: KithClient, userId: string, blocked = true): Promise<void> {
  await moderate(client, `users/${encodeURIComponent(userId)}`, 'put', { blocked });
}
