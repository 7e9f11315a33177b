import type { CommentCountStrings } from './en.js';

const strings: CommentCountStrings = {
  commentCount: (count, formatted) =>
    count === 0 ? 'Keine Kommentare' : count === 1 ? '1 Kommentar' : `${formatted} Kommentare`,
  commentCountUnavailable: 'Anzahl der Kommentare nicht verfügbar',
  loadingCommentCount: 'Anzahl der Kommentare wird geladen',
  retry: 'Erneut versuchen',
};

export default strings;
