import type { EditorStrings } from './en.js';

const strings: EditorStrings = {
  nameLabel: 'お名前',
  emailLabel: 'メールアドレス（任意・表示されません）',
  write: '書く',
  preview: 'プレビュー',
  nothingToPreview: 'プレビューする内容がまだありません。',
  previewing: 'プレビューを読み込んでいます…',
  post: 'コメントを投稿',
  postReply: '返信を投稿',
  save: '保存',
  cancel: 'キャンセル',
  commentLabel: 'コメント',
  replyLabel: (name) => `${name} さんに返信`,
  editLabel: 'コメントを編集',
  hint: (keys) => `Markdown が使えます：**太字**、*斜体*、[リンク](https://…)、\`コード\`。${keys} で投稿。`,
  tooLong: (max) => `コメントの上限 ${max} 文字を超えています。`,
  charactersLeft: (_count, formatted) => `残り ${formatted} 文字`,
  empty: 'まず何か書いてください。',
  nameRequired: '投稿するには名前を入力してください。',
  signInRequired: 'コメントするにはこのサイトにログインしてください。下書きは保存されています。',
  posting: '投稿中…',
};

export default strings;
