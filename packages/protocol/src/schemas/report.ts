import { Type } from '@sinclair/typebox';
import { Comment } from './comment.js';
import { Nullable, Strict, Timestamp } from './common.js';

export const reportReasons = ['spam', 'abuse', 'off-topic', 'other'] as const;

export const ReportReason = Type.Union(
  reportReasons.map((r) => Type.Literal(r)),
  { description: 'Why a reader reports a comment.' },
);

/** A reader tells the site owner about someone else's comment. */
export const ReportRequest = Strict(
  {
    reason: ReportReason,
    note: Type.Optional(Type.String({ maxLength: 500, description: 'For the site owner only.' })),
  },
  { $id: 'ReportRequest' },
);

/** A reported comment in the owner's queue, with what readers said. */
export const ReportedComment = Strict(
  {
    comment: Comment,
    reports: Type.Integer({ minimum: 1, description: 'How many readers reported it (each once).' }),
    reasons: Type.Record(Type.String(), Type.Integer({ minimum: 1 }), {
      description: 'Reports per reason, e.g. `{ "spam": 2 }`.',
    }),
    notes: Type.Array(Type.String(), { description: 'Readers’ notes, newest first (at most 10).' }),
    firstReportedAt: Timestamp,
    lastReportedAt: Timestamp,
  },
  { $id: 'ReportedComment' },
);

export const ReportedPage = Strict(
  {
    items: Type.Array(ReportedComment),
    nextCursor: Nullable(Type.String()),
  },
  { $id: 'ReportedPage' },
);
