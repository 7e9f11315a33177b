/** English: the source strings of <kith-rsvp>. Every translation provides the same keys. */
const strings = {
  eventLoading: 'Loading the event…',
  noEvent: 'This page has no event.',
  when: 'When',
  where: 'Where',
  host: 'Host',
  yourTime: (time: string) => `Your time: ${time}`,
  joinOnline: 'Join online',
  cancelled: 'Cancelled',
  happeningNow: 'Happening now',
  ended: 'This event has ended',
  full: 'Full',
  spotsLeft: (count: number, formatted: string) => (count === 1 ? '1 spot left' : `${formatted} spots left`),
  fullWaitlist: 'Full: answering “Going” puts you on the waitlist.',
  goingCount: (_count: number, formatted: string) => `${formatted} going`,
  maybeCount: (_count: number, formatted: string) => `${formatted} maybe`,
  waitlistCount: (_count: number, formatted: string) => `${formatted} on the waitlist`,
  yourAnswer: 'Will you come?',
  going: 'Going',
  maybe: 'Maybe',
  notGoing: 'Can’t go',
  guests: 'Guests',
  youreGoing: (guests: number) =>
    guests === 0
      ? 'You’re going.'
      : guests === 1
        ? 'You’re going, with 1 guest.'
        : `You’re going, with ${guests} guests.`,
  youreWaiting: (_position: number, formatted: string) => `You’re number ${formatted} on the waitlist.`,
  youreMaybe: 'You might come.',
  youreNotGoing: 'You can’t go.',
  promoted: 'A spot freed up: you’re going.',
  answersClosed: 'Answers are closed.',
  nameLabel: 'Your name',
  nameToAnswer: 'Enter a name to answer.',
  answerAs: (name: string) => `Answering as ${name}`,
  send: 'Send',
  sending: 'Sending…',
  signInRequired: 'Sign in on this site to answer.',
  seeAttendees: (_count: number, formatted: string) => `See everyone going (${formatted})`,
  attendeesTitle: 'Going',
  attendeeGuests: (name: string, guests: number) =>
    guests === 1 ? `${name} +1 guest` : `${name} +${guests} guests`,
  more: 'Show more',
  close: 'Close',
  addToCalendar: 'Add to calendar',
  calendarFile: 'Apple Calendar, Outlook and others (.ics)',
  retry: 'Try again',
  errorNetwork: 'Could not reach the server. Check your connection.',
  errorTimeout: 'The server took too long to answer.',
  errorRateLimited: (seconds: number) =>
    seconds > 0 ? `Too many requests. Try again in ${seconds} s.` : 'Too many requests. Try again shortly.',
  errorServer: 'The server had a problem.',
  errorBlocked: 'This site has blocked you from answering. You can still read.',
  errorSignIn: 'Your session has ended. Enter your name to answer again.',
  errorFull: 'Not enough spots are left for that many guests.',
  errorCancelled: 'The event is cancelled.',
  errorClosed: 'Answers are closed: the event has started.',
  errorGeneric: 'Something went wrong.',
};

export type RsvpStrings = typeof strings;
export default strings;
