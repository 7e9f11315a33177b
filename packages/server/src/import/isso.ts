import { markdownOrHtml } from './html.js';
import type { ImportSource } from './source.js';
import { dropReason, guestAuthor, parseJson, textOf, threadKeyOfPage, timeOf, unplaced } from './source.js';

/**
 * Isso keeps its comments in an SQLite database and has no export of its own. This query writes
 * them out as JSON (`sqlite3 -json`), with nothing of a reader's but their name: no email, website
 * or IP address.
 */
export const issoQuery =
  'SELECT threads.uri, comments.id, comments.parent, comments.created, comments.modified, comments.mode, ' +
  'comments.text, comments.author, comments.likes FROM comments JOIN threads ON threads.id = comments.tid';

/** The command that writes an Isso database's comments out for an import. */
export const issoCommand = `sqlite3 -json comments.db "${issoQuery}" > isso.json`;

/** One row of that query. */
interface IssoRow {
  uri?: unknown;
  id?: unknown;
  parent?: unknown;
  created?: unknown;
  modified?: unknown;
  mode?: unknown;
  text?: unknown;
  author?: unknown;
  likes?: unknown;
}

/**
 * Isso's times are seconds since 1970, with fractions, which sqlite3 writes a hair off
 * (1622545199.9999999999 for 1622545200.0): rounded to the millisecond.
 */
function dateOf(value: unknown): string | null {
  const seconds = typeof value === 'number' ? value : Number(textOf(value) || Number.NaN);
  return seconds > 0 ? timeOf(seconds * 1000) : null;
}

/**
 * Isso's comments as `sqlite3 -json` writes them with `issoQuery`. Comments keep their Markdown;
 * those waiting for moderation wait here too; a deleted comment (Isso keeps one only where replies
 * hang below it) is a tombstone; likes become 👍 reactions and an edit keeps its time.
 */
export function readIsso(data: string): ImportSource {
  if (!data.trim())
    throw new Error('the file is empty (sqlite3 writes nothing when the database holds no comments)');
  const rows = parseJson(data);
  if (!Array.isArray(rows) || rows.some((row) => typeof row !== 'object' || row === null))
    throw new Error(`not Isso's comments: write them out with ${issoCommand}`);
  const source: ImportSource = { format: 'isso', site: null, threads: new Map(), comments: [], unplaced: {} };
  for (const row of rows as IssoRow[]) {
    if (!('uri' in row) || !('mode' in row))
      throw new Error(`not Isso's comments (a row has no uri or mode): write them out with ${issoCommand}`);
    const key = threadKeyOfPage(textOf(row.uri));
    if (!key) {
      unplaced(source);
      continue;
    }
    source.threads.set(key, { closed: false });
    const id = textOf(row.id);
    const mode = Number(row.mode);
    const createdAt = dateOf(row.created);
    const markdown = markdownOrHtml(textOf(row.text));
    const drop = dropReason(mode === 4 ? 'deleted' : undefined, { id, createdAt, markdown });
    const likes = Math.max(0, Math.trunc(Number(row.likes) || 0));
    source.comments.push({
      sourceId: id,
      parentSourceId: textOf(row.parent) || null,
      threadKey: key,
      author: guestAuthor('', textOf(row.author)),
      markdown,
      status: mode === 2 ? 'pending' : 'published',
      createdAt: createdAt ?? new Date(0).toISOString(),
      editedAt: dateOf(row.modified),
      reactions: likes ? { '+1': likes } : {},
      ...(drop && { drop }),
    });
  }
  return source;
}
