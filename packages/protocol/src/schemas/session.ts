import { Type } from '@sinclair/typebox';
import { Nullable, Strict, Timestamp } from './common.js';

export const UserKind = Type.Union([Type.Literal('guest'), Type.Literal('sso'), Type.Literal('owner')]);

/** A commenter as others see them: never an email address. */
export const Author = Strict(
  {
    id: Type.String(),
    name: Type.String(),
    kind: UserKind,
    avatarUrl: Nullable(Type.String()),
  },
  { $id: 'Author' },
);

export const DisplayName = Type.String({
  minLength: 1,
  maxLength: 64,
  pattern: '\\S',
  description: 'Shown next to comments; 1 to 64 characters, not only spaces.',
});

export const Email = Type.String({ format: 'email', maxLength: 254 });

export const GuestSessionRequest = Strict(
  {
    name: DisplayName,
    email: Type.Optional(Email),
  },
  { $id: 'GuestSessionRequest' },
);

/** The site owner mints a session for one of its own users (server to server, with the secret). */
export const OwnerSessionRequest = Strict(
  {
    user: Strict({
      id: Type.String({ pattern: '^[A-Za-z0-9_.:@-]{1,128}$' }),
      name: DisplayName,
      email: Type.Optional(Email),
      avatarUrl: Type.Optional(Type.String({ pattern: '^https://', maxLength: 2048 })),
    }),
    expiresIn: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 2592000, description: 'Seconds; default 30 days.' }),
    ),
  },
  { $id: 'OwnerSessionRequest' },
);

export const Session = Strict(
  {
    token: Type.String({ description: 'Send as `Authorization: Bearer <token>`. Shown once.' }),
    expiresAt: Timestamp,
    user: Author,
  },
  { $id: 'Session' },
);

export const SessionInfo = Strict(
  {
    expiresAt: Timestamp,
    user: Author,
  },
  { $id: 'SessionInfo' },
);
