import { sharedClient } from '@kith/core';
import { sessionFor } from '@kith/core/session';
import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import { memoryKith, ssoToken } from '../test-support/memory-kith.js';
import { setDefaults } from './config.js';
import { followSiteSignIn } from './site-sign-in.js';

describe('followSiteSignIn', () => {
  it('runs one retry loop per session while the server cannot be reached, however many elements follow it', async () => {
    const kith = memoryKith();
    const exchanges = () => kith.requests.filter((r) => r.url.endsWith('/sessions/sso')).length;
    let down = true;
    kith.fail = (request) => {
      if (down && request.url.endsWith('/sessions/sso')) throw new TypeError('Failed to fetch');
      return undefined;
    };
    setDefaults({ sso: ssoToken({ sub: '5', name: 'Member Max' }) });
    const session = sessionFor(sharedClient({ server: kith.url, site: 'blog' }));
    try {
      followSiteSignIn(session); // a thread's editor
      // Its first exchange, with the HTTP layer's own quick retries, fails; the loop waits 2 s.
      await waitUntil(() => exchanges() === 3, 'the first exchange was not tried three times', {
        timeout: 5000,
      });
      await aTimeout(300);
      const tried = exchanges();
      followSiteSignIn(session); // an event card that came later: no loop of its own
      await aTimeout(300);
      expect(exchanges(), 'a second loop asked at once').to.equal(tried);

      down = false;
      await waitUntil(() => session.$session.get()?.user.name === 'Member Max', 'not signed in', {
        timeout: 5000,
      });
      expect(exchanges(), 'one exchange once the server answered').to.equal(tried + 1);
    } finally {
      setDefaults({ sso: undefined });
    }
  });
});
