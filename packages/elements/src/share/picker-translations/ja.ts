import type { PickerStrings } from './en.js';

const strings: PickerStrings = {
  share: '共有',
  mastodonServer: 'あなたの Mastodon サーバー',
  mastodonHint: '例: mastodon.social',
  mastodonInvalid: 'mastodon.social のようなサーバー名を入力してください',
  mastodonHub: 'わからない場合は共有ページで選択',
  cancel: 'キャンセル',
};

export default strings;
