import { ShareCounts } from '../../schemas/share.js';
import { check, expectProblem, expectSchema, expectStatus } from '../assert.js';
import type { Case, Suite } from '../context.js';

export function shareCases(s: Suite): Case[] {
  return [
    {
      name: 'share counts: once per reader and network, totals for everyone',
      async run() {
        const site = await s.site();
        if (!site.features.shareCounts) return;
        const key = s.newThreadKey('share');
        const url = `${s.threadPath(key)}/shares`;
        const empty = await s.call(url);
        expectStatus(empty, 200);
        expectSchema(ShareCounts, empty.body, 'the share counts');
        check(
          empty.body.total === 0 && Object.keys(empty.body.counts).length === 0,
          'a page never shared counts 0',
        );
        const a = await s.guest();
        const b = await s.guest();
        const first = await s.call(url, { method: 'POST', token: a.token, body: { network: 'mastodon' } });
        expectStatus(first, 200);
        expectSchema(ShareCounts, first.body, 'the counts after a click');
        check(first.body.counted === true && first.body.counts.mastodon === 1, `counted: ${first.text}`);
        const again = await s.call(url, { method: 'POST', token: a.token, body: { network: 'mastodon' } });
        check(
          again.body.counted === false && again.body.counts.mastodon === 1,
          'the same reader counts once per network',
        );
        await s.call(url, { method: 'POST', token: a.token, body: { network: 'copy' } });
        await s.call(url, { method: 'POST', token: b.token, body: { network: 'mastodon' } });
        const totals = await s.call(url);
        check(
          totals.body.counts.mastodon === 2 && totals.body.counts.copy === 1 && totals.body.total === 3,
          `totals: ${totals.text}`,
        );
      },
    },
    {
      name: 'share counts: unknown network or fields 422, unknown site 404',
      async run() {
        const url = `${s.threadPath(s.newThreadKey('share'))}/shares`;
        expectProblem(
          await s.call(url, { method: 'POST', body: { network: 'myspace' } }),
          'validation-failed',
          422,
        );
        expectProblem(
          await s.call(url, { method: 'POST', body: { network: 'x', extra: 1 } }),
          'validation-failed',
          422,
        );
        expectProblem(await s.call(url, { method: 'POST', body: {} }), 'validation-failed', 422);
        expectProblem(
          await s.call('/v1/sites/no-such-site-zz9/threads/%2Fx/shares', {
            method: 'POST',
            body: { network: 'x' },
          }),
          'site-not-found',
          404,
        );
      },
    },
  ];
}
