import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
// Generated from the elements' JSDoc by `pnpm build` (custom-elements-manifest analyzer).
import manifest from '../packages/elements/custom-elements.json';
// Every story's data comes from a fake backend inside the browser: nothing reaches a network.
import '../packages/elements/src/stories-support/fake-backend.js';

setCustomElementsManifest(manifest);

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
    // WCAG 2.2's target size (2.5.8) too, which axe leaves off by default.
    a11y: { test: 'error', options: { rules: { 'target-size': { enabled: true } } } },
  },
  globalTypes: {
    theme: {
      description: 'Colour scheme of the elements',
      toolbar: { title: 'Theme', items: ['auto', 'light', 'dark'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'auto' },
  decorators: [
    (story, context) => {
      // "auto" stands for a page with a dark mode that says so: the system setting then decides.
      document.documentElement.style.colorScheme =
        context.globals.theme === 'auto' ? 'light dark' : context.globals.theme;
      return story();
    },
  ],
};

export default preview;
