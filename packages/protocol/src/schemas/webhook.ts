import { Type } from '@sinclair/typebox';
import { Comment } from './comment.js';
import { SiteId, Strict, ThreadKey, Timestamp } from './common.js';
import { ReportReason } from './report.js';

export const webhookEventTypes = ['comment.published', 'comment.pending', 'comment.reported'] as const;

export const WebhookEventType = Type.Union(
  webhookEventTypes.map((t) => Type.Literal(t)),
  {
    description:
      'comment.published: a new comment is visible. comment.pending: one waits for approval. comment.reported: a reader reported one.',
  },
);

const WebhookUrl = Type.String({
  maxLength: 2000,
  pattern: '^https?://[^\\s/?#]+[^\\s]*$',
  description: 'Where the server POSTs each event (http or https).',
  errorMessage: 'Must be an http:// or https:// address, without spaces',
});

const WebhookEvents = Type.Array(WebhookEventType, {
  minItems: 1,
  uniqueItems: true,
  description: 'The events sent; all of them when left out.',
});

/** What the owner sets (`PATCH admin/settings` with `webhook`; `null` turns it off). */
export const WebhookInput = Strict(
  { url: WebhookUrl, events: Type.Optional(WebhookEvents) },
  { $id: 'WebhookInput' },
);

/** The webhook as the owner reads it back, with the secret its deliveries are signed with. */
export const Webhook = Strict(
  {
    url: WebhookUrl,
    events: WebhookEvents,
    secret: Type.String({
      pattern: '^whsec_[A-Za-z0-9+/=]+$',
      description:
        'Standard Webhooks signing secret: each delivery carries webhook-id, webhook-timestamp and webhook-signature (v1, HMAC-SHA256 of "id.timestamp.body" keyed with the base64 part).',
    }),
  },
  { $id: 'Webhook' },
);

/** The body of each delivery: the event, when it happened, and what it is about. */
export const WebhookPayload = Strict(
  {
    type: WebhookEventType,
    timestamp: Timestamp,
    data: Strict({
      site: SiteId,
      thread: ThreadKey,
      comment: Comment,
      report: Type.Optional(
        Strict({
          reason: ReportReason,
          note: Type.Optional(Type.String()),
          reports: Type.Integer({ minimum: 1, description: 'Readers who have reported it so far.' }),
        }),
      ),
    }),
  },
  { $id: 'WebhookPayload' },
);
