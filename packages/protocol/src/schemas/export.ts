import { Type } from '@sinclair/typebox';
import { CommentId, Nullable, ReactionCounts, SiteId, Strict, ThreadKey, Timestamp } from './common.js';
import { EventInput, RsvpResponse } from './rsvp.js';
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

/** One reader's answer to an event, with who they are. */
export const ExportedAnswer = Strict(
  {
    author: Author,
    externalId: Nullable(
      Type.String({
        description: 'For a single-sign-on user, the site’s own id: their next sign-in finds the answer.',
      }),
    ),
    response: RsvpResponse,
    guests: Type.Integer({ minimum: 0, maximum: 20 }),
    waitlisted: Type.Boolean({ description: 'Going, but waiting for a seat.' }),
  },
  { $id: 'ExportedAnswer' },
);

/** A page's event as its owner set it, with its calendar identity and its answers. */
export const ExportedEvent = Strict(
  {
    event: EventInput,
    uid: Type.String({
      minLength: 1,
      maxLength: 255,
      description: 'The iCalendar UID calendars know it by.',
    }),
    sequence: Type.Integer({ minimum: 0, description: 'The iCalendar SEQUENCE: raised by each change.' }),
    answers: Type.Array(ExportedAnswer, {
      description: 'In the order readers took their seats (or answered); those waitlisted in line order.',
    }),
  },
  { $id: 'ExportedEvent' },
);

export const ExportedThread = Strict(
  {
    key: ThreadKey,
    closed: Type.Boolean(),
    comments: Type.Array(ExportedComment, { description: 'Oldest first; a parent before its replies.' }),
    event: Type.Optional(ExportedEvent),
  },
  { $id: 'ExportedThread' },
);

/**
 * A site's threads, comments and events in one file (`kith-server export`), to keep as a backup or
 * to move a site to another server or database (`kith-server import`). It holds readers' names,
 * what they wrote and how they answered, but no email addresses, sessions or site secrets.
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
