import { readFileSync, writeFileSync } from 'node:fs';
import { customElementJsxPlugin } from 'custom-element-jsx-integration';
import { customElementVuejsPlugin } from 'custom-element-vuejs-integration';

// Types for frameworks' templates, each exported by the package: JSX (React 19, Preact) as
// `@kith/elements/jsx`, Vue as `@kith/elements/vue`. Property
// types come from the element classes themselves; read-only properties (a getter such as
// `targets`) are left out, since a framework would try to set them.
const modulePaths = {
  KithConfigElement: './base/config-element.js',
  KithCommentCount: './comment-count/comment-count.js',
  KithRsvp: './rsvp/rsvp.js',
  KithShare: './share/share.js',
  KithThread: './thread/thread.js',
};
const componentTypePath = (name) => {
  if (!modulePaths[name]) throw new Error(`custom-elements-manifest.config.mjs: add ${name} to modulePaths`);
  return modulePaths[name];
};
const camel = (name) => name.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
const generators = {
  'custom-elements-jsx.d.ts': { plugin: customElementJsxPlugin },
  // Vue's template checker (vue-tsc) looks props up camelized (`share-title` as `shareTitle`) and
  // an `@kith-share` listener as `onKithShare`; the generator writes them as JSX does.
  'custom-elements-vue.d.ts': {
    plugin: customElementVuejsPlugin,
    rewrite: (types) =>
      types.replace(/^(\s*)"([a-z-]+)"\?:/gm, (_, indent, name) => {
        const key = name.startsWith('on') ? `on${camel(`-${name.slice(2)}`)}` : camel(name);
        return `${indent}${key}?:`;
      }),
  },
};
const frameworkTypes = {
  name: 'kith-framework-types',
  packageLinkPhase(context) {
    const manifest = structuredClone(context.customElementsManifest);
    for (const mod of manifest.modules) {
      for (const declaration of mod.declarations ?? []) {
        declaration.members = declaration.members?.filter((m) => !m.readonly);
      }
    }
    for (const [fileName, { plugin, rewrite = (types) => types }] of Object.entries(generators)) {
      plugin({ outdir: 'dist', fileName, componentTypePath, hideLogs: true }).packageLinkPhase({
        ...context,
        customElementsManifest: manifest,
      });
      // The generators import a detail type once per element that fires it (kith-load from both
      // the count and the thread): keep each name's first import only.
      const seen = new Set();
      const file = `dist/${fileName}`;
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
      writeFileSync(file, rewrite(deduped));
    }
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
    frameworkTypes,
  ],
};
