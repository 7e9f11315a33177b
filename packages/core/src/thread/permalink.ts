import type { Comment } from '@kith/protocol';
import type { KithClient } from '../client.js';
import { toKithError } from '../errors.js';
import { type ThreadComment, type ThreadStore, threadComment } from './store.js';

/**
 * Permalinks, loaded by `ThreadStore.focus` on first use: most readers never follow one, so their
 * page does not carry this.
 */

/** A top-level comment with its first replies, read from the server. */
export async function withFirstReplies(client: KithClient, root: Comment): Promise<ThreadComment> {
  const replies = root.replyCount ? await client.getReplies(root.id) : { comments: [], nextCursor: null };
  return threadComment({ ...root, replies });
}

/**
 * The pinned top-level comment, with its first replies, read again with the thread. Once it is
 * gone (404: erased, say), it is unpinned, so later reloads stop asking for it.
 */
export async function readRoot(store: ThreadStore, id: string): Promise<ThreadComment> {
  try {
    return await withFirstReplies(store.client, await store.client.getComment(id));
  } catch (thrown) {
    if ((await toKithError(thrown)).status === 404) store.pinned = undefined;
    throw thrown;
  }
}

/** See `ThreadStore.focus`. */
export async function focus(store: ThreadStore, id: string): Promise<boolean> {
  const shown = (rootId: string) => store.$state.get().comments.find((c) => c.id === rootId);
  if (store.find(id)) {
    store.patch({ focused: id });
    return true;
  }
  try {
    const target = await store.client.getComment(id);
    if (target.threadKey !== store.key) return false;
    const rootId = target.rootId ?? target.id;
    if (!shown(rootId)) {
      const root = rootId === target.id ? target : await store.client.getComment(rootId);
      store.patch({ comments: [await withFirstReplies(store.client, root), ...store.$state.get().comments] });
      store.pinned = rootId;
    }
    for (let guard = 0; guard < 50 && !store.find(id) && shown(rootId)?.repliesCursor; guard++)
      await store.loadReplies(rootId);
    const found = store.find(id) !== undefined;
    if (found) store.patch({ focused: id });
    return found;
  } catch (thrown) {
    store.patch({ error: await toKithError(thrown) });
    return false;
  }
}
