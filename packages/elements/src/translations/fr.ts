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
  shareOn: (network) => `Partager sur ${network}`,
  share: 'Partager',
  shareVia: 'Partager via…',
  copyLink: 'Copier le lien',
  linkCopied: 'Lien copié',
  copyFailed: 'Impossible de copier le lien : sélectionnez-le et copiez-le vous-même',
  email: 'E-mail',
  mastodonServer: 'Votre serveur Mastodon',
  mastodonHint: 'Par exemple mastodon.social',
  mastodonInvalid: 'Saisissez un nom de serveur comme mastodon.social',
  mastodonHub: 'Vous ne savez pas ? Choisissez sur la page de partage',
  cancel: 'Annuler',
  shares: (count, formatted) => (count <= 1 ? `${formatted} partage` : `${formatted} partages`),
  opensInNewTab: '(s’ouvre dans un nouvel onglet)',
};

export default translation;
