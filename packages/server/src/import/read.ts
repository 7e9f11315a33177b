import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { hasVisibleText } from '@kith/protocol/display-name';
import { readArtalk } from './artalk.js';
import { readCommento } from './commento.js';
import { readDisqus } from './disqus.js';
import { issoCommand, readIsso } from './isso.js';
import { readKith } from './kith.js';
import { readRemark42 } from './remark42.js';
import type { ImportSource, SourceFormat } from './source.js';
import { readWaline } from './waline.js';
import { readWordPress } from './wordpress.js';

/** Which export a file is, from its first few kilobytes; null when it is none Kith reads. */
export function detectFormat(head: string): SourceFormat | null {
  const start = head.trimStart();
  if (start.startsWith('{')) {
    if (/"format"\s*:\s*"kith-export"/.test(start)) return 'kith';
    if (/^\{\s*"version"\s*:\s*[01]\s*,\s*"users"/.test(start)) return 'remark42';
    if (/^\{\s*"version"\s*:\s*\d+\s*,\s*"comments"/.test(start)) return 'commento';
    if (/"type"\s*:\s*"waline"/.test(start)) return 'waline';
    return null;
  }
  if (/^\[\s*\{[\s\S]*?"page_key"\s*:/.test(start)) return 'artalk';
  if (/^\[\s*\{\s*"uri"\s*:/.test(start)) return 'isso';
  if (/<disqus[\s>]/.test(start)) return 'disqus';
  if (/<rss[\s>]/.test(start) && /wordpress\.org\/export\//.test(start)) return 'wordpress';
  return null;
}

/**
 * A file's text as a stream, gunzipped when it is gzip (Disqus sends its exports so, Remark42
 * keeps its backups so), with its first chunk to tell its format by. UTF-8, or UTF-16 with its
 * byte order mark, as Windows PowerShell 5 writes what a command prints into a file.
 */
async function openText(path: string): Promise<{ head: string; chunks: AsyncIterable<string> }> {
  const file = await open(path);
  let start: Buffer;
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(2), 0, 2, 0);
    start = buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
  const gzip = start[0] === 0x1f && start[1] === 0x8b;
  if (start[0] === 0xfe && start[1] === 0xff)
    throw new Error(`${path} is UTF-16 big-endian text: save it as UTF-8`);
  const raw = createReadStream(path);
  // pipeline hands a read error on to the gunzip stream, so reading it fails rather than hangs.
  const stream = gzip ? pipeline(raw, createGunzip(), () => {}) : raw;
  stream.setEncoding(start[0] === 0xff && start[1] === 0xfe ? 'utf16le' : 'utf8');
  const iterator: AsyncIterator<string> = stream[Symbol.asyncIterator]();
  const first = await iterator.next();
  // A byte order mark (Windows editors write one) is no part of the text: JSON.parse refuses it.
  const head = first.done ? '' : first.value.replace(/^\uFEFF/, '');
  async function* chunks() {
    if (first.done) return;
    yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head, chunks: chunks() };
}

export interface ReadOptions {
  /** Of an Artalk export holding several sites, the one to read (its site name there). */
  sourceSite?: string;
}

/** Reads an export file, of the given format or the one it is found to be. */
export async function readExport(
  path: string,
  format?: SourceFormat,
  options: ReadOptions = {},
): Promise<ImportSource> {
  const { head, chunks } = await openText(path);
  if (head.startsWith('SQLite format 3\u0000'))
    throw new Error(
      `${path} is an SQLite database, as Isso keeps its comments: write them out first with ${issoCommand}, and import isso.json`,
    );
  if (!format && !head.trim()) throw new Error(`${path} is empty`);
  const kind = format ?? detectFormat(head);
  if (!kind)
    throw new Error(
      `${path} is not a Disqus, WordPress, Remark42, Commento, Artalk, Waline, Isso or Kith export; say which with --from`,
    );
  if (kind === 'disqus') return withoutNul(await readDisqus(chunks));
  if (kind === 'wordpress') return withoutNul(await readWordPress(chunks));
  if (kind === 'remark42') return withoutNul(await readRemark42(chunks));
  // The JSON exports are one document each, read whole.
  let text = '';
  for await (const chunk of chunks) text += chunk;
  // A Kith export is checked against its schema, which refuses NUL with the member's pointer.
  if (kind === 'kith') return readKith(text);
  const read = {
    commento: readCommento,
    artalk: (json: string) => readArtalk(json, options.sourceSite),
    waline: readWaline,
    isso: readIsso,
  }[kind];
  return withoutNul(read(text));
}

/**
 * Another system's export with U+0000 in its text (it stored what PostgreSQL cannot): the NULs
 * taken out of every comment's text, author and ids, so one stray byte does not stop the import.
 * A comment left with no text that shows is dropped as empty.
 */
function withoutNul(source: ImportSource): ImportSource {
  const clean = (record: object) => {
    const fields = record as Record<string, unknown>;
    for (const [name, value] of Object.entries(fields))
      if (typeof value === 'string') fields[name] = value.replaceAll('\u0000', '');
  };
  for (const comment of source.comments) {
    clean(comment);
    if (comment.author) clean(comment.author);
    if (!hasVisibleText(comment.markdown) && !comment.drop) comment.drop = 'empty';
  }
  return source;
}
