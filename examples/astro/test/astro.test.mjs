// The Astro example in Chromium against the real server: Astro renders the elements' tags with
// their attributes into static HTML, and the page's script follows their events and drives them.
import { fileURLToPath } from 'node:url';
import { describeAppExample } from '../../../scripts/lib/app-example.mjs';

describeAppExample({
  framework: 'Astro',
  serveFile: fileURLToPath(new URL('../serve.mjs', import.meta.url)),
});
