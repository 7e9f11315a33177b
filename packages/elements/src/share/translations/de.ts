import type { ShareStrings } from './en.js';

const strings: ShareStrings = {
  shareOn: (network) => `Auf ${network} teilen`,
  share: 'Teilen',
  shareVia: 'Teilen über…',
  copyLink: 'Link kopieren',
  linkCopied: 'Link kopiert',
  copyFailed: 'Link konnte nicht kopiert werden: bitte markieren und selbst kopieren',
  email: 'E-Mail',
  shares: (count, formatted) => (count === 1 ? '1 Mal geteilt' : `${formatted} Mal geteilt`),
  opensInNewTab: '(öffnet in neuem Tab)',
};

export default strings;

// The Mastodon picker's, loaded with the bar's (see mastodon-picker.ts).
export { default as picker } from '../picker-translations/de.js';
