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

/**
 * Makes one value per client on first use and hands out that one after, so every element of a
 * page shares a client's session, outbox and counts. Arguments after the client count only the
 * first time.
 */
export function perClient<T, A extends unknown[]>(
  make: (client: KithClient, ...args: A) => T,
): (client: KithClient, ...args: A) => T {
  const made = new WeakMap<KithClient, T>();
  return (client, ...args) => {
    let value = made.get(client);
    if (value === undefined) {
      value = make(client, ...args);
      made.set(client, value);
    }
    return value;
  };
}
