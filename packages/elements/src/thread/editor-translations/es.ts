import type { EditorStrings } from './en.js';

const strings: EditorStrings = {
  nameLabel: 'Tu nombre',
  emailLabel: 'Correo (opcional, nunca se muestra)',
  write: 'Escribir',
  preview: 'Vista previa',
  nothingToPreview: 'Aún no hay nada que previsualizar.',
  previewing: 'Cargando la vista previa…',
  post: 'Publicar comentario',
  postReply: 'Publicar respuesta',
  save: 'Guardar',
  cancel: 'Cancelar',
  commentLabel: 'Tu comentario',
  replyLabel: (name) => `Responder a ${name}`,
  editLabel: 'Editar tu comentario',
  hint: (keys) =>
    `Admite Markdown: **negrita**, *cursiva*, [enlaces](https://…), \`código\`. ${keys} publica.`,
  tooLong: (max) => `Supera los ${max} caracteres que admite un comentario.`,
  charactersLeft: (count, formatted) => (count === 1 ? 'Queda 1 carácter' : `Quedan ${formatted} caracteres`),
  empty: 'Escribe algo primero.',
  nameRequired: 'Escribe un nombre para publicar.',
  signInRequired: 'Inicia sesión en este sitio para comentar. Tu borrador se guarda.',
  posting: 'Publicando…',
  edit: 'Editar',
  delete: 'Eliminar',
  confirmDelete: '¿Eliminar este comentario? Sus respuestas se quedan.',
  sending: 'Enviando…',
  queued: 'Aún no se ha enviado. Se enviará cuando vuelva la conexión.',
  proofUnsupported:
    'Este sitio comprueba que los comentarios no vienen de bots, y para eso hace falta una página segura (https). Tu texto se conserva.',
  sendNow: 'Enviar ahora',
  posted: 'Comentario publicado.',
  held: 'Comentario enviado. Aparecerá cuando el sitio lo apruebe.',
  reviewedAll: 'Los comentarios se revisan antes de publicarse.',
  reviewedFirst: 'El primer comentario se revisa antes de publicarse.',
  signedInAs: (name) => `Comentas como ${name}`,
  signOut: 'Cerrar sesión',
};

export default strings;
