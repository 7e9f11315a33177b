#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { runConformance } from './index.js';

const usage = `kith-conformance <baseUrl> --site <id> [--secret <secret>] [--origin <allowed origin>] [--grep <regex>]

Checks a server against the Kith protocol v1: every endpoint's success and error behaviour.
The secret may also come from KITH_SITE_SECRET (keeps it out of the process list).
Use a test site: the suite writes comments and changes settings (restoring them after).`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    site: { type: 'string' },
    secret: { type: 'string' },
    origin: { type: 'string' },
    grep: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

const baseUrl = positionals[0];
const secret = values.secret ?? process.env.KITH_SITE_SECRET;
if (values.help || !baseUrl || !values.site || !secret) {
  process.stdout.write(`${usage}\n`);
  process.exit(values.help ? 0 : 2);
}

const report = await runConformance(
  { baseUrl, site: values.site, secret, origin: values.origin },
  {
    ...(values.grep && { filter: new RegExp(values.grep, 'i') }),
    onResult(r) {
      const mark = r.ok ? '✓' : '✗';
      process.stdout.write(
        `  ${mark} ${r.name} (${Math.round(r.ms)} ms)${r.ok ? '' : `\n      ${r.error}`}\n`,
      );
    },
  },
);
process.stdout.write(`conformance: ${report.passed} passed, ${report.failed} failed\n`);
process.exit(report.failed === 0 ? 0 : 1);
