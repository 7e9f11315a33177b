import { routes } from '@kith/protocol';

/** Every path the server answers, as a pattern (`{site}`, `{key}`: one segment), with its method. */
const known = [
  ...Object.values(routes),
  { method: 'GET', path: '/v1/openapi.json' },
  { method: 'GET', path: '/healthz' },
].map(({ method, path }) => ({
  method,
  pattern: new RegExp(`^${path.replace(/\./g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`),
}));

/**
 * The methods the server takes at `path` (HEAD wherever GET), for a request it has no route for:
 * none where there is nothing at all (404), else those to name in a 405's `Allow`.
 */
export function allowedMethods(path: string): string[] {
  const methods = new Set(known.filter(({ pattern }) => pattern.test(path)).map(({ method }) => method));
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods];
}
