import { type SiteExport, schemas } from '@kith/protocol';
import { validate } from '../http/validate.js';
import { type ImportSource, parseJson } from './source.js';

/**
 * A Kith export (`kith-server export`), checked against its schema first: a file that is not one
 * is refused whole, with where it is wrong.
 */
export function readKith(text: string): ImportSource {
  const file = validate<SiteExport>(schemas.SiteExport, parseJson(text), 'file');
  const source: ImportSource = {
    format: 'kith',
    site: file.site,
    threads: new Map(),
    comments: [],
    unplaced: {},
  };
  source.events = new Map();
  for (const thread of file.threads) {
    if (thread.event) source.events.set(thread.key, thread.event);
    source.threads.set(thread.key, {
      closed: thread.closed || (source.threads.get(thread.key)?.closed ?? false),
    });
    for (const comment of thread.comments) {
      source.comments.push({
        sourceId: comment.id,
        parentSourceId: comment.parentId,
        threadKey: thread.key,
        author: comment.author,
        markdown: comment.markdown,
        status: comment.status,
        createdAt: comment.createdAt,
        editedAt: comment.editedAt,
        reactions: comment.reactions,
        ...(comment.deleted && { drop: 'deleted' as const }),
      });
    }
  }
  return source;
}
