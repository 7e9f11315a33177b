import type { RsvpStrings } from './en.js';

const strings: RsvpStrings = {
  eventLoading: 'Veranstaltung wird geladen…',
  noEvent: 'Auf dieser Seite gibt es keine Veranstaltung.',
  when: 'Wann',
  where: 'Wo',
  host: 'Gastgeber',
  yourTime: (time) => `Bei dir: ${time}`,
  joinOnline: 'Online teilnehmen',
  cancelled: 'Abgesagt',
  happeningNow: 'Läuft gerade',
  ended: 'Diese Veranstaltung ist vorbei',
  full: 'Ausgebucht',
  spotsLeft: (count, formatted) => (count === 1 ? 'Noch 1 Platz frei' : `Noch ${formatted} Plätze frei`),
  fullWaitlist: 'Ausgebucht: Mit „Ich komme“ kommst du auf die Warteliste.',
  goingCount: (_count, formatted) => `${formatted} kommen`,
  maybeCount: (_count, formatted) => `${formatted} vielleicht`,
  waitlistCount: (_count, formatted) => `${formatted} auf der Warteliste`,
  yourAnswer: 'Kommst du?',
  going: 'Ich komme',
  maybe: 'Vielleicht',
  notGoing: 'Ich kann nicht',
  guests: 'Gäste',
  youreGoing: (guests) =>
    guests === 0
      ? 'Du kommst.'
      : guests === 1
        ? 'Du kommst, mit 1 Gast.'
        : `Du kommst, mit ${guests} Gästen.`,
  youreWaiting: (_position, formatted) => `Du bist Nummer ${formatted} auf der Warteliste.`,
  youreMaybe: 'Du kommst vielleicht.',
  youreNotGoing: 'Du kannst nicht kommen.',
  promoted: 'Ein Platz ist frei geworden: Du bist dabei.',
  answersClosed: 'Antworten sind geschlossen.',
  nameLabel: 'Dein Name',
  nameToAnswer: 'Gib einen Namen ein, um zu antworten.',
  answerAs: (name) => `Du antwortest als ${name}`,
  send: 'Senden',
  sending: 'Wird gesendet…',
  signInRequired: 'Melde dich auf dieser Website an, um zu antworten.',
  seeAttendees: (_count, formatted) => `Alle Teilnehmenden ansehen (${formatted})`,
  attendeesTitle: 'Dabei',
  attendeeGuests: (name, guests) => (guests === 1 ? `${name} +1 Gast` : `${name} +${guests} Gäste`),
  more: 'Mehr anzeigen',
  close: 'Schließen',
  addToCalendar: 'Zum Kalender hinzufügen',
  calendarFile: 'Apple Kalender, Outlook und andere (.ics)',
  retry: 'Erneut versuchen',
  errorNetwork: 'Der Server ist nicht erreichbar. Prüfe deine Verbindung.',
  errorTimeout: 'Der Server hat zu lange nicht geantwortet.',
  errorRateLimited: (seconds) =>
    seconds > 0
      ? `Zu viele Anfragen. Versuche es in ${seconds} s erneut.`
      : 'Zu viele Anfragen. Versuche es gleich erneut.',
  errorServer: 'Der Server hatte ein Problem.',
  errorBlocked: 'Diese Website hat dich für Antworten gesperrt. Lesen kannst du weiterhin.',
  errorSignIn: 'Deine Sitzung ist abgelaufen. Gib deinen Namen ein, um erneut zu antworten.',
  errorFull: 'Für so viele Gäste sind nicht mehr genug Plätze frei.',
  errorCancelled: 'Die Veranstaltung ist abgesagt.',
  errorClosed: 'Antworten sind geschlossen: Die Veranstaltung hat begonnen.',
  errorGeneric: 'Etwas ist schiefgelaufen.',
};

export default strings;
