import { type ClientOptions, KithClient } from './client.js';

const clients = new Map<string, KithClient>();

/** One shared client per server + site, so every element of a page batches and shares its state. */
export function sharedClient(options: Pick<ClientOptions, 'server' | 'site'>): KithClient {
  const server = options.server.replace(/\/+$/, '');
  const id = `${server}\u0000${options.site}`;
  let client = clients.get(id);
  if (!client) {
    client = new KithClient({ server, site: options.site });
    clients.set(id, client);
  }
  return client;
}
