import type { Plugin } from 'vite';

/** The global the loader defines (src/kith.ts); keep the two in step. */
const retryingImport = '__kithImport';

const dynamicImport = /\bimport\(`\.\/(?:chunks\/)?([^`/]+\.js)`\)/g;
// Any other form of a chunk's import (quotes, say, from another minifier) would slip by unrouted.
const unknownForm = /\bimport\((['"])\.\//;

/**
 * Routes the chunks' dynamic imports through the loader's `__kithImport`, so that a chunk that
 * could not be had (offline, a server hiccup) loads when asked again. Browsers that keep a failed
 * import in their module map answer every later `import()` of the same URL with the same failure
 * (Chromium does); `__kithImport` asks again under a new URL instead.
 *
 * Only chunks that no other chunk imports statically: a chunk loaded under a second URL is a
 * second copy of the module, which a static import elsewhere (under the first URL) would not
 * share. The elements' own chunks (the thread's, the share bar's) are such, and keep `import()`.
 */
export function retryImports(): Plugin {
  return {
    name: 'kith-retry-imports',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      const importedStatically = new Set(chunks.flatMap((chunk) => chunk.imports.map(baseName)));
      for (const chunk of chunks) {
        if (unknownForm.test(chunk.code)) {
          throw new Error(`retry-imports: ${chunk.fileName} imports a chunk in a form it does not read`);
        }
        chunk.code = chunk.code.replace(dynamicImport, (call, name: string) =>
          importedStatically.has(name) ? call : `${retryingImport}(\`${name}\`)`,
        );
      }
    },
  };
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
