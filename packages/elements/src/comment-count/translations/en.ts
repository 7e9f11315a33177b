/** English: the source strings of <kith-comment-count>. Every translation provides the same keys. */
const strings = {
  /** `formatted` is `count` formatted for the language (grouping, digits). */
  commentCount: (count: number, formatted: string) =>
    count === 0 ? 'No comments' : count === 1 ? '1 comment' : `${formatted} comments`,
  commentCountUnavailable: 'Comment count unavailable',
  loadingCommentCount: 'Loading comment count',
  retry: 'Retry',
};

export type CommentCountStrings = typeof strings;
export default strings;
