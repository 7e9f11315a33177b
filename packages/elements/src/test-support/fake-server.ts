/**
 * Stubs the network at fetch, for unit tests only: requests to `https://kith.test` are answered by
 * the handler a test sets; anything else goes to the real fetch. End-to-end tests use the real server.
 */
export type Handler = (request: Request, url: URL) => Response | Promise<Response>;

const realFetch = globalThis.fetch.bind(globalThis);
let handler: Handler | undefined;
export const requests: Request[] = [];
let servers = 0;

globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const request = new Request(input, init);
  const url = new URL(request.url);
  if (url.hostname !== 'kith.test') return realFetch(input, init);
  requests.push(request.clone());
  if (!handler) throw new TypeError('Failed to fetch');
  return handler(request, url);
};

/** A fresh fake server URL (so each test gets its own shared client and stores) and its handler. */
export function fakeServer(h: Handler): string {
  handler = h;
  requests.length = 0;
  servers += 1;
  return `https://kith.test/s${servers}`;
}

export function setHandler(h: Handler | undefined): void {
  handler = h;
}

export { json, problem } from './responses.js';
