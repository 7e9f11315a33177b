import type { PickerStrings } from './en.js';

const strings: PickerStrings = {
  share: 'Teilen',
  mastodonServer: 'Dein Mastodon-Server',
  mastodonHint: 'Zum Beispiel mastodon.social',
  mastodonInvalid: 'Gib einen Servernamen wie mastodon.social ein',
  mastodonHub: 'Unsicher? Auf der Teilen-Seite wählen',
  cancel: 'Abbrechen',
};

export default strings;
