/** English: the source strings of <kith-thread>. Every translation provides the same keys. */
const strings = {
  comments: 'Comments',
  commentCount: (count: number, formatted: string) =>
    count === 0 ? 'No comments yet' : count === 1 ? '1 comment' : `${formatted} comments`,
  sortLabel: 'Sort comments',
  sortNew: 'Newest',
  sortOld: 'Oldest',
  sortTop: 'Top',
  loading: 'Loading comments…',
  empty: 'Be the first to comment.',
  closed: 'Comments are closed.',
  loadMore: 'Load more comments',
  loadReplies: (count: number, formatted: string) =>
    count === 1 ? 'Show 1 more reply' : `Show ${formatted} more replies`,
  incoming: (count: number, formatted: string) =>
    count === 1 ? 'Show 1 new comment' : `Show ${formatted} new comments`,
  incomingAnnounced: (count: number, formatted: string) =>
    count === 1 ? '1 new comment' : `${formatted} new comments`,
  replyingTo: (name: string) => `Replying to @${name}`,
  deleted: 'This comment was deleted.',
  deletedAuthor: 'Deleted',
  edited: '(edited)',
  pending: 'Awaiting moderation: only you can see this.',
  permalink: 'Link to this comment',
  reply: 'Reply',
  react: (reaction: string, count: number) => `${reaction}: ${count}`,
  retry: 'Try again',
  errorNetwork: 'Could not reach the comment server. Check your connection.',
  errorTimeout: 'The comment server took too long to answer.',
  errorRateLimited: (seconds: number) =>
    seconds > 0 ? `Too many requests. Try again in ${seconds} s.` : 'Too many requests. Try again shortly.',
  errorServer: 'The comment server had a problem.',
  errorSignIn: 'Your session has ended. Sign in again to post.',
  errorGeneric: 'Something went wrong.',
  writePlaceholder: 'Write a comment…',
};

export type ThreadStrings = typeof strings;
export default strings;
