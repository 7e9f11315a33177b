import { Type } from '@sinclair/typebox';
import { CommentId, Nullable, ReactionCounts, SiteId, Strict, ThreadKey, Timestamp } from './common.js';
import { Author } from './session.js';

/**
 * One comment in a site export: what a server needs to recreate it. `html` is left out on purpose:
 * the importing server renders and sanitizes the Markdown itself, as for a new comment.
 */
export const ExportedComment = Strict(
  {
    id: CommentId,
    parentId: Nullable(CommentId),
    author: Nullable(Author),
    markdown: Type.String({ description: 'The Markdown source; empty for a deleted comment.' }),
    status: Type.Union([Type.Literal('published'), Type.Literal('pending')]),
    deleted: Type.Boolean({ description: 'A tombstone kept for its replies.' }),
    createdAt: Timestamp,
    editedAt: Nullable(Timestamp),
    reactions: ReactionCounts,
  },
  { $id: 'ExportedComment' },
);

export const ExportedThread = Strict(
  {
    key: ThreadKey,
    closed: Type.Boolean(),
    comments: Type.Array(ExportedComment, { description: 'Oldest first; a parent before its replies.' }),
  },
  { $id: 'ExportedThread' },
);

/**
 * A site's threads and comments in one file (`kith-server export`), to keep as a backup or to move
 * a site to another server or database (`kith-server import`). It holds readers' names and what
 * they wrote, but no email addresses, sessions or site secrets.
 */
export const SiteExport = Strict(
  {
    format: Type.Literal('kith-export'),
    version: Type.Literal(1),
    site: SiteId,
    exportedAt: Timestamp,
    threads: Type.Array(ExportedThread),
  },
  { $id: 'SiteExport' },
);
