import type { ShareStrings } from './en.js';

const strings: ShareStrings = {
  shareOn: (network) => `Partager sur ${network}`,
  share: 'Partager',
  shareVia: 'Partager via…',
  copyLink: 'Copier le lien',
  linkCopied: 'Lien copié',
  copyFailed: 'Impossible de copier le lien : sélectionnez-le et copiez-le vous-même',
  email: 'E-mail',
  shares: (count, formatted) => (count <= 1 ? `${formatted} partage` : `${formatted} partages`),
  opensInNewTab: '(s’ouvre dans un nouvel onglet)',
};

export default strings;

// The Mastodon picker's, loaded with the bar's (see mastodon-picker.ts).
export { default as picker } from '../picker-translations/fr.js';
