import type { MiddlewareHandler } from 'hono';
import { problemResponse } from './problem.js';

/** How much of a body too large is read on, and thrown away, after its 413. */
const drainMaxBytes = 8 * 1024 * 1024;

/**
 * Reads each request body whole before the routes see it, so that no answer leaves bytes of a
 * request on the connection; one over `maxBytes` is answered with a 413 at once.
 *
 * The rest of a body too large is still read, and thrown away, after the 413: a connection closed
 * while the client is still sending is reset under it, which can lose it the 413 (a write error
 * instead) and, on a connection kept alive, the next request. Past `drainMaxBytes` the connection
 * is dropped.
 */
export function bodyLimit(maxBytes: number): MiddlewareHandler {
  const refuse = () =>
    problemResponse('payload-too-large', { detail: `Request bodies may be at most ${maxBytes} bytes.` });
  return async (c, next) => {
    const { body } = c.req.raw;
    if (!body) return next();
    const reader = body.getReader();
    // Node holds a body to its declared length, so one declared too large is refused unread.
    const declared = c.req.raw.headers.has('transfer-encoding') ? 0 : Number(c.req.header('content-length'));
    if (declared > maxBytes) {
      void drain(reader, 0);
      return refuse();
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        void drain(reader, size);
        return refuse();
      }
      chunks.push(value);
    }
    const whole = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      whole.set(chunk, offset);
      offset += chunk.byteLength;
    }
    c.req.raw = new Request(c.req.raw, { body: whole });
    return next();
  };
}

/** Reads the rest of a body and throws it away; cancelled (the connection dropped) past the cap. */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, read: number): Promise<void> {
  try {
    for (let size = read; ; ) {
      const { done, value } = await reader.read();
      if (done) return;
      size += value.byteLength;
      if (size > drainMaxBytes) {
        await reader.cancel();
        return;
      }
    }
  } catch {
    // The client went away.
  }
}
