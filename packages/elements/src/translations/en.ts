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
  shareOn: (network: string) => `Share on ${network}`,
  share: 'Share',
  shareVia: 'Share via…',
  copyLink: 'Copy link',
  linkCopied: 'Link copied',
  copyFailed: 'Could not copy the link: select it and copy it yourself',
  email: 'Email',
  mastodonServer: 'Your Mastodon server',
  mastodonHint: 'For example mastodon.social',
  mastodonInvalid: 'Enter a server name such as mastodon.social',
  mastodonHub: 'Not sure? Choose on the share page',
  cancel: 'Cancel',
  shares: (count: number, formatted: string) => (count === 1 ? '1 share' : `${formatted} shares`),
  opensInNewTab: '(opens in a new tab)',
};

export default translation;
