import type { ImportSource } from './source.js';
import { dropReason, guestAuthor, parseJson, threadKeyOfPage, timestamp, unplaced } from './source.js';

interface CommentoExport {
  version?: number;
  comments?: {
    commentHex?: string;
    url?: string;
    commenterHex?: string;
    markdown?: string;
    parentHex?: string;
    score?: number;
    state?: string;
    creationDate?: string;
    deleted?: boolean;
  }[];
  commenters?: { commenterHex?: string; name?: string }[];
}

/**
 * A Commento or Commento++ export (Dashboard → Export data: gzipped JSON of comments and
 * commenters). Comments keep their Markdown as written; approved ones are published, those waiting
 * or flagged wait here too; votes (the net score, when positive) become 👍 reactions. Commenters'
 * emails, links and photos are never read.
 */
export function readCommento(text: string): ImportSource {
  const file = parseJson(text) as CommentoExport;
  if (typeof file !== 'object' || file === null || !Array.isArray(file.comments))
    throw new Error('not a Commento export: it has no "comments" list');
  const names = new Map((file.commenters ?? []).map((c) => [c.commenterHex ?? '', c.name ?? '']));
  const source: ImportSource = {
    format: 'commento',
    site: null,
    threads: new Map(),
    comments: [],
    unplaced: {},
  };
  for (const comment of file.comments) {
    const key = threadKeyOfPage(comment.url);
    if (!key) {
      unplaced(source);
      continue;
    }
    source.threads.set(key, { closed: false });
    const createdAt = timestamp(comment.creationDate ?? '');
    const markdown = (comment.markdown ?? '').replace(/\r\n?/g, '\n').trim();
    const drop = dropReason(comment.deleted ? 'deleted' : undefined, {
      id: comment.commentHex,
      createdAt,
      markdown,
    });
    const commenter = comment.commenterHex ?? '';
    const score = Math.max(0, Math.trunc(comment.score ?? 0));
    source.comments.push({
      sourceId: comment.commentHex ?? '',
      parentSourceId: comment.parentHex && comment.parentHex !== 'root' ? comment.parentHex : null,
      threadKey: key,
      author: guestAuthor(commenter === 'anonymous' ? '' : commenter, names.get(commenter) ?? ''),
      markdown,
      status: comment.state === 'approved' || comment.state === undefined ? 'published' : 'pending',
      createdAt: createdAt ?? new Date(0).toISOString(),
      editedAt: null,
      reactions: score ? { '+1': score } : {},
      ...(drop && { drop }),
    });
  }
  return source;
}
