import type { PickerStrings } from './en.js';

const strings: PickerStrings = {
  share: 'Partager',
  mastodonServer: 'Votre serveur Mastodon',
  mastodonHint: 'Par exemple mastodon.social',
  mastodonInvalid: 'Saisissez un nom de serveur comme mastodon.social',
  mastodonHub: 'Vous ne savez pas ? Choisissez sur la page de partage',
  cancel: 'Annuler',
};

export default strings;
