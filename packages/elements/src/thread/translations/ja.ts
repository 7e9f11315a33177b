import type { ThreadStrings } from './en.js';

const strings: ThreadStrings = {
  comments: 'コメント',
  commentCount: (count, formatted) => (count === 0 ? 'コメントはまだありません' : `コメント ${formatted} 件`),
  sortLabel: 'コメントの並べ替え',
  sortNew: '新しい順',
  sortOld: '古い順',
  sortTop: '人気順',
  loading: 'コメントを読み込んでいます…',
  empty: '最初のコメントを書きましょう。',
  closed: 'コメントは締め切られました。',
  loadMore: 'さらにコメントを読み込む',
  loadReplies: (_count, formatted) => `返信をあと ${formatted} 件表示`,
  incoming: (_count, formatted) => `新しいコメント ${formatted} 件を表示`,
  incomingAnnounced: (_count, formatted) => `新しいコメント ${formatted} 件`,
  replyingTo: (name) => `@${name} さんへの返信`,
  deleted: 'このコメントは削除されました。',
  deletedAuthor: '削除済み',
  edited: '（編集済み）',
  pending: '承認待ち：あなたにだけ表示されています。',
  permalink: 'このコメントへのリンク',
  reply: '返信',
  react: (reaction, count) => `${reaction}：${count}`,
  retry: '再試行',
  errorNetwork: 'コメントサーバーに接続できません。接続を確認してください。',
  errorTimeout: 'コメントサーバーの応答に時間がかかりすぎました。',
  errorRateLimited: (seconds) =>
    seconds > 0
      ? `リクエストが多すぎます。${seconds} 秒後にもう一度お試しください。`
      : 'リクエストが多すぎます。少し待ってからお試しください。',
  errorServer: 'コメントサーバーで問題が発生しました。',
  errorSignIn: 'セッションが終了しました。投稿するにはもう一度ログインしてください。',
  errorGeneric: '問題が発生しました。',
  writePlaceholder: 'コメントを書く…',
};

export default strings;
