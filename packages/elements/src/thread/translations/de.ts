import type { ThreadStrings } from './en.js';

const strings: ThreadStrings = {
  comments: 'Kommentare',
  commentCount: (count, formatted) =>
    count === 0 ? 'Noch keine Kommentare' : count === 1 ? '1 Kommentar' : `${formatted} Kommentare`,
  sortLabel: 'Kommentare sortieren',
  sortNew: 'Neueste',
  sortOld: 'Älteste',
  sortTop: 'Beliebteste',
  loading: 'Kommentare werden geladen…',
  empty: 'Schreib den ersten Kommentar.',
  closed: 'Die Kommentare sind geschlossen.',
  loadMore: 'Weitere Kommentare laden',
  loadReplies: (count, formatted) =>
    count === 1 ? '1 weitere Antwort zeigen' : `${formatted} weitere Antworten zeigen`,
  incoming: (count, formatted) =>
    count === 1 ? '1 neuen Kommentar zeigen' : `${formatted} neue Kommentare zeigen`,
  incomingAnnounced: (count, formatted) =>
    count === 1 ? '1 neuer Kommentar' : `${formatted} neue Kommentare`,
  replyingTo: (name) => `Antwort an @${name}`,
  deleted: 'Dieser Kommentar wurde gelöscht.',
  deletedAuthor: 'Gelöscht',
  edited: '(bearbeitet)',
  pending: 'Wartet auf Freigabe: nur du siehst ihn.',
  permalink: 'Link zu diesem Kommentar',
  reply: 'Antworten',
  react: (reaction, count) => `${reaction}: ${count}`,
  retry: 'Erneut versuchen',
  errorNetwork: 'Der Kommentar-Server ist nicht erreichbar. Prüfe deine Verbindung.',
  errorTimeout: 'Der Kommentar-Server hat zu lange gebraucht.',
  errorRateLimited: (seconds) =>
    seconds > 0
      ? `Zu viele Anfragen. Versuch es in ${seconds} s erneut.`
      : 'Zu viele Anfragen. Versuch es gleich erneut.',
  errorServer: 'Der Kommentar-Server hatte ein Problem.',
  errorSignIn: 'Deine Sitzung ist abgelaufen. Melde dich erneut an, um zu schreiben.',
  errorGeneric: 'Etwas ist schiefgegangen.',
  writePlaceholder: 'Kommentar schreiben…',
};

export default strings;
