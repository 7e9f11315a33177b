import { readFileSync, writeFileSync } from 'node:fs';
import { customElementJsxPlugin } from 'custom-element-jsx-integration';

// Types for JSX (React 19, Preact): dist/custom-elements-jsx.d.ts, exported as
// `@kith/elements/jsx`. Property types come from the element classes themselves; read-only
// properties (a getter such as `targets`) are left out, since a framework would try to set them.
const modulePaths = {
  KithConfigElement: './base/config-element.js',
  KithCommentCount: './comment-count/comment-count.js',
  KithRsvp: './rsvp/rsvp.js',
  KithShare: './share/share.js',
  KithThread: './thread/thread.js',
};
const jsx = customElementJsxPlugin({
  outdir: 'dist',
  fileName: 'custom-elements-jsx.d.ts',
  componentTypePath: (name) => {
    if (!modulePaths[name])
      throw new Error(`custom-elements-manifest.config.mjs: add ${name} to modulePaths`);
    return modulePaths[name];
  },
  hideLogs: true,
});
const jsxTypes = {
  name: 'kith-jsx-types',
  packageLinkPhase(context) {
    const manifest = structuredClone(context.customElementsManifest);
    for (const mod of manifest.modules) {
      for (const declaration of mod.declarations ?? []) {
        declaration.members = declaration.members?.filter((m) => !m.readonly);
      }
    }
    jsx.packageLinkPhase({ ...context, customElementsManifest: manifest });
    // The generator imports a detail type once per element that fires it (kith-load from both the
    // count and the thread): keep each name's first import only.
    const seen = new Set();
    const file = 'dist/custom-elements-jsx.d.ts';
    const deduped = readFileSync(file, 'utf8').replace(
      /^import type \{([^}]*)\} from (.*)$/gm,
      (_, names, from) => {
        const kept = names
          .split(',')
          .map((n) => n.trim())
          .filter((n) => n && !seen.has(n) && seen.add(n));
        return `import type { ${kept.join(', ')} } from ${from}`;
      },
    );
    writeFileSync(file, deduped);
  },
};

// The analyzer also guesses events from `dispatchEvent(new SomeEvent(arg))` and names them after
// the argument ("copy", "comment", or nothing). Only the events documented with @event are real.
export default {
  litelement: true,
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.stories.ts', 'src/test-support/**', 'src/stories-support/**'],
  plugins: [
    {
      name: 'kith-documented-events-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.events)
              declaration.events = declaration.events.filter((e) => e.name && e.description);
          }
        }
      },
    },
    jsxTypes,
  ],
};
