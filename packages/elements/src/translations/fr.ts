import type { KithTranslation } from '../base/localize.js';

const translation: KithTranslation = {
  $code: 'fr',
  $name: 'Français',
  $dir: 'ltr',
  // French uses the singular for 0 and 1.
  commentCount: (count, formatted) =>
    count === 0 ? 'Aucun commentaire' : count === 1 ? '1 commentaire' : `${formatted} commentaires`,
  commentCountUnavailable: 'Nombre de commentaires indisponible',
  loadingCommentCount: 'Chargement du nombre de commentaires',
  retry: 'Réessayer',
};

export default translation;
