#!/usr/bin/env node
// The Vue example, served with the reference server on one origin: `pnpm build` first (from the
// repository's root), then `pnpm --filter @kith/example-vue start`.
import { serveApp } from '@kith/example-app-server';

await serveApp({ dir: new URL('.', import.meta.url), framework: 'Vue', site: 'vue', port: 8789 });
