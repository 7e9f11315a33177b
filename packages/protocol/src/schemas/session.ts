import { Type } from '@sinclair/typebox';
import { displayNamePattern } from '../display-name.js';
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
  pattern: displayNamePattern,
  errorMessage: 'Needs a character that shows, and no control characters or bidi overrides',
  description:
    'Shown next to comments; 1 to 64 characters, one at least that shows (not only spaces or invisible characters), and no control characters or bidi embeddings, overrides or isolates (U+202A–U+202E, U+2066–U+2069). `cleanDisplayName` of `@kith/protocol/display-name` makes a typed name fit.',
});

export const Email = Type.String({ format: 'email', maxLength: 254 });

const externalUserId = '^[A-Za-z0-9_.:@-]{1,128}$';
const ExternalUserId = Type.String({ pattern: externalUserId });
const AvatarUrl = Type.String({
  pattern: '^https://',
  maxLength: 2048,
  errorMessage: 'Must be an https:// address',
});
const Moderator = Type.Boolean({
  description:
    'The site names this user a moderator: with their session they approve and remove comments (the admin/pending, admin/reports and admin/comments routes). Taken afresh at each sign-in.',
});

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
      id: ExternalUserId,
      name: DisplayName,
      email: Type.Optional(Email),
      avatarUrl: Type.Optional(AvatarUrl),
      moderator: Type.Optional(Moderator),
    }),
    expiresIn: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 2592000, description: 'Seconds; default 30 days.' }),
    ),
  },
  { $id: 'OwnerSessionRequest' },
);

/** Signs a reader in with a token the site signed for one of its own users (single sign-on). */
export const SsoSessionRequest = Strict(
  {
    token: Type.String({
      minLength: 1,
      maxLength: 8192,
      description: 'A JWT signed with HS256 and the site’s SSO secret; its claims are `SsoClaims`.',
    }),
  },
  { $id: 'SsoSessionRequest' },
);

/**
 * What a site's sign-in token says (JWT claims). Other claims (`iss`, `jti`, …) are allowed and
 * ignored; `aud`, when present, must name the site.
 */
export const SsoClaims = Type.Object(
  {
    sub: Type.String({
      pattern: externalUserId,
      description: 'The user’s id on the site: the same id is the same commenter.',
    }),
    name: DisplayName,
    email: Type.Optional(Email),
    picture: Type.Optional(AvatarUrl),
    moderator: Type.Optional(Moderator),
    exp: Type.Integer({
      description: 'Expiry (seconds since 1970), at most 24 hours ahead: sign tokens for minutes.',
    }),
    iat: Type.Optional(Type.Integer()),
    aud: Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())])),
  },
  { $id: 'SsoClaims' },
);

const SessionModerator = Type.Optional(
  Type.Boolean({ description: 'Present (true) when the reader is one of the site’s moderators.' }),
);

export const Session = Strict(
  {
    token: Type.String({ description: 'Send as `Authorization: Bearer <token>`. Shown once.' }),
    expiresAt: Timestamp,
    user: Author,
    moderator: SessionModerator,
  },
  { $id: 'Session' },
);

export const SessionInfo = Strict(
  {
    expiresAt: Timestamp,
    user: Author,
    moderator: SessionModerator,
  },
  { $id: 'SessionInfo' },
);

/** What erasing a commenter took away (`DELETE admin/users/{id}`). */
export const ErasedUser = Strict(
  {
    comments: Type.Integer({
      minimum: 0,
      description: 'Comments emptied to tombstones (their replies stay) or, waiting, removed.',
    }),
    reactions: Type.Integer({ minimum: 0, description: 'Reactions taken back.' }),
    answers: Type.Integer({
      minimum: 0,
      description: 'Answers to events withdrawn (their seats go to the waitlist).',
    }),
    reports: Type.Integer({ minimum: 0, description: 'Reports they made, dropped.' }),
  },
  { $id: 'ErasedUser' },
);
