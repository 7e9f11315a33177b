import type { KithTranslation } from '../base/localize.js';

const translation: KithTranslation = {
  $code: 'ja',
  $name: '日本語',
  $dir: 'ltr',
  commentCount: (count, formatted) => (count === 0 ? 'コメントはありません' : `コメント ${formatted} 件`),
  commentCountUnavailable: 'コメント数を取得できません',
  loadingCommentCount: 'コメント数を読み込み中',
  retry: '再試行',
};

export default translation;
