// The React example in Chromium against the real server: React 19 sets the elements' properties,
// follows their events (`onkith-…`), and drives them from its state.
import { fileURLToPath } from 'node:url';
import { describeAppExample } from '../../../scripts/lib/app-example.mjs';

describeAppExample({
  framework: 'React',
  serveFile: fileURLToPath(new URL('../serve.mjs', import.meta.url)),
});
