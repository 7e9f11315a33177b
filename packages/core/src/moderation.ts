import type { Comment } from '@kith/protocol';
import type { KithClient } from './client.js';
import { siteCall } from './site-call.js';

/**
 * A moderator's calls, with their own session (the site names its moderators when it signs them
 * in). Apart from `KithClient`, so pages without moderators never carry them.
 */
const moderate = (client: KithClient, path: string, method: string, json?: unknown) =>
  siteCall(client, `admin/${path}`, method, json);

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
