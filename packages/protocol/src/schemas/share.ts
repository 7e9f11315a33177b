import { Type } from '@sinclair/typebox';
import { Strict, ThreadKey } from './common.js';

/** What a reader can share through: the networks, copying the link, the system share sheet. */
export const shareTargets = [
  'facebook',
  'x',
  'reddit',
  'linkedin',
  'mastodon',
  'bluesky',
  'threads',
  'whatsapp',
  'telegram',
  'hackernews',
  'pinterest',
  'email',
  'copy',
  'native',
] as const;

export const ShareTarget = Type.Union(
  shareTargets.map((t) => Type.Literal(t)),
  { description: 'A share network, `copy` (the link was copied) or `native` (the system share sheet).' },
);

export const ShareClick = Strict({ network: ShareTarget }, { $id: 'ShareClick' });

export const ShareCounts = Strict(
  {
    thread: ThreadKey,
    counts: Type.Record(Type.String(), Type.Integer({ minimum: 0 }), {
      description: 'Shares per network; networks never shared are left out.',
    }),
    total: Type.Integer({ minimum: 0 }),
    counted: Type.Optional(
      Type.Boolean({ description: 'On a click: whether it was counted (once per reader and network).' }),
    ),
  },
  { $id: 'ShareCounts' },
);
