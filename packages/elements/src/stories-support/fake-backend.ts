/**
 * A Kith server inside the browser, for Storybook: requests to `https://demo.kith.test/<mode>/…`
 * are answered here, never by a network. `<mode>` picks the behaviour a story shows:
 * `ok` (counts derived from the thread key), `slow` (never answers: the loading state),
 * `down` (500: the error state), `flaky` (fails once, then answers: retry).
 */
import { problem } from '../test-support/responses.js';

const realFetch = globalThis.fetch.bind(globalThis);
const failedOnce = new Set<string>();

export const demoServer = (mode: 'ok' | 'slow' | 'down' | 'flaky') => `https://demo.kith.test/${mode}`;

/** A stable, plausible count for any thread key. */
export function demoCount(key: string): number {
  let hash = 0;
  for (const char of key) hash = (hash * 31 + char.codePointAt(0)!) % 9973;
  return key.endsWith('/none') ? 0 : key.endsWith('/one') ? 1 : hash % 40;
}

globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const request = new Request(input, init);
  const url = new URL(request.url);
  if (url.hostname !== 'demo.kith.test') return realFetch(input, init);
  const mode = url.pathname.split('/')[1];
  if (mode === 'slow') return new Promise<Response>(() => {});
  if (mode === 'down') return problem('internal-error', 500);
  if (mode === 'flaky' && !failedOnce.has(url.pathname)) {
    failedOnce.add(url.pathname);
    return problem('unavailable', 503);
  }
  if (url.pathname.endsWith('/shares')) {
    return new Response(
      JSON.stringify({ thread: '/', counts: { x: 12, reddit: 4, mastodon: 7, copy: 3 }, total: 26 }),
      {
        headers: { 'content-type': 'application/json' },
      },
    );
  }
  if (url.pathname.endsWith('/counts')) {
    const keys = url.searchParams.getAll('thread');
    return new Response(JSON.stringify({ counts: Object.fromEntries(keys.map((k) => [k, demoCount(k)])) }), {
      headers: { 'content-type': 'application/json' },
    });
  }
  return problem('not-found', 404);
};
