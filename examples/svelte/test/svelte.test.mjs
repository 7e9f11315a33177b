// The Svelte example in Chromium against the real server: Svelte 5 sets the elements' properties
// (`{sort}`), follows their events (`onkith-…`), and drives them from its state.
import { fileURLToPath } from 'node:url';
import { describeAppExample } from '../../../scripts/lib/app-example.mjs';

describeAppExample({
  framework: 'Svelte',
  serveFile: fileURLToPath(new URL('../serve.mjs', import.meta.url)),
});
