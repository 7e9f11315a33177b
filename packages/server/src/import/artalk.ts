import { markdownOrHtml } from './html.js';
import type { ImportSource } from './source.js';
import {
  dropReason,
  guestAuthor,
  parseJson,
  textOf,
  threadKeyOfPage,
  timestamp,
  unplaced,
} from './source.js';

/**
 * One comment of an Artrans file, the fields Kith reads. Artalk writes every field as a string;
 * the converters that make Artrans from other systems have written numbers and booleans too.
 */
interface Artran {
  id?: unknown;
  rid?: unknown;
  content?: unknown;
  created_at?: unknown;
  is_pending?: unknown;
  vote_up?: unknown;
  nick?: unknown;
  page_key?: unknown;
  page_admin_only?: unknown;
  site_name?: unknown;
}

const yes = (value: unknown) => textOf(value) === 'true' || textOf(value) === '1';

/** The file's sites, named for a message. */
const named = (sites: Iterable<string>) => [...sites].map((site) => `"${site}"`).join(', ');

/**
 * An Artalk export (Artrans: the admin panel's Transfer → Export, or `artalk export`), a JSON list
 * of comments. Comments keep the Markdown they were written in; pending ones wait for approval
 * here too, votes up become 👍 reactions, and pages only admins could comment on are closed. A file
 * holds every site of its Artalk; one of several is picked with `sourceSite`. Emails, links, IP
 * addresses and user agents are never read.
 */
export function readArtalk(data: string, sourceSite?: string): ImportSource {
  const file = parseJson(data);
  if (!Array.isArray(file)) throw new Error('not an Artalk export (Artrans): it is not a list of comments');
  file.forEach((item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      throw new Error(`not an Artalk export (Artrans): item ${i} is not a comment`);
  });
  const artrans = file as Artran[];
  const sites = new Set(artrans.map((c) => textOf(c.site_name)));
  if (sourceSite !== undefined && !sites.has(sourceSite))
    throw new Error(
      `the file holds no comments of an Artalk site "${sourceSite}"; its sites: ${named(sites)}`,
    );
  if (sourceSite === undefined && sites.size > 1)
    throw new Error(
      `the file holds the comments of ${sites.size} Artalk sites (${named(sites)}); say which to import with --source-site`,
    );
  const source: ImportSource = {
    format: 'artalk',
    site: null,
    threads: new Map(),
    comments: [],
    unplaced: {},
  };
  for (const comment of artrans) {
    if (sourceSite !== undefined && textOf(comment.site_name) !== sourceSite) continue;
    const key = threadKeyOfPage(textOf(comment.page_key));
    if (!key) {
      unplaced(source);
      continue;
    }
    const closed = yes(comment.page_admin_only);
    source.threads.set(key, { closed: (source.threads.get(key)?.closed ?? false) || closed });
    const id = textOf(comment.id);
    const parent = textOf(comment.rid);
    const createdAt = timestamp(textOf(comment.created_at));
    const markdown = markdownOrHtml(textOf(comment.content));
    const drop = dropReason(undefined, { id, createdAt, markdown });
    const up = Math.max(0, Math.trunc(Number(textOf(comment.vote_up)) || 0));
    source.comments.push({
      sourceId: id,
      parentSourceId: parent && parent !== '0' ? parent : null,
      threadKey: key,
      // Artalk tells its readers apart by name and email; the email is not read, so the name.
      author: guestAuthor('', textOf(comment.nick)),
      markdown,
      status: yes(comment.is_pending) ? 'pending' : 'published',
      createdAt: createdAt ?? new Date(0).toISOString(),
      // Artalk's updated_at moves with votes and moderation too, so it is no edit time.
      editedAt: null,
      reactions: up ? { '+1': up } : {},
      ...(drop && { drop }),
    });
  }
  return source;
}
