import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createClient } from '../src/index.js';
import { followOtherTabs } from '../src/thread/other-tabs.js';
import { SessionStore } from '../src/thread/session.js';
import { memoryStorage } from './memory-storage.js';

// Two tabs of one browser: each its own client and session store, one device storage. Node has
// no window: the browser's `storage` event (sent to the other tabs) is dispatched by hand.
const tab = (storage: ReturnType<typeof memoryStorage>) =>
  new SessionStore(createClient({ server: 'https://comments.example', site: 'blog' }), storage);
const session = (name: string, expiresIn = 3_600_000) => ({
  token: `token-of-${name}`,
  expiresAt: new Date(Date.now() + expiresIn).toISOString(),
  user: { id: `u-${name}`, name, kind: 'guest' as const, avatarUrl: null },
});

describe('followOtherTabs', () => {
  const window = new EventTarget();
  const told = (key: string | null) => window.dispatchEvent(Object.assign(new Event('storage'), { key }));
  before(() => {
    Object.assign(globalThis, {
      addEventListener: window.addEventListener.bind(window),
      removeEventListener: window.removeEventListener.bind(window),
    });
  });
  after(() => {
    Reflect.deleteProperty(globalThis, 'addEventListener');
    Reflect.deleteProperty(globalThis, 'removeEventListener');
  });

  it('takes a session signed in in another tab since this one opened, token and all', () => {
    const storage = memoryStorage();
    const [first, second] = [tab(storage), tab(storage)];
    first.use(session('Tabitha'));
    assert.equal(second.$session.get(), null);
    const stop = followOtherTabs(second);
    assert.equal(second.$session.get()?.user.name, 'Tabitha');
    assert.equal(second.client.token, 'token-of-Tabitha');
    stop();
  });

  it('follows each sign-in, change and sign-out the browser reports, until stopped', () => {
    const storage = memoryStorage();
    const [first, second] = [tab(storage), tab(storage)];
    const stop = followOtherTabs(second);
    first.use(session('Ann'));
    told(first.key);
    assert.equal(second.$session.get()?.user.name, 'Ann');
    first.use(session('Bo'));
    told(first.key);
    assert.equal(second.client.token, 'token-of-Bo');
    first.expire();
    told(null); // localStorage.clear() in another tab
    assert.equal(second.$session.get(), null);
    assert.equal(second.client.token, undefined);
    stop();
    first.use(session('Cy'));
    told(first.key);
    assert.equal(second.$session.get(), null, 'stopped');
  });

  it('leaves alone what it is not told of: other keys, and a session storage refused to keep', () => {
    const storage = memoryStorage();
    const second = tab(storage);
    second.use(session('Di'));
    storage.data.clear(); // a full or refusing storage: the session lives in this tab alone
    const stop = followOtherTabs(second);
    assert.equal(second.$session.get()?.user.name, 'Di');
    told('kith:drafts');
    assert.equal(second.$session.get()?.user.name, 'Di');
    stop();
  });

  it('does not take a session that has expired', () => {
    const storage = memoryStorage();
    const second = tab(storage);
    storage.setItem(second.key, JSON.stringify(session('Ed', -1000)));
    followOtherTabs(second)();
    assert.equal(second.$session.get(), null);
  });
});
