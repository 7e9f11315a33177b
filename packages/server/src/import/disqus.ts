import { htmlToMarkdown } from './html.js';
import type { ImportSource, SourceComment } from './source.js';
import { dropReason, guestAuthor, threadKeyOf, timestamp, unplaced } from './source.js';
import { child, childText, readRecords } from './xml.js';

const records = new Set(['thread', 'post']);

/**
 * A Disqus export (Moderation → Export: an XML file of `<thread>`s and `<post>`s). Spam is left out,
 * deleted posts are kept only as tombstones above replies, and each post's author is its name alone:
 * email addresses and IP addresses in the file are never read.
 */
export async function readDisqus(chunks: AsyncIterable<string>): Promise<ImportSource> {
  const threads = new Map<string, { key: string | null; closed: boolean }>();
  const posts: (Omit<SourceComment, 'threadKey'> & { threadId: string })[] = [];
  await readRecords(chunks, 'disqus', records, (node) => {
    const id = node.attributes['dsq:id'] ?? '';
    if (node.name === 'thread') {
      threads.set(id, {
        key: threadKeyOf(childText(node, 'link')),
        closed: childText(node, 'isClosed') === 'true',
      });
      return;
    }
    const createdAt = timestamp(childText(node, 'createdAt'));
    const author = child(node, 'author');
    const username = childText(author, 'isAnonymous') === 'true' ? '' : childText(author, 'username');
    const markdown = htmlToMarkdown(child(node, 'message')?.text ?? '');
    const removed =
      childText(node, 'isSpam') === 'true'
        ? 'spam'
        : childText(node, 'isDeleted') === 'true'
          ? 'deleted'
          : undefined;
    const drop = dropReason(removed, { id, createdAt, markdown });
    posts.push({
      sourceId: id,
      parentSourceId: child(node, 'parent')?.attributes['dsq:id'] ?? null,
      threadId: child(node, 'thread')?.attributes['dsq:id'] ?? '',
      author: guestAuthor(username, childText(author, 'name') || username),
      markdown,
      status: 'published',
      createdAt: createdAt ?? new Date(0).toISOString(),
      editedAt: null,
      reactions: {},
      ...(drop && { drop }),
    });
  });
  const source: ImportSource = {
    format: 'disqus',
    site: null,
    threads: new Map(),
    comments: [],
    unplaced: {},
  };
  for (const { threadId, ...post } of posts) {
    const thread = threads.get(threadId);
    if (!thread?.key) {
      unplaced(source);
      continue;
    }
    // Disqus often holds one page under several threads (http and https, with and without a
    // trailing slash): they are one thread here, closed if any of them was.
    const closed = (source.threads.get(thread.key)?.closed ?? false) || thread.closed;
    source.threads.set(thread.key, { closed });
    source.comments.push({ ...post, threadKey: thread.key });
  }
  return source;
}
