import type { Author } from '@kith/protocol';
import { maxReplyDepth } from '../services/comments.js';
import { renderMarkdown } from '../services/markdown.js';
import { fingerprint } from '../services/secrets.js';
import type { DropReason, ImportSource, SourceComment } from './source.js';

export interface PlanOptions {
  /** The name shown for comments that came without one (the source's anonymous comments). */
  anonymousName?: string;
}

/**
 * A Kith id derived from an export: the same file gives the same ids, so a second import of it
 * finds what the first wrote. 72 bits, as ids Kith makes.
 */
export function importId(siteId: string, source: ImportSource, ...parts: string[]): string {
  return fingerprint('kith-import', siteId, source.format, ...parts).slice(0, 12);
}

/** A comment of the file as it will be written: its place in Kith's tree, rendered. */
export interface Planned {
  id: string;
  threadKey: string;
  parent: Planned | undefined;
  rootId: string | null;
  path: string;
  depth: number;
  author: Author | null;
  markdown: string;
  html: string;
  status: 'published' | 'pending';
  deleted: boolean;
  createdAt: string;
  editedAt: string | null;
  reactions: Record<string, number>;
}

/**
 * Places every comment of an export in Kith's tree, in the order they were written. Ids come from
 * the file (a Kith export into its own site) or are derived from it, so importing the same file
 * again adds nothing twice. A reply whose parent is not in the file stands as a top-level comment;
 * a removed comment is kept as a tombstone only where imported replies hang below it; replies below
 * a comment awaiting approval wait too. Replies go `maxReplyDepth` levels deep at most, as on the
 * live server.
 */
export function planImport(
  siteId: string,
  source: ImportSource,
  options: PlanOptions = {},
): { comments: Planned[]; skipped: Partial<Record<DropReason, number>> } {
  const anonymous = options.anonymousName ?? 'Anonymous';
  const skipped: Partial<Record<DropReason, number>> = { ...source.unplaced };
  const bySourceId = new Map<string, SourceComment>();
  for (const comment of source.comments) {
    if (bySourceId.has(comment.sourceId)) skipped.unreadable = (skipped.unreadable ?? 0) + 1;
    else bySourceId.set(comment.sourceId, comment);
  }
  const parentOf = (c: SourceComment) => {
    const parent = c.parentSourceId === null ? undefined : bySourceId.get(c.parentSourceId);
    return parent && parent !== c && parent.threadKey === c.threadKey ? parent : undefined;
  };
  // Every ancestor of an imported comment stays, if only as a tombstone.
  const holdsReplies = new Set<SourceComment>();
  for (const comment of bySourceId.values()) {
    if (comment.drop) continue;
    for (let up = parentOf(comment); up && !holdsReplies.has(up); up = parentOf(up)) holdsReplies.add(up);
  }
  const keepIds = source.format === 'kith' && source.site === siteId;
  const derived = (...parts: string[]) => importId(siteId, source, ...parts);
  const placed = new Map<SourceComment, Planned>();
  const visiting = new Set<SourceComment>();
  const place = (c: SourceComment): Planned => {
    const done = placed.get(c);
    if (done) return done;
    visiting.add(c);
    let parentSource = parentOf(c);
    if (parentSource && visiting.has(parentSource)) parentSource = undefined; // a loop in the file
    let parent = parentSource && place(parentSource);
    visiting.delete(c);
    // Past the deepest level, a reply goes in at that level, below the ancestor there.
    while (parent && parent.depth >= maxReplyDepth) parent = parent.parent;
    const id = keepIds ? c.sourceId : derived(c.sourceId);
    const deleted = !!c.drop;
    // Authors from elsewhere get opaque ids: the source's id for them (or their name) hashed.
    const author =
      deleted || !c.author
        ? null
        : source.format === 'kith'
          ? c.author
          : {
              ...c.author,
              id: derived('author', c.author.id || c.author.name),
              name: c.author.name || anonymous,
            };
    const planned: Planned = {
      id,
      threadKey: c.threadKey,
      parent,
      rootId: parent ? (parent.rootId ?? parent.id) : null,
      path: `${parent?.path ?? '/'}${id}/`,
      depth: parent ? parent.depth + 1 : 0,
      author,
      markdown: deleted ? '' : c.markdown,
      html: deleted ? '' : renderMarkdown(c.markdown),
      status: parent?.status === 'pending' ? 'pending' : deleted ? 'published' : c.status,
      deleted,
      createdAt: c.createdAt,
      editedAt: c.editedAt,
      reactions: deleted ? {} : c.reactions,
    };
    placed.set(c, planned);
    return planned;
  };
  const kept: SourceComment[] = [];
  for (const comment of bySourceId.values()) {
    if (!comment.drop || holdsReplies.has(comment)) kept.push(comment);
    else skipped[comment.drop] = (skipped[comment.drop] ?? 0) + 1;
  }
  // Oldest first, a parent always before its replies: the order readers see as "oldest".
  kept.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  const ordered: Planned[] = [];
  const emitted = new Set<Planned>();
  const emit = (p: Planned) => {
    if (emitted.has(p)) return;
    emitted.add(p);
    if (p.parent) emit(p.parent);
    ordered.push(p);
  };
  for (const comment of kept) emit(place(comment));
  return { comments: ordered, skipped };
}
