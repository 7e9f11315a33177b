#!/usr/bin/env node
// The Svelte example, served with the reference server on one origin: `pnpm build` first (from the
// repository's root), then `pnpm --filter @kith/example-svelte start`.
import { serveApp } from '@kith/example-app-server';

await serveApp({ dir: new URL('.', import.meta.url), framework: 'Svelte', site: 'svelte', port: 8790 });
