// Starts the real demo (serve.mjs: reference server + blog) on a free port with a fresh database.
import { fileURLToPath } from 'node:url';
import { createClient } from '@kith/core';
import { prove } from '@kith/core/proof';
import { startExample } from '../../../scripts/lib/example.mjs';

export const startDemo = () => startExample(fileURLToPath(new URL('../serve.mjs', import.meta.url)));

/** A solved proof of work (the demo asks guests for one with each comment), for posting with fetch. */
export const proofFor = (demoUrl) => prove(createClient({ server: demoUrl, site: 'demo' }));
