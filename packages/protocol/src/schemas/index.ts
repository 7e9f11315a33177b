export * from './comment.js';
export * from './common.js';
export * from './events.js';
export * from './problem.js';
export * from './rsvp.js';
export * from './session.js';
export * from './share.js';
export * from './site.js';
