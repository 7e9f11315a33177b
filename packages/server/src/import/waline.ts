import { markdownOrHtml } from './html.js';
import type { ImportSource } from './source.js';
import {
  dropReason,
  guestAuthor,
  parseJson,
  textOf,
  threadKeyOfPage,
  timeOf,
  timestamp,
  unplaced,
} from './source.js';

/**
 * One comment of a Waline export, the fields Kith reads. Ids are strings or numbers, by storage
 * (LeanCloud, MongoDB, MySQL, SQLite…); so are counts and dates.
 */
interface WalineComment {
  objectId?: unknown;
  pid?: unknown;
  user_id?: unknown;
  comment?: unknown;
  nick?: unknown;
  url?: unknown;
  status?: unknown;
  like?: unknown;
  insertedAt?: unknown;
  createdAt?: unknown;
}

interface WalineExport {
  type?: unknown;
  data?: { Comment?: unknown; Users?: unknown };
}

/** A date as a storage gave it: text, milliseconds, or LeanCloud's `{ "__type": "Date", "iso" }`. */
function dateOf(value: unknown): string | null {
  if (typeof value === 'number') return timeOf(value);
  if (typeof value === 'object' && value !== null && 'iso' in value) return timestamp(textOf(value.iso));
  return timestamp(textOf(value));
}

/**
 * A reply's text less the `[@Ann](#id): ` Valine's clients (and Waline's in their mode) put before
 * it (`, ` in Valine's own HTML): who the reply answers is its place in the thread here.
 */
function withoutAnswering(markdown: string, parent: string): string {
  const answering = /^\[@[^\]\n]*\]\(#([^)\s]+)\)\s*[:：,，]\s*/.exec(markdown);
  return answering && answering[1] === parent ? markdown.slice(answering[0].length) : markdown;
}

/**
 * A Waline export (the admin panel's Import / Export → Export: `waline.json`). Comments keep the
 * Markdown they were written in; those waiting for review wait here too and spam is left out;
 * likes become 👍 reactions; a signed-in user's comments take the name of their account. Emails,
 * links, IP addresses and user agents are never read.
 */
export function readWaline(data: string): ImportSource {
  const file = parseJson(data) as WalineExport;
  if (typeof file !== 'object' || file === null || file.type !== 'waline')
    throw new Error('not a Waline export: it has no "type": "waline"');
  if (!Array.isArray(file.data?.Comment))
    throw new Error('not a Waline export: it has no "data"."Comment" list');
  const users = new Map<string, string>();
  for (const user of Array.isArray(file.data.Users) ? file.data.Users : [])
    if (typeof user === 'object' && user !== null)
      users.set(textOf(user.objectId), textOf(user.display_name));
  const source: ImportSource = {
    format: 'waline',
    site: null,
    threads: new Map(),
    comments: [],
    unplaced: {},
  };
  for (const item of file.data.Comment as unknown[]) {
    const comment = (typeof item === 'object' && item !== null ? item : {}) as WalineComment;
    const key = threadKeyOfPage(textOf(comment.url));
    if (!key) {
      unplaced(source);
      continue;
    }
    source.threads.set(key, { closed: false });
    const id = textOf(comment.objectId);
    const parent = textOf(comment.pid);
    const createdAt = dateOf(comment.insertedAt ?? comment.createdAt);
    const markdown = withoutAnswering(markdownOrHtml(textOf(comment.comment)), parent);
    const status = textOf(comment.status);
    const drop = dropReason(status === 'spam' ? 'spam' : undefined, { id, createdAt, markdown });
    const userId = textOf(comment.user_id);
    const account = userId ? users.get(userId) : undefined;
    const likes = Math.max(0, Math.trunc(Number(textOf(comment.like)) || 0));
    source.comments.push({
      sourceId: id,
      parentSourceId: parent || null,
      threadKey: key,
      author: guestAuthor(account !== undefined ? `user ${userId}` : '', account || textOf(comment.nick)),
      markdown,
      status: status === 'waiting' ? 'pending' : 'published',
      createdAt: createdAt ?? new Date(0).toISOString(),
      editedAt: null,
      reactions: likes ? { '+1': likes } : {},
      ...(drop && { drop }),
    });
  }
  return source;
}
