import { defineConfig } from 'astro/config';

// A static site: `astro build` renders the page to dist/ once, in Node.
export default defineConfig({ devToolbar: { enabled: false } });
