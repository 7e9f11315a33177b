import { defineConfig } from 'vite';
import { dropAnnotations } from './drop-annotations.js';
import { minifyTemplates } from './minify-templates.js';
import { precompress } from './precompress.js';
import { retryImports } from './retry-imports.js';

const coreModules =
  /(protocol[\\/]dist[\\/]problems|core[\\/]dist[\\/](http|errors|client|clients|storage|thread[\\/](session|event-stream))|nanostores[\\/]atom[\\/]index|elements[\\/]dist[\\/]base[\\/](thread-key|store-controller))\.js$/;

// One ES module loader plus one chunk per element (and shared chunks), minified.
export default defineConfig({
  plugins: [minifyTemplates(), dropAnnotations(), retryImports(), precompress()],
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    reportCompressedSize: false,
    lib: { entry: 'src/kith.ts', formats: ['es'], fileName: 'kith' },
    rolldownOptions: {
      // The loader exports nothing; needed for the core group's own-modules-only rule below.
      preserveEntrySignatures: 'allow-extension',
      // Six hash characters (36 bits) tell one version of a chunk from another, and each costs a
      // byte or so in every chunk that imports it (scripts/lib/sizes.mjs finds chunks by them).
      // With six the bundler takes at most 64 chunks (the 65th fails the build, asking for seven).
      // There are 61 today: the Mastodon picker's translations ride in the share bar's to make
      // room. Past 64, merge two or pay for a seventh character.
      output: {
        minify: true,
        chunkFileNames: 'chunks/[name]-[hash:6].js',
        codeSplitting: {
          // One chunk for what every element with a server uses: the core client, the page's
          // thread key, and with them the reader's session and the live-stream reader. Left to
          // itself the bundler cuts those two (which the thread and the event card share) into a
          // chunk of their own, one more download for both: +0.4 KB on the thread's reading view.
          // Here a page of counts carries them too (+0.8 KB, well within its budget). Only these
          // modules, not what they import: Lit and the element base stay in their own chunk,
          // which the share bar uses without the core.
          includeDependenciesRecursively: false,
          groups: [{ name: 'core', test: coreModules }],
        },
      },
    },
  },
});
