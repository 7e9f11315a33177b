import type { ThreadStrings } from './en.js';

const strings: ThreadStrings = {
  comments: 'Comentarios',
  commentCount: (count, formatted) =>
    count === 0 ? 'Aún no hay comentarios' : count === 1 ? '1 comentario' : `${formatted} comentarios`,
  sortLabel: 'Ordenar comentarios',
  sortNew: 'Recientes',
  sortOld: 'Antiguos',
  sortTop: 'Destacados',
  loading: 'Cargando comentarios…',
  empty: 'Sé el primero en comentar.',
  closed: 'Los comentarios están cerrados.',
  loadMore: 'Cargar más comentarios',
  loadReplies: (count, formatted) =>
    count === 1 ? 'Mostrar 1 respuesta más' : `Mostrar ${formatted} respuestas más`,
  incoming: (count, formatted) =>
    count === 1 ? 'Mostrar 1 comentario nuevo' : `Mostrar ${formatted} comentarios nuevos`,
  incomingAnnounced: (count, formatted) =>
    count === 1 ? '1 comentario nuevo' : `${formatted} comentarios nuevos`,
  replyingTo: (name) => `En respuesta a @${name}`,
  deleted: 'Este comentario se eliminó.',
  deletedAuthor: 'Eliminado',
  edited: '(editado)',
  pending: 'Pendiente de moderación: solo tú lo ves.',
  permalink: 'Enlace a este comentario',
  reply: 'Responder',
  react: (reaction, count) => `${reaction}: ${count}`,
  retry: 'Reintentar',
  errorNetwork: 'No se pudo contactar con el servidor de comentarios. Revisa tu conexión.',
  errorTimeout: 'El servidor de comentarios tardó demasiado en responder.',
  errorRateLimited: (seconds) =>
    seconds > 0
      ? `Demasiadas solicitudes. Inténtalo en ${seconds} s.`
      : 'Demasiadas solicitudes. Inténtalo en breve.',
  errorServer: 'El servidor de comentarios tuvo un problema.',
  errorSignIn: 'Tu sesión ha terminado. Vuelve a identificarte para publicar.',
  errorGeneric: 'Algo salió mal.',
  writePlaceholder: 'Escribe un comentario…',
};

export default strings;
