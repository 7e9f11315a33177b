import type { CommentCountStrings } from './en.js';

const strings: CommentCountStrings = {
  commentCount: (count, formatted) => (count === 0 ? 'コメントはありません' : `コメント ${formatted} 件`),
  commentCountUnavailable: 'コメント数を取得できません',
  loadingCommentCount: 'コメント数を読み込み中',
  retry: '再試行',
};

export default strings;
