import { type TSchema, Type } from '@sinclair/typebox';

/** Site ids are short, URL-safe slugs chosen by the owner (`kith-server site add <id>`). */
export const SiteId = Type.String({
  pattern: '^[a-z0-9][a-z0-9-]{0,62}$',
  description: 'The site id: lower-case letters, digits and dashes, at most 63 characters.',
  errorMessage: 'Must be lower-case letters, digits and dashes (not first), at most 63',
});

/**
 * A thread key names one thread within a site: the explicit `thread` attribute, else the canonical
 * URL's normalised path. Any printable text up to 512 characters; sent percent-encoded in paths.
 */
export const ThreadKey = Type.String({
  minLength: 1,
  maxLength: 512,
  pattern: '^[^\\u0000-\\u001f\\u007f]+$',
  description: 'The thread key, percent-encoded as one path segment.',
  errorMessage: 'Must not hold control characters',
});

export const UserId = Type.String({
  pattern: '^[A-Za-z0-9_-]{1,32}$',
  description: 'A commenter’s id, as comments’ `author.id` gives it.',
});

export const CommentId = Type.String({
  pattern: '^[A-Za-z0-9_-]{1,32}$',
  description: 'An opaque comment id.',
});

export const Timestamp = Type.String({ format: 'date-time', description: 'An RFC 3339 UTC timestamp.' });

export const Sort = Type.Union([Type.Literal('new'), Type.Literal('old'), Type.Literal('top')], {
  description: 'new: newest first; old: oldest first; top: most reactions first.',
});

export const Cursor = Type.String({
  minLength: 1,
  maxLength: 512,
  description: 'An opaque keyset cursor from a previous page (`nextCursor`).',
});

/**
 * Where a thread's event stream stood when a read was made, in the same snapshot: a client that
 * opens the stream with it as `Last-Event-ID` misses nothing written since, and gets nothing twice.
 */
export const StreamPosition = Type.String({
  pattern: '^[0-9]{1,18}$',
  description:
    'Where the thread’s event stream stood when this was read: open the stream with it as Last-Event-ID to miss nothing written since.',
});

export const Limit = Type.Integer({ minimum: 1, maximum: 100, description: 'Items per page.' });

/** A reaction key: a short name the client maps to an emoji (`+1`, `heart`, `laugh`...). */
export const ReactionKey = Type.String({ pattern: '^[a-z0-9_+-]{1,32}$' });

export const ReactionCounts = Type.Record(Type.String(), Type.Integer({ minimum: 0 }), {
  description: 'Count per reaction key; keys with no reactions are left out.',
});

/** Objects reject unknown members: a misspelt field is an error, not silently ignored. */
export function Strict<T extends Parameters<typeof Type.Object>[0]>(
  properties: T,
  options: Parameters<typeof Type.Object>[1] = {},
) {
  return Type.Object(properties, { additionalProperties: false, ...options });
}

export function Nullable<T extends TSchema>(schema: T, options: Parameters<typeof Type.Union>[1] = {}) {
  return Type.Union([schema, Type.Null()], options);
}
