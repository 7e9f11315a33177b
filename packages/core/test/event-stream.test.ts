import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type EventStreamOptions, openEventStream, type StreamEvent } from '../src/thread/event-stream.js';

/** A fetch that answers each connect with the next body, then ends it; records what each sent. */
function scripted(bodies: string[]) {
  const sent: (string | undefined)[] = [];
  const fetch = async (_url: string | URL | Request, init?: RequestInit) => {
    sent.push((init?.headers as Record<string, string> | undefined)?.['last-event-id']);
    const body = bodies.shift();
    if (body === undefined) return new Promise<Response>(() => {}); // no more: stays connecting
    return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
  };
  return { sent, fetch: fetch as typeof globalThis.fetch };
}

const settled = (test: () => boolean) =>
  new Promise<void>((resolve) => {
    const poll = setInterval(() => {
      if (test()) {
        clearInterval(poll);
        resolve();
      }
    }, 5);
  });

describe('event stream', () => {
  it('reads events, and resumes after the last id it saw, including where the server said it starts', async () => {
    const { sent, fetch } = scripted([
      'retry: 1\nid: 41\n: connected\n\n', // dropped before any event
      'id: 41\n\nid: 42\nevent: comment.created\ndata: {"a":1}\n\n',
    ]);
    const events: StreamEvent[] = [];
    const options: EventStreamOptions = { fetch, onEvent: (event) => events.push(event) };
    const close = openEventStream('http://kith.test/events', options);
    await settled(() => sent.length === 3);
    close();
    assert.deepEqual(sent, [undefined, '41', '42'], 'each connect resumes from the position so far');
    assert.deepEqual(
      events,
      [{ id: '42', type: 'comment.created', data: '{"a":1}' }],
      'a block without data is no event',
    );
    assert.equal(options.lastEventId, '42');

    // The same options, given to a new stream, resume where the last one stopped.
    const again = scripted([]);
    const reopened = openEventStream('http://kith.test/events', { ...options, fetch: again.fetch });
    await settled(() => again.sent.length === 1);
    reopened();
    assert.deepEqual(again.sent, ['42']);
  });
});
