import type { KithTranslation } from '../base/localize.js';

const translation: KithTranslation = {
  $code: 'de',
  $name: 'Deutsch',
  $dir: 'ltr',
  commentCount: (count, formatted) =>
    count === 0 ? 'Keine Kommentare' : count === 1 ? '1 Kommentar' : `${formatted} Kommentare`,
  commentCountUnavailable: 'Anzahl der Kommentare nicht verfügbar',
  loadingCommentCount: 'Anzahl der Kommentare wird geladen',
  retry: 'Erneut versuchen',
};

export default translation;
