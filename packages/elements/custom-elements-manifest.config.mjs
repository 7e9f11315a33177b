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
  ],
};
