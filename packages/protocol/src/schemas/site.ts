import { Type } from '@sinclair/typebox';
import { Nullable, ReactionKey, SiteId, Strict } from './common.js';
import { ProofOfWork } from './proof.js';
import { Webhook, WebhookInput } from './webhook.js';

export const RateLimit = Strict({
  max: Type.Integer({ minimum: 1, maximum: 100000 }),
  windowSeconds: Type.Integer({ minimum: 1, maximum: 86400 }),
});

export const SiteLimits = Strict({
  commentMaxLength: Type.Integer({ minimum: 1, maximum: 20000, description: 'Characters of Markdown.' }),
  editWindowSeconds: Type.Integer({
    minimum: 0,
    maximum: 31536000,
    description: 'How long authors may edit or delete their comments.',
  }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, description: 'Default comments per page.' }),
  maxPageSize: Type.Integer({ minimum: 1, maximum: 100 }),
  repliesPreview: Type.Integer({
    minimum: 0,
    maximum: 20,
    description: 'Replies sent inline with each top-level comment.',
  }),
  countsBatchMax: Type.Integer({ minimum: 1, maximum: 100, description: 'Thread keys per counts request.' }),
  rateLimit: Strict({
    comments: RateLimit,
    sessions: RateLimit,
    reactions: RateLimit,
    shares: RateLimit,
    rsvps: RateLimit,
  }),
});

/** What one backend offers, so one client adapts to any server. */
export const Site = Strict(
  {
    id: SiteId,
    name: Type.String(),
    protocol: Type.Literal('kith/1'),
    features: Strict({
      comments: Type.Boolean(),
      reactions: Type.Boolean(),
      guests: Type.Boolean(),
      realtime: Type.Boolean(),
      shareCounts: Type.Boolean(),
      events: Type.Boolean({ description: 'Pages may have an event readers answer (RSVP).' }),
    }),
    moderation: Type.Union([Type.Literal('none'), Type.Literal('first'), Type.Literal('pre')], {
      description:
        'pre: new comments wait for approval, visible meanwhile to their author only. first: only the comments of authors with none approved yet wait.',
    }),
    proofOfWork: ProofOfWork,
    reactions: Type.Array(ReactionKey, { description: 'Reaction keys offered on this site, in order.' }),
    limits: SiteLimits,
  },
  { $id: 'Site' },
);

const HoldLinks = Type.Integer({
  minimum: 0,
  maximum: 50,
  description:
    'Hold a new comment with this many links or more for approval, whatever the moderation mode; 0 never does.',
});
const HoldWords = Type.Array(
  Type.String({ minLength: 1, maxLength: 100, pattern: '\\S', errorMessage: 'Must not be blank' }),
  {
    maxItems: 500,
    description:
      'Hold a new comment for approval when its text or its author’s name has one of these words or phrases (whole words, any case). Never shown to readers.',
  },
);

/** What the site owner may change with the site secret. */
export const SiteSettingsPatch = Strict(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    moderation: Type.Optional(
      Type.Union([Type.Literal('none'), Type.Literal('first'), Type.Literal('pre')], {
        description:
          'pre: new comments wait for approval (admin/pending); first: only from authors with no comment published yet. Comments already waiting stay in the queue when it is turned off.',
      }),
    ),
    proofOfWork: Type.Optional(ProofOfWork),
    holdLinks: Type.Optional(HoldLinks),
    holdWords: Type.Optional(HoldWords),
    reactions: Type.Optional(Type.Array(ReactionKey, { maxItems: 12, uniqueItems: true })),
    guests: Type.Optional(Type.Boolean()),
    shareCounts: Type.Optional(Type.Boolean({ description: 'Count share clicks (first party).' })),
    commentMaxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 20000 })),
    editWindowSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 31536000 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    rateLimit: Type.Optional(
      Strict({
        comments: Type.Optional(RateLimit),
        sessions: Type.Optional(RateLimit),
        reactions: Type.Optional(RateLimit),
        shares: Type.Optional(RateLimit),
        rsvps: Type.Optional(RateLimit),
      }),
    ),
    webhook: Type.Optional(
      Nullable(WebhookInput, {
        description:
          'Events POSTed to your own endpoint, signed (see `Webhook`); null turns it off. The secret is made when a webhook is first set and kept while it changes.',
      }),
    ),
    sso: Type.Optional(
      Type.Boolean({
        description:
          'true: readers signed in on your site can be signed in here with a token you sign (`POST sessions/sso`); the secret is made once and kept. false forgets it; false then true rotates it.',
      }),
    ),
    origins: Type.Optional(
      Type.Array(
        Type.String({
          pattern: '^https?://[^/\\s]+$',
          errorMessage: 'Must be an origin: http:// or https://, the host and any port, no path',
        }),
        {
          maxItems: 50,
          description: 'Allowed browser origins, e.g. https://blog.example.',
        },
      ),
    ),
  },
  { $id: 'SiteSettingsPatch', minProperties: 1 },
);

/** Everything the site owner has set, read with the site secret (readers see `Site`). */
export const SiteSettings = Strict(
  {
    name: Type.String(),
    origins: Type.Array(Type.String()),
    moderation: Site.properties.moderation,
    proofOfWork: ProofOfWork,
    holdLinks: HoldLinks,
    holdWords: HoldWords,
    reactions: Type.Array(ReactionKey),
    guests: Type.Boolean(),
    shareCounts: Type.Boolean(),
    commentMaxLength: Type.Integer(),
    editWindowSeconds: Type.Integer(),
    pageSize: Type.Integer(),
    rateLimit: SiteLimits.properties.rateLimit,
    webhook: Nullable(Webhook),
    sso: Nullable(
      Strict({
        secret: Type.String({
          description:
            'Sign your readers’ sign-in tokens with it (HS256, the string as the key). Keep it on your server.',
        }),
      }),
    ),
  },
  { $id: 'SiteSettings' },
);
