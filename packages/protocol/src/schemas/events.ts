import { Type } from '@sinclair/typebox';
import { Comment, ThreadMeta } from './comment.js';
import { CommentId, ReactionCounts, Strict, ThreadKey } from './common.js';
import { EventInfo } from './rsvp.js';

/**
 * Server-Sent Events on `GET /v1/sites/{site}/threads/{key}/events`. Each event's SSE `id` is a
 * persisted, monotonically increasing number; reconnect with `Last-Event-ID` to receive what was
 * missed. `event` is the type below; `data` is its JSON payload.
 */
export const threadEventTypes = [
  'comment.created',
  'comment.edited',
  'comment.deleted',
  'reaction.changed',
  'thread.updated',
  'event.changed',
  'event.removed',
] as const;

export const CommentEvent = Strict({ comment: Comment }, { $id: 'CommentEvent' });

export const ReactionEvent = Strict(
  { commentId: CommentId, reactions: ReactionCounts },
  { $id: 'ReactionEvent' },
);

export const ThreadEvent = Strict({ thread: ThreadMeta }, { $id: 'ThreadEvent' });

/** The page's event changed (the owner edited it, or a reader answered): as everyone sees it, no `mine` (nor `position`). */
export const EventChangedEvent = Strict(
  { event: Type.Omit(EventInfo, ['mine', 'position']) },
  { $id: 'EventChangedEvent' },
);

/** The site owner removed the page's event (and its answers). */
export const EventRemovedEvent = Strict({ thread: ThreadKey }, { $id: 'EventRemovedEvent' });

/**
 * Reload the thread: what the client shows can no longer be brought up to date by events. Sent
 * instead of a replay when the missed events are no longer kept (`events-expired`), when the
 * client resumes from an id the server never gave (`stream-restarted`: its database was restored
 * or the site moved), and when the reader changed while the stream was open (`viewer-changed`:
 * signed out, or a moderator's right taken away or given). Clients reload on any reason, known or
 * not.
 */
export const ResetEvent = Strict(
  {
    reason: Type.String({
      description:
        '`events-expired`, `stream-restarted` or `viewer-changed`; more may come, so any reason means reload.',
    }),
  },
  { $id: 'ResetEvent' },
);
