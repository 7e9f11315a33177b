import type { CommentCountStrings } from './en.js';

const strings: CommentCountStrings = {
  commentCount: (count, formatted) =>
    count === 0 ? 'Sin comentarios' : count === 1 ? '1 comentario' : `${formatted} comentarios`,
  commentCountUnavailable: 'Número de comentarios no disponible',
  loadingCommentCount: 'Cargando el número de comentarios',
  retry: 'Reintentar',
};

export default strings;
