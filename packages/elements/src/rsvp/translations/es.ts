import type { RsvpStrings } from './en.js';

const strings: RsvpStrings = {
  eventLoading: 'Cargando el evento…',
  noEvent: 'Esta página no tiene ningún evento.',
  when: 'Cuándo',
  where: 'Dónde',
  host: 'Organiza',
  yourTime: (time) => `Tu hora: ${time}`,
  joinOnline: 'Unirse en línea',
  cancelled: 'Cancelado',
  happeningNow: 'En curso',
  ended: 'Este evento ha terminado',
  full: 'Completo',
  spotsLeft: (count, formatted) => (count === 1 ? 'Queda 1 plaza' : `Quedan ${formatted} plazas`),
  fullWaitlist: 'Completo: si respondes «Voy», entras en la lista de espera.',
  goingCount: (_count, formatted) => `${formatted} van`,
  maybeCount: (_count, formatted) => `${formatted} quizás`,
  waitlistCount: (_count, formatted) => `${formatted} en lista de espera`,
  yourAnswer: '¿Vienes?',
  going: 'Voy',
  maybe: 'Quizás',
  notGoing: 'No puedo',
  guests: 'Invitados',
  youreGoing: (guests) =>
    guests === 0
      ? 'Vas a ir.'
      : guests === 1
        ? 'Vas a ir, con 1 invitado.'
        : `Vas a ir, con ${guests} invitados.`,
  youreWaiting: (_position, formatted) => `Eres el número ${formatted} de la lista de espera.`,
  youreMaybe: 'Quizás vayas.',
  youreNotGoing: 'No puedes ir.',
  promoted: 'Se ha liberado una plaza: vas a ir.',
  answersClosed: 'Las respuestas están cerradas.',
  nameLabel: 'Tu nombre',
  nameToAnswer: 'Escribe un nombre para responder.',
  answerAs: (name) => `Respondes como ${name}`,
  send: 'Enviar',
  sending: 'Enviando…',
  signInRequired: 'Inicia sesión en este sitio para responder.',
  seeAttendees: (_count, formatted) => `Ver a todos los que van (${formatted})`,
  attendeesTitle: 'Van',
  attendeeGuests: (name, guests) => (guests === 1 ? `${name} +1 invitado` : `${name} +${guests} invitados`),
  more: 'Mostrar más',
  close: 'Cerrar',
  addToCalendar: 'Añadir al calendario',
  calendarFile: 'Calendario de Apple, Outlook y otros (.ics)',
  retry: 'Reintentar',
  errorNetwork: 'No se pudo conectar con el servidor. Comprueba tu conexión.',
  errorTimeout: 'El servidor tardó demasiado en responder.',
  errorRateLimited: (seconds) =>
    seconds > 0
      ? `Demasiadas solicitudes. Vuelve a intentarlo en ${seconds} s.`
      : 'Demasiadas solicitudes. Vuelve a intentarlo en breve.',
  errorServer: 'El servidor tuvo un problema.',
  errorBlocked: 'Este sitio te ha bloqueado: ya no puedes responder, pero sí leer.',
  errorSignIn: 'Tu sesión ha terminado. Escribe tu nombre para responder de nuevo.',
  errorFull: 'No quedan plazas suficientes para tantos invitados.',
  errorCancelled: 'El evento está cancelado.',
  errorClosed: 'Las respuestas están cerradas: el evento ha empezado.',
  errorGeneric: 'Algo salió mal.',
};

export default strings;
