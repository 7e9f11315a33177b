import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { htmlToMarkdown } from './html.js';
import type { ImportSource } from './source.js';
import { dropReason, guestAuthor, threadKeyOf, timestamp, unplaced } from './source.js';

interface Remark42Meta {
  version?: number;
  posts?: { url?: string; read_only?: boolean }[] | null;
}

interface Remark42Comment {
  id?: string;
  pid?: string;
  text?: string;
  user?: { id?: string; name?: string };
  locator?: { url?: string };
  votes?: Record<string, boolean> | null;
  time?: string;
  edit?: { time?: string } | null;
  delete?: boolean;
}

/**
 * A Remark42 backup (`backup -s <site>`, or the daily ones in `var/backup`): a line of metadata
 * (which posts are read-only), then one comment per line. Votes up become 👍 reactions; deleted
 * comments are kept only as tombstones above replies; IP addresses and emails are never read.
 */
export async function readRemark42(chunks: AsyncIterable<string>): Promise<ImportSource> {
  const source: ImportSource = {
    format: 'remark42',
    site: null,
    threads: new Map(),
    comments: [],
    unplaced: {},
  };
  const closed = new Set<string>();
  let meta: Remark42Meta | undefined;
  let line = 0;
  for await (const text of createInterface({ input: Readable.from(chunks), crlfDelay: Infinity })) {
    line++;
    if (!text.trim()) continue;
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (error) {
      throw new Error(`line ${line} is not JSON: ${(error as Error).message}`);
    }
    if (!meta) {
      meta = record as Remark42Meta;
      if (typeof meta !== 'object' || meta === null || (meta.version !== 1 && meta.version !== 0))
        throw new Error('the first line is not Remark42 backup metadata (version 1)');
      for (const post of meta.posts ?? []) {
        const key = post.read_only && post.url ? threadKeyOf(post.url) : null;
        if (key) closed.add(key);
      }
      continue;
    }
    const comment = record as Remark42Comment;
    const key = threadKeyOf(comment.locator?.url ?? '');
    if (!key) {
      unplaced(source);
      continue;
    }
    source.threads.set(key, { closed: closed.has(key) });
    const createdAt = timestamp(comment.time ?? '');
    const markdown = htmlToMarkdown(comment.text ?? '');
    const drop = dropReason(comment.delete ? 'deleted' : undefined, { id: comment.id, createdAt, markdown });
    const up = Object.values(comment.votes ?? {}).filter((vote) => vote === true).length;
    source.comments.push({
      sourceId: comment.id ?? '',
      parentSourceId: comment.pid || null,
      threadKey: key,
      author: guestAuthor(comment.user?.id ?? '', comment.user?.name ?? ''),
      markdown,
      status: 'published',
      createdAt: createdAt ?? new Date(0).toISOString(),
      editedAt: comment.edit?.time ? timestamp(comment.edit.time) : null,
      reactions: up ? { '+1': up } : {},
      ...(drop && { drop }),
    });
  }
  if (!meta) throw new Error('the file is empty');
  return source;
}
