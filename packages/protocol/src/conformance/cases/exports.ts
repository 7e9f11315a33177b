import { SiteExport } from '../../schemas/export.js';
import type { SiteExport as Export } from '../../types.js';
import { check, expectProblem, expectSchema, expectStatus } from '../assert.js';
import type { Case, Suite } from '../context.js';

/** The owner's export of the whole site. */
export function exportCases(s: Suite): Case[] {
  return [
    {
      name: 'export: the owner gets every thread and comment as a SiteExport, parents before replies; nobody else does',
      async run() {
        const reader = await s.guest('Exported');
        const key = s.newThreadKey('export');
        const top = await s.post(key, reader.token, 'Kept **for** later');
        const answer = await s.post(key, reader.token, 'And the reply', top.id);
        const exported = await s.call<Export>(`${s.sitePath}/admin/export`, { token: s.target.secret });
        expectStatus(exported, 200);
        expectSchema(SiteExport, exported.body, 'the export');
        check(exported.body.site === s.target.site, `site ${exported.body.site}`);
        const thread = exported.body.threads.find((t) => t.key === key);
        check(thread, 'the thread written in this run is in the export');
        check(thread.comments.length === 2, `its two comments: ${thread.comments.length}`);
        const [first, second] = thread.comments;
        check(first!.id === top.id && first!.markdown === 'Kept **for** later', 'the comment, as Markdown');
        check(second!.id === answer.id && second!.parentId === top.id, 'the reply after its parent');
        check(first!.author?.name === 'Exported', 'with its author');
        expectProblem(await s.call(`${s.sitePath}/admin/export`), 'unauthorized', 401);
        expectProblem(
          await s.call(`${s.sitePath}/admin/export`, { token: reader.token }),
          'invalid-token',
          401,
        );
      },
    },
  ];
}
