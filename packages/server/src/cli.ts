#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Comment, EventInput, SiteSettingsPatch } from '@kith/protocol';
import { normalizeThreadKey } from '@kith/protocol/thread-key';
import type { Db } from './db/driver.js';
import { migrate } from './db/migrate.js';
import { openDb } from './db/open.js';
import { type KeyRule, parseKeyMap, remapSource } from './import/remap.js';
import { displayName, type SourceFormat, sourceFormats } from './import/source.js';
import type { LogLevel } from './logger.js';
import type { ImportReport } from './services/imports.js';

// Each command loads the modules it uses when it runs (below): loading all of them, the whole
// server with its Markdown and HTML libraries, took half a second before any command began.

const usage = `kith-server — the Kith reference server

Usage:
  kith-server --version
  kith-server start [--port 8787] [--host 127.0.0.1] [--data ./.kith-data]
  kith-server migrate
  kith-server site add <id> --origin <url> [--origin <url>...] [--name <name>]
  kith-server site list
  kith-server site origin add|remove <id> <origin>
  kith-server site rotate-secret <id>
  kith-server site moderation <id> pre|first|none
  kith-server site proof-of-work <id> guests|everyone|none
  kith-server site hold-links <id> <count>          (0: never)
  kith-server site hold-words <id> [word-or-phrase...] (no words: clear the list)
  kith-server site webhook <id> [<url> [--events <type,type>] | off]
                     (no url: the webhook and its last deliveries)
  kith-server site sso <id> [on|off|rotate]         (sign readers in with your own logins)
  kith-server site show <id>
  kith-server site remove <id> [--yes]
                     (the site and all it holds, for good: without --yes, says what that is)
  kith-server thread close|open <site> <key>
  kith-server comments pending <site>
  kith-server comments approve|remove <site> <comment-id>
  kith-server comments reported <site>
  kith-server comments dismiss <site> <comment-id>
  kith-server comments block|unblock <site> <comment-id>   (the comment's author)
  kith-server comments author-data <site> <comment-id>
                     (a copy of all the site holds of the author, as JSON)
  kith-server comments erase-author <site> <comment-id>
                     (the right to erasure: all the author wrote, their reactions, answers,
                     reports and sessions, and their name and email)
  kith-server event put <site> <key> <event.json | ->
  kith-server event show|attendees|remove <site> <key>
  kith-server event list <site>
  kith-server import <site> <file> [--from disqus|wordpress|remark42|commento|artalk|waline|isso|kith]
                     [--map <moved-pages.txt>] [--anonymous <name>] [--dry-run]
                     [--source-site <name>]   (which site of an Artalk export holding several)
  kith-server export <site> [--out <file>]           (else to standard output)
                     [--format kith|wxr] [--base <https://site.example>]
                     (wxr: a WordPress export, which WordPress, Disqus, Remark42 and Isso import;
                     its pages at --base, else the site's first origin)

The embedded database (PGlite) keeps its data in --data (env KITH_DATA_DIR); set DATABASE_URL to
use PostgreSQL instead. Other settings: PORT, HOST, KITH_LOG_LEVEL (debug|info|warn|error|silent),
KITH_DB_POOL (PostgreSQL connections, 20), KITH_TRUST_PROXY=1 behind a reverse proxy,
KITH_WEBHOOK_PRIVATE=1 to let webhooks reach private addresses (a receiver on this machine or
network). Stop a running server on the embedded database before using the other commands on the
same folder: only one process may open it. Imports read Disqus, WordPress, Remark42, Commento,
Artalk and Waline exports (gzipped too), Isso's comments written out with sqlite3 -json, and Kith's
own; running one again adds nothing twice.`;

