import type { Author, Comment, ThreadMeta } from '@kith/protocol';

/** Columns every comment query selects, in the shape `toComment` reads. */
export const commentColumns =
  'c.seq, c.id, c.parent_id, c.root_id, c.path, c.depth, c.author_id, c.author, c.markdown, c.html, c.status, c.deleted, c.created_at, c.edited_at, c.reactions, c.score, c.reply_count';

export interface CommentRow {
  seq: string;
  id: string;
  parent_id: string | null;
  root_id: string | null;
  path: string;
  depth: number;
  author_id: string | null;
  author: Author | null;
  markdown: string;
  html: string;
  status: 'published' | 'pending';
  deleted: boolean;
  created_at: Date;
  edited_at: Date | null;
  reactions: Record<string, number>;
  score: number;
  reply_count: number;
}

export function toComment(row: CommentRow, threadKey: string): Comment {
  return {
    id: row.id,
    threadKey,
    parentId: row.parent_id,
    rootId: row.root_id,
    depth: row.depth,
    author: row.deleted ? null : row.author,
    markdown: row.markdown,
    html: row.html,
    status: row.status,
    deleted: row.deleted,
    createdAt: new Date(row.created_at).toISOString(),
    editedAt: row.edited_at ? new Date(row.edited_at).toISOString() : null,
    reactions: row.reactions,
    replyCount: row.reply_count,
  };
}

export interface ThreadRow {
  id: string;
  key: string;
  closed: boolean;
  comment_count: number;
  top_level_count: number;
  events_pruned_before: string;
  created_at: Date;
}

export const threadColumns =
  'id, key, closed, comment_count, top_level_count, events_pruned_before, created_at';

export function toThreadMeta(row: ThreadRow | undefined, key: string): ThreadMeta {
  if (!row) return { key, closed: false, commentCount: 0, topLevelCount: 0, createdAt: null };
  return {
    key: row.key,
    closed: row.closed,
    commentCount: row.comment_count,
    topLevelCount: row.top_level_count,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
