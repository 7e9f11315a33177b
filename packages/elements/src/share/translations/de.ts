import type { ShareStrings } from './en.js';

const strings: ShareStrings = {
  shareOn: (network) => `Auf ${network} teilen`,
  share: 'Teilen',
  shareVia: 'Teilen über…',
  copyLink: 'Link kopieren',
  linkCopied: 'Link kopiert',
  copyFailed: 'Link konnte nicht kopiert werden: bitte markieren und selbst kopieren',
  email: 'E-Mail',
  mastodonServer: 'Dein Mastodon-Server',
  mastodonHint: 'Zum Beispiel mastodon.social',
  mastodonInvalid: 'Gib einen Servernamen wie mastodon.social ein',
  mastodonHub: 'Unsicher? Auf der Teilen-Seite wählen',
  cancel: 'Abbrechen',
  shares: (count, formatted) => (count === 1 ? '1 Mal geteilt' : `${formatted} Mal geteilt`),
  opensInNewTab: '(öffnet in neuem Tab)',
};

export default strings;
