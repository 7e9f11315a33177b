/** English: the source strings. Every other translation provides the same keys. */
const translation = {
  $code: 'en',
  $name: 'English',
  $dir: 'ltr' as 'ltr' | 'rtl',
  /** `formatted` is `count` formatted for the language (grouping, digits). */
  commentCount: (count: number, formatted: string) =>
    count === 0 ? 'No comments' : count === 1 ? '1 comment' : `${formatted} comments`,
  commentCountUnavailable: 'Comment count unavailable',
  loadingCommentCount: 'Loading comment count',
  retry: 'Retry',
};

export default translation;
