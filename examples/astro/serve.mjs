#!/usr/bin/env node
// The Astro example, served with the reference server on one origin: `pnpm build` first (from the
// repository's root), then `pnpm --filter @kith/example-astro start`.
import { serveApp } from '@kith/example-app-server';

await serveApp({ dir: new URL('.', import.meta.url), framework: 'Astro', site: 'astro', port: 8791 });
