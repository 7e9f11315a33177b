#!/usr/bin/env node
// The React example, served with the reference server on one origin: `pnpm build` first (from the
// repository's root), then `pnpm --filter @kith/example-react start`.
import { serveApp } from '@kith/example-app-server';

await serveApp({ dir: new URL('.', import.meta.url), framework: 'React', site: 'react', port: 8788 });