/** Prints every page's lines, following cursors to the end; false when there was nothing. */
async function printPages<P extends { nextCursor: string | null }>(
  fetch: (cursor: string | undefined) => Promise<P>,
  lines: (page: P) => string[],
): Promise<boolean> {
  let cursor: string | undefined;
  let any = false;
  do {
    const page = await fetch(cursor);
    for (const text of lines(page)) {
      process.stdout.write(text);
      any = true;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return any;
}

/** An on-off setting from the environment: 1 or true, 0 or false, or unset (off). */
function switchedOn(name: string): boolean {
  const value = (process.env[name] ?? '').toLowerCase();
  if (!['', '0', 'false', '1', 'true'].includes(value))
    fail(`${name} is 1 (on) or 0 (off), not "${process.env[name]}"`);
  return value === '1' || value === 'true';
}

function fail(message: string): never {
  process.stderr.write(`kith-server: ${message}\n\n${usage}\n`);
  process.exit(2);
}

const options = {
  port: { type: 'string' },
  host: { type: 'string' },
  data: { type: 'string' },
  origin: { type: 'string', multiple: true },
  name: { type: 'string' },
  from: { type: 'string' },
  out: { type: 'string' },
  'dry-run': { type: 'boolean' },
  yes: { type: 'boolean' },
  map: { type: 'string' },
  anonymous: { type: 'string' },
  'source-site': { type: 'string' },
  format: { type: 'string' },
  base: { type: 'string' },
  events: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/**
 * Comment ids may begin with "-" (they are base64url): in `comments`, a word that is not one of
 * the options above, nor an option's value, is an argument, wherever it stands. (Elsewhere an
 * unknown option stays an error, so a typo is said.)
 */
function argv(args: string[]): string[] {
  if (!args.includes('comments')) return args;
  const named = (arg: string) => /^--(\w+)/.exec(arg)?.[1];
  const takesValue = (arg: string | undefined) =>
    !!arg && !arg.includes('=') && options[named(arg) as keyof typeof options]?.type === 'string';
  const dashed = args.filter(
    (arg, i) =>
      /^-[^-]|^--\w/.test(arg) && !(named(arg)! in options) && arg !== '-h' && !takesValue(args[i - 1]),
  );
  return dashed.length ? [...args.filter((arg) => !dashed.includes(arg)), '--', ...dashed] : args;
}

function parse() {
  try {
    return parseArgs({ args: argv(process.argv.slice(2)), allowPositionals: true, options });
  } catch (error) {
    fail((error as Error).message);
  }
}

const { values, positionals } = parse();

const dataDir = values.data ?? process.env.KITH_DATA_DIR ?? './.kith-data';
const databaseUrl = process.env.DATABASE_URL || undefined;

function checkOrigin(origin: string): string {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    fail(`"${origin}" is not a URL; give an origin like https://blog.example`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') fail(`"${origin}" must be http or https`);
  return url.origin;
}

async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb({ databaseUrl, dataDir });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** The script-tag build that ships with the server, served at /embed/kith.js. */
function embedDir(): string | undefined {
  try {
    return dirname(fileURLToPath(import.meta.resolve('@kith/embed')));
  } catch {
    return undefined;
  }
}

async function main() {
  const [command, sub, ...rest] = positionals;
  if (values.version) {
    // dist/cli.js: the package's own package.json is one folder up, in the repository and on npm.
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    process.stdout.write(`kith-server ${version}\n`);
    return;
  }
  if (values.help || !command) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  if (command === 'start') {
    const port = Number(values.port ?? process.env.PORT ?? 8787);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      fail(`the port (--port or PORT) is a number from 0 to 65535, not "${values.port ?? process.env.PORT}"`);
    const logLevel = process.env.KITH_LOG_LEVEL || 'info';
    if (!['debug', 'info', 'warn', 'error', 'silent'].includes(logLevel))
      fail(`KITH_LOG_LEVEL is debug, info, warn, error or silent, not "${logLevel}"`);
    const { createKith, listen } = await import('./server.js');
    const kith = await createKith({
      embedDir: embedDir(),
      databaseUrl,
      dataDir,
      logLevel: logLevel as LogLevel,
      trustProxy: switchedOn('KITH_TRUST_PROXY'),
      webhooks: { allowPrivate: switchedOn('KITH_WEBHOOK_PRIVATE') },
    });
    const host = values.host ?? process.env.HOST ?? '127.0.0.1';
    const server = await listen(kith, port, host).catch(async (error: NodeJS.ErrnoException) => {
      await kith.close();
      if (error.code === 'EADDRINUSE')
        throw new Error(
          `port ${port} on ${host} is taken by another program: stop it, or give --port (or PORT)`,
        );
      if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND')
        throw new Error(`this machine has no address ${host} to listen on (--host or HOST)`);
      throw error;
    });
    kith.ctx.log.info('listening', { url: server.url, database: kith.db.kind });
    const stop = async () => {
      await server.close();
      await kith.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return;
  }
  if (command === 'migrate') {
    const applied = await withDb(migrate);
    process.stdout.write(applied.length ? `applied ${applied.join(', ')}\n` : 'up to date\n');
    return;
  }
  if (command === 'site') {
    const [{ routes }, { validate }, { ownerSettings, Sites }, { recentDeliveries }] = await Promise.all([
      import('@kith/protocol'),
      import('./http/validate.js'),
      import('./services/sites.js'),
      import('./services/webhooks.js'),
    ]);
    await withDb(async (db) => {
      const sites = new Sites(db);
      if (sub === 'add') {
        const id = rest[0] ?? fail('site add needs an id');
        if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(id)) fail('site ids are lower-case letters, digits and dashes');
        const origins = (values.origin ?? []).map(checkOrigin);
        if (origins.length === 0) fail('give at least one --origin the site is embedded on');
        if (await sites.find(id)) fail(`site "${id}" already exists`);
        const { secret } = await sites.create(id, origins, values.name ?? id);
        process.stdout.write(
          `site ${id} created for ${origins.join(', ')}\nsecret (shown once, store it safely): ${secret}\n`,
        );
      } else if (sub === 'list') {
        for (const site of await sites.list())
          process.stdout.write(`${site.id}\t${site.origins.join(' ')}\n`);
      } else if (sub === 'origin') {
        const [action, id, origin] = rest;
        if ((action !== 'add' && action !== 'remove') || !id || !origin)
          fail('site origin add|remove <id> <origin>');
        const site = await sites.find(id);
        if (!site) fail(`there is no site "${id}"`);
        const value = checkOrigin(origin);
        if (action === 'remove' && !site.origins.includes(value))
          fail(`${value} is not one of site ${id}'s origins (${site.origins.join(' ') || 'none'})`);
        const origins =
          action === 'add' ? [...new Set([...site.origins, value])] : site.origins.filter((o) => o !== value);
        await sites.update(site, { origins });
        process.stdout.write(`site ${id} origins: ${origins.join(' ') || '(none)'}\n`);
      } else if (sub === 'moderation') {
        const [id, mode] = rest;
        if (!id || (mode !== 'pre' && mode !== 'first' && mode !== 'none'))
          fail('site moderation <id> pre|first|none');
        const site = await sites.find(id);
        if (!site) fail(`there is no site "${id}"`);
        await sites.update(site, { moderation: mode });
        const said = {
          pre: 'new comments now wait for approval',
          first: 'comments by authors with none published yet now wait for approval',
          none: 'new comments are published at once',
        };
        process.stdout.write(
          `site ${id}: ${said[mode]}${mode === 'none' ? '' : ` (kith-server comments pending ${id})`}\n`,
        );
      } else if (sub === 'proof-of-work') {
        const [id, mode] = rest;
        if (!id || (mode !== 'guests' && mode !== 'everyone' && mode !== 'none'))
          fail('site proof-of-work <id> guests|everyone|none');
        const site = await sites.find(id);
        if (!site) fail(`there is no site "${id}"`);
        await sites.update(site, { proofOfWork: mode });
        const said = {
          guests:
            'guests now solve a proof of work (about half a second, while they write) with each comment',
          everyone:
            'every reader now solves a proof of work (about half a second, while they write) with each comment',
          none: 'nobody is asked for a proof of work',
        };
        process.stdout.write(`site ${id}: ${said[mode]}\n`);
      } else if (sub === 'hold-links' || sub === 'hold-words') {
        const [id, ...args] = rest;
        if (!id || (sub === 'hold-links' && (args.length !== 1 || !/^\d+$/.test(args[0]!))))
          fail(
            sub === 'hold-links'
              ? 'site hold-links <id> <count>'
              : 'site hold-words <id> [word-or-phrase...]',
          );
        const site = await sites.find(id);
        if (!site) fail(`there is no site "${id}"`);
        const patch = validate<SiteSettingsPatch>(
          routes.updateSite.body,
          sub === 'hold-links' ? { holdLinks: Number(args[0]) } : { holdWords: args },
          'body',
        );
        const { holdLinks, holdWords } = (await sites.update(site, patch)).settings;
        process.stdout.write(
          sub === 'hold-links'
            ? `site ${id}: ${holdLinks ? `comments with ${holdLinks} or more links now wait for approval` : 'no comment is held for its links'}\n`
            : `site ${id}: ${holdWords.length ? `comments with any of ${holdWords.length} words or phrases now wait for approval` : 'no comment is held for its words'}\n`,
        );
      } else if (sub === 'webhook') {
        const [id, url, ...extra] = rest;
        if (!id || extra.length) fail('site webhook <id> [<url> [--events <type,type>] | off]');
        const site = (await sites.find(id)) ?? fail(`there is no site "${id}"`);
        if (url) {
          const events = values.events?.split(',').map((e) => e.trim());
          const patch = validate<SiteSettingsPatch>(
            routes.updateSite.body,
            { webhook: url === 'off' ? null : { url, ...(events && { events }) } },
            'body',
          );
          const hook = (await sites.update(site, patch)).settings.webhook;
          process.stdout.write(
            hook
              ? `site ${id}: ${hook.events.join(', ')} now go to ${hook.url}\nsigning secret: ${hook.secret}\n`
              : `site ${id}: no webhook\n`,
          );
          const { privateAddressOf } = await import('./services/webhook-post.js');
          const inside = hook ? await privateAddressOf(hook.url) : undefined;
          if (hook && inside) {
            const host = new URL(hook.url).hostname.replace(/^\[|\]$/g, '');
            process.stderr.write(
              `note: ${host} is ${host === inside ? '' : `${inside}, `}not a public address: the ` +
                'server delivers there only when it runs with KITH_WEBHOOK_PRIVATE=1\n',
            );
          }
        } else {
          const hook = site.settings.webhook;
          process.stdout.write(hook ? `${hook.url}\t${hook.events.join(',')}\n` : 'no webhook\n');
          for (const d of await recentDeliveries(db, id)) {
            const state = d.delivered_at ? 'delivered' : d.failed_at ? 'given up' : 'retrying';
            process.stdout.write(
              `${d.created_at.toISOString()}\t${d.type}\t${state}\t${d.attempts} attempt(s)${d.last_error ? `\t${d.last_error}` : ''}\n`,
            );
          }
        }
      } else if (sub === 'sso') {
        const [id, action, ...extra] = rest;
        const usage = 'site sso <id> [on | off | rotate]';
        if (!id || extra.length || (action && !['on', 'off', 'rotate'].includes(action))) fail(usage);
        let site = (await sites.find(id)) ?? fail(`there is no site "${id}"`);
        // Rotating is off then on: the old secret stops working at once.
        if (action === 'rotate' || action === 'off') site = await sites.update(site, { sso: false });
        if (action === 'rotate' || action === 'on') site = await sites.update(site, { sso: true });
        const sso = site.settings.sso;
        process.stdout.write(
          sso
            ? `site ${id}: single sign-on is on\nsign tokens with this secret (HS256): ${sso.secret}\n`
            : `site ${id}: single sign-on is off\n`,
        );
      } else if (sub === 'show') {
        const id = rest[0] ?? fail('site show needs an id');
        const site = await sites.find(id);
        if (!site) fail(`there is no site "${id}"`);
        process.stdout.write(`${JSON.stringify(ownerSettings(site), null, 2)}\n`);
      } else if (sub === 'remove') {
        const id = rest[0] ?? fail('site remove needs an id');
        if (!(await sites.find(id))) fail(`there is no site "${id}"`);
        const held = await sites.holdings(id);
        const what = `${plural(held.threads, 'thread')}, ${plural(held.comments, 'comment')}, ${plural(held.events, 'event')} and ${plural(held.readers, 'reader')}`;
        if (!values.yes) {
          process.stderr.write(
            `kith-server: site ${id} holds ${what}. To remove it with all of them, for good, run this again with --yes (kith-server export ${id} --out <file> keeps a copy first). Nothing was removed.\n`,
          );
          process.exit(2);
        }
        await sites.remove(id);
        process.stdout.write(`site ${id} is removed, with ${what}\n`);
      } else if (sub === 'rotate-secret') {
        const id = rest[0] ?? fail('site rotate-secret needs an id');
        if (!(await sites.find(id))) fail(`there is no site "${id}"`);
        process.stdout.write(`new secret (shown once): ${await sites.rotateSecret(id)}\n`);
      } else {
        fail(`unknown site command "${sub ?? ''}"`);
      }
    });
    return;
  }
  if (command === 'thread') {
    const [siteId, rawKey] = rest;
    if ((sub !== 'close' && sub !== 'open') || !siteId || !rawKey) fail('thread close|open <site> <key>');
    // A URL is turned into its thread key the way the elements do it; a plain key is taken as is.
    const key = /^https?:\/\//.test(rawKey) ? normalizeThreadKey(rawKey) : rawKey;
    const [{ Sites }, { Threads }] = await Promise.all([
      import('./services/sites.js'),
      import('./services/threads.js'),
    ]);
    await withDb(async (db) => {
      if (!(await new Sites(db).find(siteId))) fail(`there is no site "${siteId}"`);
      const meta = await db.transaction((tx) => new Threads(db).setClosed(tx, siteId, key, sub === 'close'));
      process.stdout.write(`thread ${key} on ${siteId} is now ${meta.closed ? 'closed' : 'open'}\n`);
    });
    return;
  }
  if (command === 'event' && sub === 'list') {
    const [siteId] = rest;
    if (!siteId) fail('event list <site>');
    const [{ Sites }, { Rsvps }] = await Promise.all([
      import('./services/sites.js'),
      import('./services/rsvps.js'),
    ]);
    await withDb(async (db) => {
      if (!(await new Sites(db).find(siteId))) fail(`there is no site "${siteId}"`);
      const events = await new Rsvps(db, () => 'cli').list(siteId);
      for (const e of events) {
        const seats = e.capacity === null ? `${e.going_seats} going` : `${e.going_seats}/${e.capacity} going`;
        process.stdout.write(`${e.start}\t${e.key}\t${e.title}\t${e.cancelled ? 'cancelled' : seats}\n`);
      }
      if (events.length === 0) process.stdout.write('no events\n');
    });
    return;
  }
  if (command === 'event') {
    const [siteId, rawKey, file] = rest;
    const subs = ['put', 'show', 'attendees', 'remove'];
    if (!sub || !subs.includes(sub) || !siteId || !rawKey || (sub === 'put' && !file))
      fail('event put <site> <key> <event.json | -> | event show|attendees|remove <site> <key>');
    const key = /^https?:\/\//.test(rawKey) ? normalizeThreadKey(rawKey) : rawKey;
    let input: EventInput | undefined;
    if (sub === 'put') {
      let text: string;
      try {
        text = readFileSync(file === '-' ? 0 : file!, 'utf8');
      } catch (error) {
        throw new Error(`cannot read ${file}: ${(error as Error).message}`);
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        fail(`${file} is not JSON: ${(error as Error).message}`);
      }
      const [{ routes }, { validate }] = await Promise.all([
        import('@kith/protocol'),
        import('./http/validate.js'),
      ]);
      input = validate<EventInput>(routes.putEvent.body, json, 'body');
    }
    const [{ Sites }, { Rsvps }] = await Promise.all([
      import('./services/sites.js'),
      import('./services/rsvps.js'),
    ]);
    await withDb(async (db) => {
      if (!(await new Sites(db).find(siteId))) fail(`there is no site "${siteId}"`);
      const rsvps = new Rsvps(db, () => 'cli');
      if (sub === 'remove') {
        await db.transaction((tx) => rsvps.remove(tx, siteId, key));
        process.stdout.write(`the event on ${key} is removed, with its answers\n`);
        return;
      }
      if (sub === 'attendees') {
        let cursor: string | undefined;
        do {
          const page = await rsvps.attendees(siteId, key, 100, cursor, true);
          for (const a of page.items) process.stdout.write(`${a.name}\t${a.guests ? `+${a.guests}` : ''}\n`);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        return;
      }
      const event =
        sub === 'put'
          ? (await db.transaction((tx) => rsvps.put(tx, siteId, key, input!))).event
          : await rsvps.get(siteId, key);
      const { rsvp } = event;
      const seats = event.capacity === null ? '' : ` of ${event.capacity}`;
      process.stdout.write(
        `${event.title} (${event.status}, sequence ${event.sequence})\n` +
          `${event.start} – ${event.end} ${event.timeZone}\n` +
          `going ${rsvp.going}${seats}, waitlist ${rsvp.waitlist}, maybe ${rsvp.maybe}, not going ${rsvp.notGoing}; answers ${rsvp.open ? 'open' : 'closed'}\n`,
      );
    });
    return;
  }
  if (command === 'comments') {
    const [siteId, id] = rest;
    const listing = sub === 'pending' || sub === 'reported';
    const acts = ['approve', 'remove', 'dismiss', 'block', 'unblock', 'author-data', 'erase-author'];
    if (!siteId || !(listing || (acts.includes(sub ?? '') && id)))
      fail(
        'comments pending|reported <site> | comments approve|remove|dismiss|block|unblock|author-data|erase-author <site> <comment-id>',
      );
    const [
      { Sites },
      { Comments },
      { Reports },
      { Rsvps },
      { commentAuthor, setBlocked },
      { myData },
      { eraseUser },
    ] = await Promise.all([
      import('./services/sites.js'),
      import('./services/comments.js'),
      import('./services/reports.js'),
      import('./services/rsvps.js'),
      import('./services/users.js'),
      import('./services/my-data.js'),
      import('./services/erase.js'),
    ]);
    await withDb(async (db) => {
      const site = await new Sites(db).find(siteId);
      if (!site) fail(`there is no site "${siteId}"`);
      // Cursors live only within this command: any key signs them.
      const comments = new Comments(db, () => 'cli');
      const reports = new Reports(db, () => 'cli');
      /** One line per comment: its id, `what`, thread, author and the start of its text. */
      const line = (c: Comment, what: string) =>
        `${c.id}\t${what}\t${c.threadKey}\t${c.author?.name ?? ''}\t${c.markdown.replace(/\s+/g, ' ').slice(0, 80)}\n`;
      if (sub === 'pending') {
        const any = await printPages(
          (cursor) => comments.pending(site, { limit: 100, cursor }),
          (page) => page.comments.map((c) => line(c, c.createdAt)),
        );
        if (!any) process.stdout.write('no comments are waiting\n');
        return;
      }
      if (sub === 'reported') {
        const any = await printPages(
          (cursor) => reports.list(site, { limit: 100, cursor }),
          (page) =>
            page.items.flatMap(({ comment, reports: count, reasons, notes }) => {
              const why = Object.entries(reasons).map(([reason, n]) => `${reason} ${n}`);
              return [
                line(comment, `${count} (${why.join(', ')})`),
                ...notes.map((note) => `\t“${note.replace(/\s+/g, ' ')}”\n`),
              ];
            }),
        );
        if (!any) process.stdout.write('no comments are reported\n');
        return;
      }
      if (sub === 'block' || sub === 'unblock') {
        const author = await db.transaction(async (tx) => {
          const user = await commentAuthor(tx, site, id!);
          await setBlocked(tx, site, user, sub === 'block', null);
          return user;
        });
        process.stdout.write(
          sub === 'block'
            ? `the author of comment ${id} (${author}) is blocked: they read, but no longer post, react, report or answer\n`
            : `the author of comment ${id} (${author}) may post again\n`,
        );
      } else if (sub === 'author-data') {
        const author = await db.transaction((tx) => commentAuthor(tx, site, id!));
        // Its own transaction: the copy is read in one snapshot from its first statement.
        const data = await db.snapshot((tx) => myData(tx, site.id, author));
        process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
      } else if (sub === 'erase-author') {
        const [author, erased] = await db.transaction(async (tx) => {
          const user = await commentAuthor(tx, site, id!);
          return [
            user,
            await eraseUser(tx, site, user, { comments, rsvps: new Rsvps(db, () => 'cli') }),
          ] as const;
        });
        process.stdout.write(
          `the author of comment ${id} (${author}) is erased: ${erased.comments} comments, ${erased.reactions} reactions, ` +
            `${erased.answers} event answers and ${erased.reports} reports, with their name, email and sessions\n`,
        );
      } else if (sub === 'dismiss') {
        await db.transaction((tx) => reports.dismiss(tx, site, id!));
        process.stdout.write(`the reports of comment ${id} are dismissed; it stays\n`);
      } else if (sub === 'approve') {
        const { result } = await db.transaction((tx) => comments.approve(tx, site, id!));
        process.stdout.write(`comment ${result.id} is published on ${result.threadKey}\n`);
      } else {
        await db.transaction((tx) => comments.remove(tx, site, id!));
        process.stdout.write(`comment ${id} is removed\n`);
      }
    });
    return;
  }
  if (command === 'import') {
    const [siteId, file] = [sub, rest[0]];
    if (!siteId || !file)
      fail('import <site> <file> [--from <format>] [--map <file>] [--anonymous <name>] [--dry-run]');
    const from = values.from as SourceFormat | undefined;
    if (from && !sourceFormats.includes(from)) fail(`--from is one of ${sourceFormats.join(', ')}`);
    const sourceSite = values['source-site'];
    if (sourceSite !== undefined && from && from !== 'artalk')
      fail('--source-site picks a site of an Artalk export (--from artalk)');
    const anonymousName = values.anonymous === undefined ? undefined : displayName(values.anonymous);
    if (anonymousName === null) fail('--anonymous takes a name to show, 1 to 64 characters');
    let rules: KeyRule[] = [];
    if (values.map) {
      try {
        rules = parseKeyMap(readFileSync(values.map, 'utf8'));
      } catch (error) {
        throw new Error(`cannot use the map ${values.map}: ${(error as Error).message}`);
      }
    }
    // One after another: sanitize-html (under the imports service) require()s htmlparser2, which
    // the export reader imports too, and Node refuses to require() an ES module that an import()
    // running alongside is still loading ("Unexpected module status").
    const { Sites } = await import('./services/sites.js');
    const { Imports } = await import('./services/imports.js');
    const { readExport } = await import('./import/read.js');
    await withDb(async (db) => {
      if (!(await new Sites(db).find(siteId))) fail(`there is no site "${siteId}"`);
      let source: Awaited<ReturnType<typeof readExport>>;
      try {
        source = await readExport(file, from, { sourceSite });
      } catch (error) {
        throw new Error(`cannot import ${file}: ${(error as Error).message}`);
      }
      if (sourceSite !== undefined && source.format !== 'artalk')
        fail(
          `--source-site picks a site of an Artalk export; ${file} is a ${formatNames[source.format]} export`,
        );
      const report = await new Imports(db).run(siteId, remapSource(source, rules), {
        dryRun: values['dry-run'],
        anonymousName,
      });
      process.stdout.write(importSummary(report, !!values['dry-run']));
    });
    return;
  }
  if (command === 'export') {
    if (!sub) fail('export <site> [--out <file>] [--format kith|wxr] [--base <origin>]');
    const format = values.format ?? 'kith';
    if (format !== 'kith' && format !== 'wxr') fail('--format is kith (the default) or wxr');
    if (values.base !== undefined && format !== 'wxr') fail('--base is for --format wxr');
    const base = values.base === undefined ? undefined : wxrBase(values.base);
    const [{ Sites }, { exportSite }, { exportWxr }] = await Promise.all([
      import('./services/sites.js'),
      import('./services/exports.js'),
      import('./services/export-wxr.js'),
    ]);
    await withDb(async (db) => {
      const site = await new Sites(db).find(sub);
      if (!site) fail(`there is no site "${sub}"`);
      const origin = base ?? site.origins[0];
      if (format === 'wxr' && !origin)
        fail(`site ${sub} has no origin to put its pages at: say where with --base https://…`);
      let out: NodeJS.WritableStream = process.stdout;
      if (values.out) {
        try {
          out = (await open(values.out, 'w')).createWriteStream();
        } catch (error) {
          throw new Error(`cannot write ${values.out}: ${(error as Error).message}`);
        }
      }
      await pipeline(format === 'wxr' ? exportWxr(db, sub, origin!) : exportSite(db, sub), out);
      if (values.out) process.stdout.write(`site ${sub} is exported to ${values.out}\n`);
    });
    return;
  }
  fail(`unknown command "${command}"`);
}

/** Where a WordPress export puts a site's pages: an origin, since thread keys are whole paths. */
function wxrBase(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail(`--base is the site's address, as https://blog.example; "${value}" is not one`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    fail(`--base is an http:// or https:// address; "${value}" is not one`);
  if (url.pathname !== '/' || url.search || url.hash)
    fail(`--base is the site's origin, as https://blog.example, without a path: thread keys are whole paths`);
  return url.origin;
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

const formatNames = {
  disqus: 'Disqus',
  wordpress: 'WordPress',
  remark42: 'Remark42',
  commento: 'Commento',
  artalk: 'Artalk',
  waline: 'Waline',
  isso: 'Isso',
  kith: 'Kith',
};

function importSummary(r: ImportReport, dry: boolean): string {
  const would = (done: string, undone: string) => (dry ? undone : done);
  const lines = [
    `${would('imported', 'would import')} ${plural(r.imported, 'comment')} from ${/^[AEIOU]/.test(formatNames[r.format]) ? 'an' : 'a'} ${formatNames[r.format]} export into ${plural(r.threads, 'thread')}` +
      (r.tombstones || r.pending
        ? ` (${[r.tombstones && `${r.tombstones} kept as tombstones for their replies`, r.pending && `${r.pending} waiting for approval`].filter(Boolean).join(', ')})`
        : ''),
  ];
  if (r.events)
    lines.push(`${would('and', 'and would import')} ${plural(r.events, 'event')}, with their answers`);
  if (r.alreadyThere)
    lines.push(
      `${plural(r.alreadyThere, 'comment')} ${would('were', 'are')} already imported and left as they are`,
    );
  const skipped = Object.entries(r.skipped).filter(([, n]) => n);
  if (skipped.length) lines.push(`left out: ${skipped.map(([reason, n]) => `${n} ${reason}`).join(', ')}`);
  if (dry) lines.push('nothing was written (--dry-run)');
  return `${lines.join('\n')}\n`;
}

main().catch((error: unknown) => {
  // Whatever read the output stopped reading (`kith-server export blog | head`): nothing is wrong.
  if ((error as NodeJS.ErrnoException)?.code === 'EPIPE') process.exit(0);
  process.stderr.write(`kith-server: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
