import type { EditorStrings } from './en.js';

const strings: EditorStrings = {
  nameLabel: 'Votre nom',
  emailLabel: 'E-mail (facultatif, jamais affiché)',
  write: 'Écrire',
  preview: 'Aperçu',
  nothingToPreview: 'Rien à prévisualiser pour l’instant.',
  previewing: 'Chargement de l’aperçu…',
  post: 'Publier le commentaire',
  postReply: 'Publier la réponse',
  save: 'Enregistrer',
  cancel: 'Annuler',
  commentLabel: 'Votre commentaire',
  replyLabel: (name) => `Répondre à ${name}`,
  editLabel: 'Modifier votre commentaire',
  hint: (keys) => `Markdown accepté : **gras**, *italique*, [liens](https://…), \`code\`. ${keys} publie.`,
  tooLong: (max) => `C’est plus que les ${max} caractères permis pour un commentaire.`,
  charactersLeft: (count, formatted) =>
    count < 2 ? `${formatted} caractère restant` : `${formatted} caractères restants`,
  empty: 'Écrivez d’abord quelque chose.',
  nameRequired: 'Indiquez un nom pour publier.',
  signInRequired: 'Connectez-vous sur ce site pour commenter. Votre brouillon est conservé.',
  posting: 'Publication…',
  edit: 'Modifier',
  delete: 'Supprimer',
  confirmDelete: 'Supprimer ce commentaire ? Ses réponses restent.',
  sending: 'Envoi…',
  queued: 'Pas encore envoyé. Il partira dès que la connexion reviendra.',
  proofUnsupported:
    'Ce site vérifie que les commentaires ne viennent pas de robots, ce qui demande une page sécurisée (https). Votre texte est conservé.',
  sendNow: 'Envoyer maintenant',
  posted: 'Commentaire publié.',
  held: 'Commentaire envoyé. Il apparaîtra une fois approuvé par le site.',
  reviewedAll: 'Les commentaires sont relus avant de paraître.',
  reviewedFirst: 'Un premier commentaire est relu avant de paraître.',
  signedInAs: (name) => `Vous commentez en tant que ${name}`,
  signOut: 'Se déconnecter',
};

export default strings;
