import type { Author, ExportedEvent } from '@kith/protocol';
import { cleanDisplayName, hasVisibleText } from '@kith/protocol/display-name';
import { normalizeThreadKey } from '@kith/protocol/thread-key';

/** Why a comment in a file is not imported as it is. */
export type DropReason = 'spam' | 'trash' | 'deleted' | 'pingback' | 'empty' | 'unreadable' | 'no-page';

/** A comment read from an export, in Kith's terms, before it has a Kith id. */
export interface SourceComment {
  /** Its id in the file, unique within it. */
  sourceId: string;
  parentSourceId: string | null;
  threadKey: string;
  /**
   * From a Kith export, as it was. From elsewhere, `id` holds the author's id in the source, or ''
   * where it has none; the import turns it (or else the name) into an opaque id of its own. A
   * name of '' (an anonymous comment) is given the import's name for those.
   */
  author: Author | null;
  markdown: string;
  status: 'published' | 'pending';
  createdAt: string;
  editedAt: string | null;
  reactions: Record<string, number>;
  /**
   * Set for what the source removed or could not read: left out, or kept as a tombstone (no text,
   * no author) where replies that are imported hang below it.
   */
  drop?: DropReason;
}

/** The formats an import reads, as `--from` names them. */
export const sourceFormats = [
  'disqus',
  'wordpress',
  'remark42',
  'commento',
  'artalk',
  'waline',
  'isso',
  'kith',
] as const;

export type SourceFormat = (typeof sourceFormats)[number];

/** Everything one export holds, read into Kith's terms. */
export interface ImportSource {
  format: SourceFormat;
  /** A Kith export's site: importing it into that site keeps its comment ids (and so its links). */
  site: string | null;
  /** Thread keys with whether the source had closed them. */
  threads: Map<string, { closed: boolean }>;
  comments: SourceComment[];
  /** Events by thread key, with their answers (Kith exports only). */
  events?: Map<string, ExportedEvent>;
  /** Comments that could not be placed at all (their page has no usable address), by reason. */
  unplaced: Partial<Record<DropReason, number>>;
}

/**
 * The thread key for a page address in an export, as the elements derive it on that page; null for
 * anything that is not an http(s) address (such threads cannot be found by any page), and for an
 * address that is only a query on the home page (`/?p=12`, how WordPress names drafts): the key
 * leaves queries out, so all of those would land on the home page's thread.
 */
export function threadKeyOf(link: string): string | null {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const key = normalizeThreadKey(link.trim());
  if (key === '/' && url.search) return null;
  return key.length <= 512 && !/\p{Cc}/u.test(key) ? key : null;
}

/**
 * Why a comment is not imported as it is: what the source removed it for (`removed`) first, then
 * what cannot be read (no id or date) or has no text; undefined when it comes in as it is.
 */
export function dropReason(
  removed: DropReason | undefined,
  comment: { id: string | undefined; createdAt: string | null; markdown: string },
): DropReason | undefined {
  if (removed) return removed;
  if (!comment.id || !comment.createdAt) return 'unreadable';
  return hasVisibleText(comment.markdown) ? undefined : 'empty';
}

/** Counts comments left out because their page has no address a page could have. */
export function unplaced(source: ImportSource, count = 1): void {
  source.unplaced['no-page'] = (source.unplaced['no-page'] ?? 0) + count;
}

/** A field of a JSON export as text: stores write ids, counts and flags as strings or not. */
export function textOf(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value).trim()
    : '';
}

/** A JSON export file's content; a file that is not JSON is refused with the parser's reason. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`not JSON: ${(error as Error).message}`);
  }
}

/**
 * A date and time as exports write them: RFC 3339, or with a space for the `T` (SQL's way), with
 * or without fractions of a second, and what Go's `Time.String()` adds after the offset (a zone's
 * abbreviation, which says nothing the offset does not: Artalk writes `+0800 CST`).
 */
const dateTime = /^(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d:\d\d)(\.\d+)?\s*(Z|[+-]\d\d:?\d\d)?(?:\s|$)/i;

/**
 * An RFC 3339 UTC timestamp, or null for what is not a date. A time without an offset is read as
 * UTC, whatever this machine's zone: the same file gives the same times anywhere.
 */
export function timestamp(value: string): string | null {
  const parts = dateTime.exec(value.trim());
  const time = parts
    ? Date.parse(
        `${parts[1]}T${parts[2]}${(parts[3] ?? '').slice(0, 4)}${(parts[4] ?? 'Z').replace(/^([+-]\d\d)(\d\d)$/, '$1:$2')}`,
      )
    : Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** A time given as milliseconds since 1970, as an RFC 3339 timestamp; null past what a date holds. */
export function timeOf(milliseconds: number): string | null {
  const date = new Date(Math.round(milliseconds));
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * The thread key for a page as Commento, Artalk and Waline keep it: its path on the site (a
 * whole address works too). Which host does not matter: thread keys leave it out.
 */
export function threadKeyOfPage(page: string | undefined): string | null {
  if (!page?.trim()) return null;
  const trimmed = page.trim();
  return threadKeyOf(
    /^[a-z][a-z\d+.-]*:/i.test(trimmed)
      ? trimmed
      : `https://site.invalid${trimmed.startsWith('/') ? '' : '/'}${trimmed}`,
  );
}

/**
 * A reader of another system, as an import takes them: `id` is theirs there ('' for none: the
 * name stands for them), the name made a display name ('' for none: the import's anonymous name).
 */
export function guestAuthor(id: string, name: string): Author {
  return { id, name: displayName(name) ?? '', kind: 'guest', avatarUrl: null };
}

/** Display names are 1 to 64 characters, as a guest's own, with the same characters left out. */
export function displayName(name: string): string | null {
  const trimmed = [...cleanDisplayName(name.replace(/\s+/g, ' '))];
  return trimmed.length ? trimmed.slice(0, 64).join('') : null;
}
