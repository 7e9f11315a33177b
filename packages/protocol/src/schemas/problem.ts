import { Type } from '@sinclair/typebox';

export const Problem = Type.Object(
  {
    type: Type.String({ description: 'urn:kith:problem:<code>' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    code: Type.String({ description: 'The problem code, also the last part of `type`.' }),
    errors: Type.Optional(
      Type.Array(Type.Object({ pointer: Type.String(), message: Type.String() }), {
        description: 'For validation-failed: each invalid member as a JSON Pointer into the request.',
      }),
    ),
    retryAfter: Type.Optional(Type.Integer({ description: 'Seconds, as in the Retry-After header.' })),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details.' },
);
