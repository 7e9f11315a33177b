import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { networkOf, warnIfProxied } from '../src/services/guest-networks.js';
import { databaseKind, freshDatabaseUrl, json, startServer, type TestServer } from './helpers.js';

describe('a guest’s network', () => {
  it('is an IPv4 address itself, and an IPv6 address’s /64', () => {
    assert.equal(networkOf('203.0.113.5'), '203.0.113.5');
    assert.equal(networkOf('::ffff:203.0.113.5'), '203.0.113.5');
    assert.equal(networkOf('2001:db8:1:2:aaaa:bbbb:cccc:dddd'), '2001:db8:1:2::/64');
    assert.equal(networkOf('2001:DB8:0001:0002::1'), '2001:db8:1:2::/64');
    assert.equal(networkOf('2001:db8::1'), '2001:db8:0:0::/64');
    assert.equal(networkOf('fe80::1%eth0'), 'fe80:0:0:0::/64');
    assert.equal(networkOf('::1'), '0:0:0:0::/64');
    assert.equal(networkOf('64:ff9b::192.0.2.1'), '64:ff9b:0:0::/64');
    assert.equal(networkOf('unknown'), undefined);
    assert.equal(networkOf('300.1.1.1'), undefined);
    assert.equal(networkOf(''), undefined);
  });
});

describe('guests from a private address without a trusted proxy', () => {
  it('are said once in the log: behind a reverse proxy every guest would seem to be one', () => {
    const said: string[] = [];
    const log = { warn: (msg: string) => said.push(msg) } as unknown as Parameters<typeof warnIfProxied>[0];
    warnIfProxied(log, '8.8.8.8', false);
    warnIfProxied(log, '10.0.0.2', true);
    assert.deepEqual(said, [], 'a public address, or a trusted proxy, is nothing to say');
    warnIfProxied(log, '127.0.0.1', false);
    warnIfProxied(log, '10.0.0.2', false);
    assert.equal(said.length, 1);
    assert.match(said[0]!, /KITH_TRUST_PROXY=1/);
  });
});

describe(`blocking a guest turns away new guests from their network (${databaseKind})`, () => {
  let server: TestServer;
  // Behind a proxy the server trusts, each request says its own client address.
  const from = (address: string) => ({ 'x-forwarded-for': address });
  const newGuest = (address: string, name = 'Guest') =>
    json(`${server.url}/v1/sites/${server.site}/sessions`, {
      method: 'POST',
      headers: from(address),
      body: { name },
    });
  const block = (userId: string, blocked: boolean) =>
    json(`${server.url}/v1/sites/${server.site}/admin/users/${userId}`, {
      method: 'PUT',
      token: server.secret,
      body: { blocked },
    });
  const post = (token: string) =>
    json(`${server.url}/v1/sites/${server.site}/threads/%2Fnetworks/comments`, {
      method: 'POST',
      token,
      body: { markdown: 'hello' },
    });

  before(async () => {
    server = await startServer({ databaseUrl: await freshDatabaseUrl(), trustProxy: true });
  });
  after(() => server.stop());

  it('for a week, while guests elsewhere and those already there go on; letting the guest back lets the network back', async () => {
    const troll = await newGuest('203.0.113.5', 'Troll');
    const neighbour = await newGuest('203.0.113.5', 'Neighbour');
    assert.equal((await post(troll.body.token)).status, 201);
    assert.equal((await block(troll.body.user.id, true)).status, 204);

    const again = await newGuest('203.0.113.5', 'Troll again');
    assert.equal(again.status, 403);
    assert.equal(again.body.code, 'user-blocked');
    assert.match(again.body.detail, /7 days/);
    assert.equal((await newGuest('203.0.113.6')).status, 201, 'another address is another network');
    assert.equal((await post(neighbour.body.token)).status, 201, 'a guest already there is not the troll');

    const [row] = await server.kith.db.query<{ network_key: string; until: Date }>(
      `SELECT u.network_key, b.until FROM users u JOIN blocked_networks b ON b.user_id = u.id WHERE u.id = $1`,
      [troll.body.user.id],
    );
    assert.ok(row, 'the block holds the guest’s network');
    assert.doesNotMatch(row.network_key, /203|0\.113/, 'a keyed hash, never the address');
    const days = (row.until.getTime() - Date.now()) / 86_400_000;
    assert.ok(days > 6.9 && days <= 7, `blocked for 7 days, not ${days}`);

    assert.equal((await block(troll.body.user.id, false)).status, 204);
    assert.equal((await newGuest('203.0.113.5', 'Welcome back')).status, 201);
  });

  it('an IPv6 guest’s whole /64, and no longer once the block ends', async () => {
    const troll = await newGuest('2001:db8:5:6::a', 'Troll');
    assert.equal((await block(troll.body.user.id, true)).status, 204);
    assert.equal((await newGuest('2001:db8:5:6:ffff::1')).body.code, 'user-blocked');
    assert.equal((await newGuest('2001:db8:5:7::a')).status, 201);

    await server.kith.db.query(`UPDATE blocked_networks SET until = now() - interval '1 second'`);
    assert.equal((await newGuest('2001:db8:5:6::b')).status, 201, 'an ended block turns no one away');
    await server.kith.maintain();
    assert.deepEqual(await server.kith.db.query('SELECT * FROM blocked_networks'), [], 'and is forgotten');
  });

  it('is forgotten with the guest’s first session, 30 days on; blocking then holds only the guest', async () => {
    const old = await newGuest('198.51.100.7', 'Old Guest');
    await server.kith.db.query(`UPDATE users SET created_at = now() - interval '31 days' WHERE id = $1`, [
      old.body.user.id,
    ]);
    await server.kith.maintain();
    const [kept] = await server.kith.db.query<{ network_key: string | null }>(
      'SELECT network_key FROM users WHERE id = $1',
      [old.body.user.id],
    );
    assert.equal(kept?.network_key, null);
    assert.equal((await block(old.body.user.id, true)).status, 204);
    assert.equal((await post(old.body.token)).body.code, 'user-blocked');
    assert.equal((await newGuest('198.51.100.7')).status, 201);
  });
});
