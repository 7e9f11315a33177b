export { createApp, maxBodyBytes } from './app.js';
export type { Db, Queryable } from './db/driver.js';
export { migrate } from './db/migrate.js';
export { openDb } from './db/open.js';
export type { AppContext } from './http/context.js';
export { createLogger, type Logger, type LogLevel } from './logger.js';
export { createKith, type Kith, type KithOptions, type Listening, listen } from './server.js';
export { renderMarkdown } from './services/markdown.js';
export { defaultSettings, Sites } from './services/sites.js';
