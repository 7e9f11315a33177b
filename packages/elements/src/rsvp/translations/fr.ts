import type { RsvpStrings } from './en.js';

const strings: RsvpStrings = {
  eventLoading: 'Chargement de l’événement…',
  noEvent: 'Cette page n’a pas d’événement.',
  when: 'Quand',
  where: 'Où',
  host: 'Organisé par',
  yourTime: (time) => `Chez vous : ${time}`,
  joinOnline: 'Rejoindre en ligne',
  cancelled: 'Annulé',
  happeningNow: 'En cours',
  ended: 'Cet événement est terminé',
  full: 'Complet',
  spotsLeft: (count, formatted) => (count === 1 ? 'Plus qu’1 place' : `Plus que ${formatted} places`),
  fullWaitlist: 'Complet : répondre « J’y vais » vous inscrit sur la liste d’attente.',
  goingCount: (_count, formatted) => `${formatted} participants`,
  maybeCount: (_count, formatted) => `${formatted} peut-être`,
  waitlistCount: (_count, formatted) => `${formatted} en liste d’attente`,
  yourAnswer: 'Venez-vous ?',
  going: 'J’y vais',
  maybe: 'Peut-être',
  notGoing: 'Je ne peux pas',
  guests: 'Invités',
  youreGoing: (guests) =>
    guests === 0
      ? 'Vous venez.'
      : guests === 1
        ? 'Vous venez, avec 1 invité.'
        : `Vous venez, avec ${guests} invités.`,
  youreWaiting: (_position, formatted) => `Vous êtes n° ${formatted} sur la liste d’attente.`,
  youreMaybe: 'Vous viendrez peut-être.',
  youreNotGoing: 'Vous ne pouvez pas venir.',
  promoted: 'Une place s’est libérée : vous venez.',
  answersClosed: 'Les réponses sont closes.',
  nameLabel: 'Votre nom',
  nameToAnswer: 'Saisissez un nom pour répondre.',
  answerAs: (name) => `Vous répondez en tant que ${name}`,
  send: 'Envoyer',
  sending: 'Envoi…',
  signInRequired: 'Connectez-vous sur ce site pour répondre.',
  seeAttendees: (_count, formatted) => `Voir tous les participants (${formatted})`,
  attendeesTitle: 'Participants',
  attendeeGuests: (name, guests) => (guests === 1 ? `${name} +1 invité` : `${name} +${guests} invités`),
  more: 'Afficher plus',
  close: 'Fermer',
  addToCalendar: 'Ajouter au calendrier',
  calendarFile: 'Apple Calendrier, Outlook et autres (.ics)',
  retry: 'Réessayer',
  errorNetwork: 'Impossible de joindre le serveur. Vérifiez votre connexion.',
  errorTimeout: 'Le serveur a mis trop de temps à répondre.',
  errorRateLimited: (seconds) =>
    seconds > 0
      ? `Trop de requêtes. Réessayez dans ${seconds} s.`
      : 'Trop de requêtes. Réessayez dans un instant.',
  errorServer: 'Le serveur a rencontré un problème.',
  errorBlocked: 'Ce site vous a bloqué : vous ne pouvez plus répondre, mais vous pouvez toujours lire.',
  errorSignIn: 'Votre session a expiré. Saisissez votre nom pour répondre à nouveau.',
  errorFull: 'Il ne reste pas assez de places pour autant d’invités.',
  errorCancelled: 'L’événement est annulé.',
  errorClosed: 'Les réponses sont closes : l’événement a commencé.',
  errorGeneric: 'Une erreur s’est produite.',
};

export default strings;
