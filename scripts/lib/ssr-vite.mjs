// A Vite server in middleware mode over an app example, to load its modules for server rendering
// as SSR frameworks do (Vite leaves packages such as @kith/elements to Node itself).
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

/** Vite over the example at `root` (a `file:` URL); `ssrLoadModule` it, then `close()` it. */
export const ssrVite = (root) =>
  createServer({
    root: fileURLToPath(root),
    appType: 'custom',
    logLevel: 'silent',
    server: { middlewareMode: true, hmr: false, ws: false },
  });
