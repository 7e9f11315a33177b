export { type KithConfig, setDefaults } from './base/config.js';
export { KithConfigElement } from './base/config-element.js';
export {
  type KithCountDetail,
  type KithErrorDetail,
  KithErrorEvent,
  KithEvent,
  KithLoadEvent,
} from './base/events.js';
export { KithElement } from './base/kith-element.js';
export { Localizer, registerTranslation, type Translation } from './base/localize.js';
export { StoreController } from './base/store-controller.js';
export { KithCommentCount } from './comment-count/comment-count.js';
export type { CommentCountStrings } from './comment-count/translations/en.js';
export {
  type KithEventDetail,
  KithRsvp,
  type KithRsvpDetail,
  KithRsvpEvent,
} from './rsvp/rsvp.js';
export type { RsvpStrings } from './rsvp/translations/en.js';
export type { PickerStrings } from './share/picker-translations/en.js';
export type { KithShare, KithShareDetail, KithShareEvent, ShareTarget } from './share/share.js';
export type { ShareStrings } from './share/translations/en.js';
export type { EditorStrings } from './thread/editor-translations/en.js';
export { type KithCommentDetail, KithCommentEvent, KithThread } from './thread/thread.js';
export type { ThreadStrings } from './thread/translations/en.js';

import type { Translation } from './base/localize.js';
import type { CommentCountStrings } from './comment-count/translations/en.js';
import type { RsvpStrings } from './rsvp/translations/en.js';
import type { PickerStrings } from './share/picker-translations/en.js';
import type { ShareStrings } from './share/translations/en.js';
import type { EditorStrings } from './thread/editor-translations/en.js';
import type { ThreadStrings } from './thread/translations/en.js';

/** A whole translation of every element, for `registerTranslation` (any subset works too). */
export type KithTranslation = Translation &
  CommentCountStrings &
  ShareStrings &
  PickerStrings &
  ThreadStrings &
  EditorStrings &
  RsvpStrings;
