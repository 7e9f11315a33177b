export { type KithConfig, setDefaults } from './base/config.js';
export { KithConfigElement } from './base/config-element.js';
export { KithErrorEvent, KithEvent, KithLoadEvent } from './base/events.js';
export { KithElement } from './base/kith-element.js';
export { type KithTranslation, loadTranslation, registerTranslation } from './base/localize.js';
export { StoreController } from './base/store-controller.js';
export { KithCommentCount } from './comment-count/comment-count.js';
