/** English: the source strings of <kith-share>. Every translation provides the same keys. */
const strings = {
  shareOn: (network: string) => `Share on ${network}`,
  share: 'Share',
  shareVia: 'Share via…',
  copyLink: 'Copy link',
  linkCopied: 'Link copied',
  copyFailed: 'Could not copy the link: select it and copy it yourself',
  email: 'Email',
  shares: (count: number, formatted: string) => (count === 1 ? '1 share' : `${formatted} shares`),
  opensInNewTab: '(opens in a new tab)',
};

export type ShareStrings = typeof strings;
export default strings;
