import { ReportedPage } from '../../schemas/report.js';
import type { ReportedPage as Page } from '../../types.js';
import { check, expectProblem, expectSchema, expectStatus } from '../assert.js';
import type { Case, Suite } from '../context.js';

/** Readers report others' comments; the owner's queue. */
export function reportCases(s: Suite): Case[] {
  const report = (id: string, token: string | undefined, body: unknown) =>
    s.call(`${s.sitePath}/comments/${id}/reports`, { method: 'POST', token, body });
  const queue = async (query = '') => {
    const reply = await s.call<Page>(`${s.sitePath}/admin/reports${query}`, { token: s.target.secret });
    expectStatus(reply, 200);
    expectSchema(ReportedPage, reply.body, 'the reports queue');
    return reply.body;
  };
  const mine = (page: Page, ids: string[]) => page.items.filter((i) => ids.includes(i.comment.id));

  return [
    {
      name: 'reports: once per reader, never of one’s own comment; the owner’s queue pages, dismisses, and forgets removed comments',
      async run() {
        const author = await s.guest('Reported');
        const bea = await s.guest('Bea');
        const cy = await s.guest('Cy');
        const key = s.newThreadKey('reports');
        const x = await s.post(key, author.token, 'Buy cheap things at my shop');
        const y = await s.post(key, author.token, 'Another one');

        expectStatus(await report(x.id, bea.token, { reason: 'spam', note: 'an ad' }), 204);
        expectStatus(await report(x.id, cy.token, { reason: 'abuse' }), 204);
        // Again by the same reader: the reason changes, the count does not.
        expectStatus(await report(x.id, bea.token, { reason: 'off-topic', note: 'still an ad' }), 204);
        expectProblem(await report(x.id, author.token, { reason: 'spam' }), 'forbidden', 403);
        expectProblem(await report(x.id, undefined, { reason: 'spam' }), 'unauthorized', 401);
        expectProblem(await report(x.id, bea.token, { reason: 'boring' }), 'validation-failed', 422);
        expectProblem(
          await report(x.id, bea.token, { reason: 'other', note: 'x'.repeat(501) }),
          'validation-failed',
          422,
        );
        expectProblem(
          await report('no-such-comment', bea.token, { reason: 'spam' }),
          'comment-not-found',
          404,
        );
        expectStatus(await report(y.id, cy.token, { reason: 'other' }), 204);

        let all = mine(await queue('?limit=100'), [x.id, y.id]);
        check(all.length === 2 && all[0]!.comment.id === x.id, 'both wait, the first reported first');
        check(all[0]!.reports === 2, `each reader counts once: ${all[0]!.reports}`);
        check(
          JSON.stringify(all[0]!.reasons) === JSON.stringify({ abuse: 1, 'off-topic': 1 }),
          `reasons as last given: ${JSON.stringify(all[0]!.reasons)}`,
        );
        check(all[0]!.notes.length === 1 && all[0]!.notes[0] === 'still an ad', `notes: ${all[0]!.notes}`);
        expectProblem(await s.call(`${s.sitePath}/admin/reports`), 'unauthorized', 401);

        // Pages of one, followed to the end, hold both.
        const seen: string[] = [];
        let cursor: string | null = '';
        while (cursor !== null) {
          const page: Page = await queue(`?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
          seen.push(...page.items.map((i) => i.comment.id));
          cursor = page.nextCursor;
        }
        check(seen.indexOf(x.id) >= 0 && seen.indexOf(x.id) < seen.indexOf(y.id), 'paging keeps the order');

        const page = await s.call(s.threadPath(key));
        check(!page.text.includes('still an ad'), 'readers never see reports');

        expectStatus(
          await s.call(`${s.sitePath}/admin/comments/${x.id}/reports`, {
            method: 'DELETE',
            token: s.target.secret,
          }),
          204,
        );
        expectStatus(
          await s.call(`${s.sitePath}/admin/comments/${y.id}`, { method: 'DELETE', token: s.target.secret }),
          204,
        );
        all = mine(await queue('?limit=100'), [x.id, y.id]);
        check(all.length === 0, 'dismissed and removed comments leave the queue');
        check((await s.call(`${s.sitePath}/comments/${x.id}`)).status === 200, 'a dismissed comment stays');
        expectProblem(await report(y.id, bea.token, { reason: 'spam' }), 'comment-deleted', 409);
      },
    },
  ];
}
