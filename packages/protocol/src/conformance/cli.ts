#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runConformance } from './index.js';

const usage = `kith-conformance <baseUrl> --site <id> [--secret <secret>] [--origin <allowed origin>] [--grep <regex>]

Checks a server against the Kith protocol v1: every endpoint's success and error behaviour.
The secret may also come from KITH_SITE_SECRET (keeps it out of the process list).
Use a test site: the suite writes comments and changes settings (restoring them after).
--version says which version of the suite this is.`;

/** Says what is wrong with the command, and how it is used. */
function fail(message: string): never {
  process.stderr.write(`kith-conformance: ${message}\n\n${usage}\n`);
  process.exit(2);
}

const parse = () =>
  parseArgs({
    allowPositionals: true,
    options: {
      site: { type: 'string' },
      secret: { type: 'string' },
      origin: { type: 'string' },
      grep: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
let parsed: ReturnType<typeof parse>;
try {
  parsed = parse();
} catch (error) {
  fail((error as Error).message);
}
const { values, positionals } = parsed;

if (values.version) {
  // dist/conformance/cli.js: the package's own package.json is two folders up.
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
  process.stdout.write(`kith-conformance ${version} (Kith protocol v1)\n`);
  process.exit(0);
}
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
const baseUrl = positionals[0];
const secret = values.secret ?? process.env.KITH_SITE_SECRET;
if (!baseUrl) fail('give the URL of the server to check');
if (!/^https?:\/\//i.test(baseUrl) || !URL.canParse(baseUrl))
  fail(`"${baseUrl}" is not an http:// or https:// URL`);
if (!values.site) fail('give the id of a test site on that server (--site)');
if (!secret) fail('give the site’s secret (--secret, or KITH_SITE_SECRET)');
let filter: RegExp | undefined;
try {
  filter = values.grep ? new RegExp(values.grep, 'i') : undefined;
} catch (error) {
  fail(`--grep is not a regular expression: ${(error as Error).message}`);
}

let report: Awaited<ReturnType<typeof runConformance>>;
try {
  report = await runConformance(
    { baseUrl, site: values.site, secret, origin: values.origin },
    {
      ...(filter && { filter }),
      onResult(r) {
        const mark = r.ok ? '✓' : '✗';
        process.stdout.write(
          `  ${mark} ${r.name} (${Math.round(r.ms)} ms)${r.ok ? '' : `\n      ${r.error}`}\n`,
        );
      },
    },
  );
} catch (error) {
  // Each case's failure is its own line above; what lands here stopped the run itself (reading
  // the site and lifting its limits, before any case; putting its settings back, after).
  const { message, cause } = error as Error & { cause?: Error };
  process.stderr.write(
    `kith-conformance: could not run the suite on ${values.site} at ${baseUrl}: ${message}` +
      `${cause?.message ? ` (${cause.message})` : ''}\n`,
  );
  process.exit(2);
}
// A --grep that matches nothing (a typo, say) would pass with nothing checked.
if (filter && report.results.length === 0) fail(`no case matches --grep ${values.grep}`);
process.stdout.write(`conformance: ${report.passed} passed, ${report.failed} failed\n`);
process.exit(report.failed === 0 ? 0 : 1);
