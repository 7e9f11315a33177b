import type { Plugin } from 'vite';

const annotation = /\/\*\s*[@#]__(?:PURE|NO_SIDE_EFFECTS)__\s*\*\/ ?/g;

/**
 * Takes the `@__PURE__` and `@__NO_SIDE_EFFECTS__` annotations out of the finished chunks. They
 * tell a bundler what it may drop, and the minifier used them already; nothing bundles these
 * files again, so in a page they are only bytes (about 0.1 KB on the thread's reading view).
 * (`output.comments` cannot do it: turning annotations off there also stops the minifier using
 * them, and the chunks grow.) Chunk hashes are of the code before: the same chunk always comes out
 * the same.
 */
export function dropAnnotations(): Plugin {
  return {
    name: 'kith-drop-annotations',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        // A space stays where the comment alone kept two words apart (`return/* … */ x`).
        file.code = file.code.replace(annotation, (_match, offset: number) =>
          /[\w$]/.test(file.code[offset - 1] ?? '') ? ' ' : '',
        );
      }
    },
  };
}
