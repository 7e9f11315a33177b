import type { PickerStrings } from './en.js';

const strings: PickerStrings = {
  share: 'Compartir',
  mastodonServer: 'Tu servidor de Mastodon',
  mastodonHint: 'Por ejemplo mastodon.social',
  mastodonInvalid: 'Escribe un nombre de servidor como mastodon.social',
  mastodonHub: '¿No lo sabes? Elige en la página para compartir',
  cancel: 'Cancelar',
};

export default strings;
