// Starts the real demo (serve.mjs: reference server + blog) on a free port with a fresh database.
import { fileURLToPath } from 'node:url';
import { startExample } from '../../../scripts/lib/example.mjs';

export const startDemo = () => startExample(fileURLToPath(new URL('../serve.mjs', import.meta.url)));
