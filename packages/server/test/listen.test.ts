import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { databaseKind, freshDatabaseUrl, startServer, type TestServer } from './helpers.js';

describe(`the HTTP server on ${databaseKind}`, () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ databaseUrl: await freshDatabaseUrl() });
  });
  after(() => server.stop());

  it('keeps idle connections open longer than a reverse proxy keeps its own (no 502 on reuse)', async () => {
    const response = await fetch(`${server.url}/v1/sites/${server.site}`);
    assert.equal(response.status, 200);
    await response.arrayBuffer();
    // nginx and cloud load balancers keep idle upstream connections 60 s: the server must keep
    // them longer, and says how long.
    const keepAlive = /timeout=(\d+)/.exec(response.headers.get('keep-alive') ?? '');
    assert.ok(keepAlive, `no Keep-Alive timeout: ${response.headers.get('keep-alive')}`);
    assert.ok(Number(keepAlive[1]) > 60, `closes idle connections after ${keepAlive[1]} s`);
  });

  // What one connection carries: `requests` written at once, as a client that sends its whole
  // body and then its next request does; the status lines of what came back before it closed.
  async function onOneConnection(requests: Buffer[]): Promise<string[]> {
    const { hostname, port } = new URL(server.url);
    const socket = connect(Number(port), hostname);
    let received = '';
    socket.on('data', (data) => {
      received += data.toString('latin1');
    });
    socket.on('error', () => {});
    // A body follows its headers with no line break, so a status line may start mid-line.
    const statusLines = () => received.match(/HTTP\/1\.1 \d{3}/g) ?? [];
    for (const request of requests) socket.write(request);
    // Every answer in, or the connection closed without them.
    await new Promise<void>((done) => {
      const check = setInterval(() => {
        if (statusLines().length >= requests.length) finish();
      }, 20);
      const finish = () => {
        clearInterval(check);
        socket.destroy();
        done();
      };
      socket.on('close', finish);
      setTimeout(finish, 5000).unref();
    });
    return statusLines();
  }

  const post = (path: string, body: Buffer, chunked = false) =>
    Buffer.concat([
      Buffer.from(
        `POST ${path} HTTP/1.1\r\nHost: kith\r\nContent-Type: application/json\r\n` +
          (chunked ? 'Transfer-Encoding: chunked\r\n\r\n' : `Content-Length: ${body.length}\r\n\r\n`),
      ),
      chunked
        ? Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')])
        : body,
    ]);
  const getSite = () => Buffer.from(`GET /v1/sites/${server.site} HTTP/1.1\r\nHost: kith\r\n\r\n`);

  it('answers a body too large with a 413 and still answers the next request on that connection', async () => {
    // Far past what the socket buffers hold: an answer sent before the body was read would leave
    // the rest of it on the connection, to be dropped with the next request.
    const huge = Buffer.from(JSON.stringify({ markdown: 'x'.repeat(2 * 1024 * 1024) }));
    const path = `/v1/sites/${server.site}/threads/%2Fhuge/comments`;
    assert.deepEqual(await onOneConnection([post(path, huge), getSite()]), ['HTTP/1.1 413', 'HTTP/1.1 200']);
    assert.deepEqual(await onOneConnection([post(path, huge, true), getSite()]), [
      'HTTP/1.1 413',
      'HTTP/1.1 200',
    ]);
  });

  it('reads a body the answer did not need (refused unsigned), and answers the next request', async () => {
    const body = Buffer.from(JSON.stringify({ markdown: 'y'.repeat(60 * 1024) }));
    const path = `/v1/sites/${server.site}/threads/%2Funsigned/comments`;
    assert.deepEqual(await onOneConnection([post(path, body), getSite()]), ['HTTP/1.1 401', 'HTTP/1.1 200']);
  });
});
