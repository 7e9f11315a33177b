// The Vue example in Chromium against the real server: Vue 3 sets the elements' properties
// (`:sort`), follows their events (`@kith-…`), and drives them from its state.
import { fileURLToPath } from 'node:url';
import { describeAppExample } from '../../../scripts/lib/app-example.mjs';

describeAppExample({ framework: 'Vue', serveFile: fileURLToPath(new URL('../serve.mjs', import.meta.url)) });
