import type { ShareStrings } from './en.js';

const strings: ShareStrings = {
  shareOn: (network) => `${network} で共有`,
  share: '共有',
  shareVia: '他の方法で共有…',
  copyLink: 'リンクをコピー',
  linkCopied: 'リンクをコピーしました',
  copyFailed: 'リンクをコピーできませんでした。選択して手動でコピーしてください',
  email: 'メール',
  shares: (_count, formatted) => `${formatted} 回共有`,
  opensInNewTab: '(新しいタブで開きます)',
};

export default strings;

// The Mastodon picker's, loaded with the bar's (see mastodon-picker.ts).
export { default as picker } from '../picker-translations/ja.js';
