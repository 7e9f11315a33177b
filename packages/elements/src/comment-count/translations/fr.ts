import type { CommentCountStrings } from './en.js';

const strings: CommentCountStrings = {
  commentCount: (count, formatted) =>
    count === 0 ? 'Aucun commentaire' : count === 1 ? '1 commentaire' : `${formatted} commentaires`,
  commentCountUnavailable: 'Nombre de commentaires indisponible',
  loadingCommentCount: 'Chargement du nombre de commentaires',
  retry: 'Réessayer',
};

export default strings;
