import { defineConfig } from 'vite';
import { minifyTemplates } from './minify-templates.js';

// One ES module loader plus one chunk per element (and shared chunks), minified.
export default defineConfig({
  plugins: [minifyTemplates()],
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    reportCompressedSize: false,
    lib: { entry: 'src/kith.ts', formats: ['es'], fileName: 'kith' },
    rolldownOptions: {
      // Six hash characters (36 bits) tell one version of a chunk from another, and each costs a
      // byte or so in every chunk that imports it (scripts/lib/sizes.mjs finds chunks by them).
      output: { minify: true, chunkFileNames: 'chunks/[name]-[hash:6].js' },
    },
  },
});
