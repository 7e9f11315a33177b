export { buildOpenApi } from './openapi.js';
export * from './problems.js';
export { type Auth, type RouteId, type RouteSpec, routes } from './routes.js';
export { threadEventTypes } from './schemas/events.js';
export * as schemas from './schemas/index.js';
export { proofHeader } from './schemas/proof.js';
export { shareTargets } from './schemas/share.js';
export { normalizeThreadKey } from './thread-key.js';
export * from './types.js';
