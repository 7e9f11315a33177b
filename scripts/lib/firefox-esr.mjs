#!/usr/bin/env node
// Debian's Firefox ESR as Playwright's BiDi Firefox (`channel: 'moz-firefox'`). Playwright speaks the
// WebDriver BiDi of Firefox's nightly builds, and sends a few `emulation.*` commands on every new
// page that ESR does not know yet (`setMediaFeaturesOverride`, for one). Playwright starts this
// file as the browser: it starts the real one, and stands between the two on the BiDi socket,
// answering "done" for an `emulation.*` command the browser says it does not know (what a test
// needs of them, dark mode say, `newContext` in browser.mjs sets as preferences). Everything else
// passes through as is. FIREFOX_PATH names the real browser.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { WebSocket, WebSocketServer } from 'ws';

const browser = spawn(process.env.FIREFOX_PATH || '/usr/bin/firefox-esr', process.argv.slice(2), {
  stdio: ['ignore', 'inherit', 'pipe'],
});
browser.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => browser.kill(signal));

createInterface({ input: browser.stderr }).on('line', (line) => {
  const listening = /WebDriver BiDi listening on (ws:\/\/\S+)$/.exec(line);
  if (!listening) return void process.stderr.write(`${line}\n`);
  const upstream = listening[1];
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 }, () => {
    process.stderr.write(`WebDriver BiDi listening on ws://127.0.0.1:${server.address().port}\n`);
  });
  server.on('connection', (client, request) => relay(client, `${upstream}${request.url}`));
});

function relay(client, url) {
  const emulation = new Set();
  const queued = [];
  const socket = new WebSocket(url, { perMessageDeflate: false });
  socket.on('open', () => {
    for (const message of queued) socket.send(message);
    queued.length = 0;
  });
  client.on('message', (data) => {
    const text = String(data);
    const { id, method } = JSON.parse(text);
    if (method?.startsWith('emulation.')) emulation.add(id);
    if (socket.readyState === WebSocket.OPEN) socket.send(text);
    else queued.push(text);
  });
  socket.on('message', (data) => {
    const message = JSON.parse(String(data));
    if (emulation.delete(message.id) && message.type === 'error' && message.error === 'unknown command') {
      client.send(JSON.stringify({ type: 'success', id: message.id, result: {} }));
    } else client.send(String(data));
  });
  socket.on('close', () => client.close());
  socket.on('error', () => client.close());
  client.on('close', () => socket.close());
}
