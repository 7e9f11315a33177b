import { SiteSettings } from '../../schemas/site.js';
import type { SiteSettings as Settings } from '../../types.js';
import { check, expectProblem, expectSchema, expectStatus } from '../assert.js';
import type { Case, Suite } from '../context.js';

/** The site's webhook as a setting (deliveries need a receiver the server can reach: see the server's tests). */
export function webhookCases(s: Suite): Case[] {
  const settingsPath = `${s.sitePath}/admin/settings`;
  const settings = () => s.call<Settings>(settingsPath, { token: s.target.secret });
  const patch = (body: unknown) => s.call(settingsPath, { method: 'PATCH', token: s.target.secret, body });

  return [
    {
      name: 'webhook: the owner sets one and reads back its signing secret, kept while it changes; readers never see it',
      async run() {
        const url = 'https://hooks.example/kith?token=secret-of-the-receiver';
        try {
          expectStatus(await patch({ webhook: { url, events: ['comment.pending'] } }), 200);
          const read = await settings();
          expectSchema(SiteSettings, read.body, 'the owner’s settings');
          const hook = read.body.webhook;
          check(hook?.url === url, 'the address is read back');
          check(
            hook.events.length === 1 && hook.events[0] === 'comment.pending',
            'only the events asked for',
          );
          check(
            /^whsec_[A-Za-z0-9+/=]{24,}$/.test(hook.secret),
            `a Standard Webhooks secret: ${hook.secret}`,
          );

          expectStatus(await patch({ webhook: { url: `${url}&v=2` } }), 200);
          const changed = (await settings()).body.webhook;
          check(changed?.secret === hook.secret, 'the secret stays when the address changes');
          check(
            changed.events.includes('comment.published') && changed.events.length === 3,
            'all events by default',
          );

          const site = JSON.stringify(await s.site());
          check(!site.includes('whsec_') && !site.includes('hooks.example'), 'readers never see the webhook');
          for (const webhook of [
            { url: 'ftp://hooks.example/' },
            { url: 'https://' },
            { url, events: ['comment.unknown'] },
            { url, events: [] },
            { url, secret: 'whsec_chosen' },
          ]) {
            expectProblem(await patch({ webhook }), 'validation-failed', 422);
          }
          expectProblem(
            await s.call(settingsPath, { method: 'PATCH', body: { webhook: null } }),
            'unauthorized',
            401,
          );
        } finally {
          expectStatus(await patch({ webhook: null }), 200);
        }
        check((await settings()).body.webhook === null, 'null turns it off');
      },
    },
  ];
}
