import { Type } from '@sinclair/typebox';
import { Comment } from './comment.js';
import { CommentId, Nullable, Strict, ThreadKey, Timestamp, UserId } from './common.js';
import { ReportReason } from './report.js';
import { RsvpResponse } from './rsvp.js';
import { UserKind } from './session.js';

/**
 * A copy of everything the site holds of the signed-in reader (`GET users/me/data`), as the
 * rights of access and portability ask: who they are to the site, and what they did there.
 */
export const MyData = Strict(
  {
    user: Strict({
      id: UserId,
      kind: UserKind,
      name: Type.String(),
      email: Nullable(Type.String(), { description: 'As they gave it; never shown to anyone.' }),
      avatarUrl: Nullable(Type.String()),
      since: Timestamp,
    }),
    comments: Type.Array(Comment, {
      description: 'Their comments still on the site (waiting ones included), oldest first.',
    }),
    reactions: Type.Array(Strict({ commentId: CommentId, reaction: Type.String(), at: Timestamp })),
    answers: Type.Array(
      Strict({
        thread: ThreadKey,
        response: RsvpResponse,
        guests: Type.Integer({ minimum: 0 }),
        waitlisted: Type.Boolean(),
      }),
      { description: 'Their answers to events.' },
    ),
    reports: Type.Array(
      Strict({ commentId: CommentId, reason: ReportReason, note: Nullable(Type.String()), at: Timestamp }),
      { description: 'Comments they reported, still waiting for the owner.' },
    ),
  },
  { $id: 'MyData' },
);
