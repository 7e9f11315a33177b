import type { ShareStrings } from './en.js';

const strings: ShareStrings = {
  shareOn: (network) => `Compartir en ${network}`,
  share: 'Compartir',
  shareVia: 'Compartir mediante…',
  copyLink: 'Copiar enlace',
  linkCopied: 'Enlace copiado',
  copyFailed: 'No se pudo copiar el enlace: selecciónalo y cópialo tú',
  email: 'Correo',
  shares: (count, formatted) => (count === 1 ? '1 vez compartido' : `${formatted} veces compartido`),
  opensInNewTab: '(se abre en una pestaña nueva)',
};

export default strings;

// The Mastodon picker's, loaded with the bar's (see mastodon-picker.ts).
export { default as picker } from '../picker-translations/es.js';
