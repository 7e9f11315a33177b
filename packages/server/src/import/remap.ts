import { normalizeThreadKey } from '@kith/protocol/thread-key';
import type { ImportSource } from './source.js';

/** One line of a map: a page's old address (or a prefix, with `*`) and where it lives now. */
export interface KeyRule {
  from: string;
  to: string;
  prefix: boolean;
}

const keyOf = (value: string) => normalizeThreadKey(value);

/**
 * Reads a map of moved pages, one `old new` pair per line (addresses or paths; `#` starts a
 * comment). A pair ending in `*` on both sides moves everything under a prefix:
 * `https://blog.example/2019/* https://blog.example/posts/*`. Exact pairs win over prefixes, and
 * longer prefixes over shorter ones.
 */
export function parseKeyMap(text: string): KeyRule[] {
  const rules: KeyRule[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) return;
    const parts = line.split(/\s+/);
    const [from, to] = parts;
    if (parts.length !== 2 || !from || !to)
      throw new Error(`line ${index + 1}: give an old and a new address`);
    const prefix = from.endsWith('*');
    if (prefix !== to.endsWith('*'))
      throw new Error(`line ${index + 1}: put * at the end of both addresses, or of neither`);
    // A prefix keeps its trailing slash ("/2019/"), so /2019/* does not take /20190101.
    const strip = (value: string) => value.slice(0, -1);
    rules.push(
      prefix
        ? {
            from: `${keyOf(strip(from)).replace(/\/?$/, '/')}`,
            to: `${keyOf(strip(to)).replace(/\/?$/, '/')}`,
            prefix,
          }
        : { from: keyOf(from), to: keyOf(to), prefix },
    );
  });
  return rules.sort((a, b) => Number(a.prefix) - Number(b.prefix) || b.from.length - a.from.length);
}

/** Where a thread key goes under the rules (itself when none applies). */
export function remapKey(key: string, rules: readonly KeyRule[]): string {
  for (const rule of rules) {
    if (!rule.prefix && key === rule.from) return rule.to;
    if (rule.prefix && (key.startsWith(rule.from) || `${key}/` === rule.from))
      return keyOf(rule.to + key.slice(rule.from.length));
  }
  return key;
}

/** Moves an export's threads to where their pages live now; threads that meet become one. */
export function remapSource(source: ImportSource, rules: readonly KeyRule[]): ImportSource {
  if (rules.length === 0) return source;
  const threads = new Map<string, { closed: boolean }>();
  for (const [key, thread] of source.threads) {
    const moved = remapKey(key, rules);
    threads.set(moved, { closed: thread.closed || (threads.get(moved)?.closed ?? false) });
  }
  return {
    ...source,
    threads,
    comments: source.comments.map((c) => ({ ...c, threadKey: remapKey(c.threadKey, rules) })),
    // Two events landing on one page cannot both stay: the first keeps it.
    ...(source.events && {
      events: new Map(
        [...source.events].reverse().map(([key, event]) => [remapKey(key, rules), event] as const),
      ),
    }),
  };
}
