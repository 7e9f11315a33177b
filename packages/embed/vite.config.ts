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
      output: { minify: true, chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
