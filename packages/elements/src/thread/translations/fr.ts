import type { ThreadStrings } from './en.js';

const strings: ThreadStrings = {
  comments: 'Commentaires',
  commentCount: (count, formatted) =>
    count === 0 ? 'Aucun commentaire' : count < 2 ? `${formatted} commentaire` : `${formatted} commentaires`,
  sortLabel: 'Trier les commentaires',
  sortNew: 'Récents',
  sortOld: 'Anciens',
  sortTop: 'Populaires',
  loading: 'Chargement des commentaires…',
  empty: 'Soyez le premier à commenter.',
  closed: 'Les commentaires sont fermés.',
  loadMore: 'Charger plus de commentaires',
  loadReplies: (count, formatted) =>
    count < 2 ? `Afficher ${formatted} autre réponse` : `Afficher ${formatted} autres réponses`,
  incoming: (count, formatted) =>
    count < 2 ? `Afficher ${formatted} nouveau commentaire` : `Afficher ${formatted} nouveaux commentaires`,
  incomingAnnounced: (count, formatted) =>
    count < 2 ? `${formatted} nouveau commentaire` : `${formatted} nouveaux commentaires`,
  replyingTo: (name) => `En réponse à @${name}`,
  deleted: 'Ce commentaire a été supprimé.',
  deletedAuthor: 'Supprimé',
  edited: '(modifié)',
  pending: 'En attente de modération : vous seul le voyez.',
  permalink: 'Lien vers ce commentaire',
  reply: 'Répondre',
  react: (reaction, count) => `${reaction} : ${count}`,
  retry: 'Réessayer',
  errorNetwork: 'Le serveur de commentaires est injoignable. Vérifiez votre connexion.',
  errorTimeout: 'Le serveur de commentaires a mis trop de temps à répondre.',
  errorRateLimited: (seconds) =>
    seconds > 0 ? `Trop de requêtes. Réessayez dans ${seconds} s.` : 'Trop de requêtes. Réessayez bientôt.',
  errorServer: 'Le serveur de commentaires a rencontré un problème.',
  errorSignIn: 'Votre session a expiré. Reconnectez-vous pour publier.',
  errorGeneric: 'Un problème est survenu.',
  writePlaceholder: 'Écrire un commentaire…',
};

export default strings;
