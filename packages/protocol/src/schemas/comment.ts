import { Type } from '@sinclair/typebox';
import {
  CommentId,
  Cursor,
  Nullable,
  ReactionCounts,
  ReactionKey,
  Sort,
  StreamPosition,
  Strict,
  ThreadKey,
  Timestamp,
} from './common.js';
import { Author } from './session.js';

export const Comment = Strict(
  {
    id: CommentId,
    threadKey: ThreadKey,
    parentId: Nullable(CommentId),
    rootId: Nullable(CommentId),
    depth: Type.Integer({ minimum: 0, description: '0 for top-level comments.' }),
    author: Nullable(Author),
    markdown: Type.String({ description: 'The Markdown source; empty once deleted.' }),
    html: Type.String({ description: 'Rendered and sanitized by the server; sanitize again before use.' }),
    status: Type.Union([Type.Literal('published'), Type.Literal('pending')]),
    deleted: Type.Boolean(),
    createdAt: Timestamp,
    editedAt: Nullable(Timestamp),
    reactions: ReactionCounts,
    replyCount: Type.Integer({ minimum: 0, description: 'Visible replies below this comment, any depth.' }),
  },
  { $id: 'Comment' },
);

export const CommentPage = Strict(
  {
    comments: Type.Array(Comment),
    nextCursor: Nullable(Cursor),
  },
  { $id: 'CommentPage' },
);

export const TopLevelComment = Strict(
  { ...Comment.properties, replies: CommentPage },
  { $id: 'TopLevelComment', description: 'A top-level comment with the first page of its replies.' },
);

export const ThreadMeta = Strict(
  {
    key: ThreadKey,
    closed: Type.Boolean(),
    commentCount: Type.Integer({ minimum: 0, description: 'Visible comments, replies included.' }),
    topLevelCount: Type.Integer({ minimum: 0 }),
    createdAt: Nullable(Timestamp),
  },
  { $id: 'ThreadMeta' },
);

/** What the signed-in reader needs on top of the shared page. */
export const Viewer = Strict(
  {
    userId: Type.String(),
    reactions: Type.Record(CommentId, Type.Array(ReactionKey), {
      description: 'The reader’s own reactions on the comments of this response.',
    }),
    pending: Type.Array(Comment, { description: 'The reader’s own comments awaiting moderation.' }),
  },
  { $id: 'Viewer' },
);

export const ThreadPage = Strict(
  {
    thread: ThreadMeta,
    sort: Sort,
    comments: Type.Array(TopLevelComment),
    nextCursor: Nullable(Cursor),
    viewer: Nullable(Viewer),
    position: Type.Optional(StreamPosition),
  },
  { $id: 'ThreadPage' },
);

export const NewComment = Strict(
  {
    markdown: Type.String({ description: 'Markdown; raw HTML is shown as text.' }),
    parentId: Type.Optional(CommentId),
  },
  { $id: 'NewComment' },
);

export const CommentEdit = Strict({ markdown: Type.String() }, { $id: 'CommentEdit' });

export const PreviewRequest = Strict({ markdown: Type.String() }, { $id: 'PreviewRequest' });

export const Preview = Strict(
  {
    html: Type.String({ description: 'Exactly what posting this Markdown would show; sanitize before use.' }),
  },
  { $id: 'Preview' },
);

export const ReactionRequest = Strict(
  {
    reaction: ReactionKey,
    active: Type.Optional(
      Type.Boolean({ description: 'true adds, false removes; left out, the reaction toggles.' }),
    ),
  },
  { $id: 'ReactionRequest' },
);

export const ReactionState = Strict(
  {
    commentId: CommentId,
    reactions: ReactionCounts,
    mine: Type.Array(ReactionKey),
  },
  { $id: 'ReactionState' },
);

export const ThreadUpdate = Strict({ closed: Type.Boolean() }, { $id: 'ThreadUpdate' });

export const Counts = Strict(
  {
    counts: Type.Record(ThreadKey, Type.Integer({ minimum: 0 })),
  },
  { $id: 'Counts' },
);
