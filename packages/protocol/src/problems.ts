/**
 * Stable problem codes of the Kith protocol (RFC 9457 problem+json).
 *
 * Every error a server answers carries `type: "urn:kith:problem:<code>"` and the same `<code>` in
 * the `code` extension member, so clients can branch on it without parsing URIs. This module has
 * no dependencies: browser code imports it without pulling in the schemas.
 */
export const problems = {
  'bad-request': { status: 400, title: 'The request could not be read' },
  'invalid-json': { status: 400, title: 'The request body is not valid JSON' },
  'validation-failed': { status: 422, title: 'The request did not pass validation' },
  'payload-too-large': { status: 413, title: 'The request body is too large' },
  'unsupported-media-type': { status: 415, title: 'The request body must be application/json' },
  'invalid-cursor': { status: 400, title: 'The pagination cursor is invalid' },
  'invalid-idempotency-key': { status: 400, title: 'The Idempotency-Key header is invalid' },
  'idempotency-key-reused': {
    status: 422,
    title: 'The Idempotency-Key was already used for a different request',
  },
  unauthorized: { status: 401, title: 'Authentication is required' },
  'invalid-token': { status: 401, title: 'The token is invalid' },
  'token-expired': { status: 401, title: 'The token has expired' },
  'origin-not-allowed': { status: 403, title: 'This origin may not use the site' },
  forbidden: { status: 403, title: 'You may not do this' },
  'edit-window-closed': { status: 403, title: 'The time to edit or delete this comment has passed' },
  'edit-held': {
    status: 422,
    title: 'The site would hold this edit for approval: post it as a new comment',
  },
  'thread-closed': { status: 403, title: 'Comments are closed' },
  'user-blocked': { status: 403, title: 'You can no longer post on this site' },
  'user-not-found': { status: 404, title: 'There is no such commenter on this site' },
  'proof-required': { status: 403, title: 'This site asks for a proof of work with each comment' },
  'proof-invalid': { status: 403, title: 'The proof of work is wrong, expired or already used' },
  'site-not-found': { status: 404, title: 'The site does not exist' },
  'comment-not-found': { status: 404, title: 'The comment does not exist' },
  'parent-not-found': { status: 404, title: 'The comment being replied to does not exist' },
  'not-found': { status: 404, title: 'There is nothing at this address' },
  'method-not-allowed': { status: 405, title: 'This method is not allowed here' },
  'comment-deleted': { status: 409, title: 'The comment was deleted' },
  'event-not-found': { status: 404, title: 'This page has no event' },
  'event-cancelled': { status: 409, title: 'The event is cancelled' },
  'rsvp-closed': { status: 409, title: 'Answers are closed: the event has started' },
  'event-full': { status: 409, title: 'Not enough seats are left' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  'headers-too-large': { status: 431, title: 'The request’s address or headers are too long' },
  'internal-error': { status: 500, title: 'The server failed to handle the request' },
  unavailable: { status: 503, title: 'The server is not ready' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemCode = keyof typeof problems;

export const problemTypePrefix = 'urn:kith:problem:';

/** The `type` URI for a problem code. */
export function problemType(code: ProblemCode): string {
  return problemTypePrefix + code;
}

/**
 * The problem code of a `type` URI, or undefined when it is not a Kith problem. A code this
 * version does not list (from a newer server) is passed on as is: clients treat it as a generic
 * failure and show the server's `detail`. (Checked by shape, not against the table, so browser
 * code does not carry the titles.)
 */
export function problemCodeOf(type: unknown): ProblemCode | undefined {
  if (typeof type !== 'string' || !type.startsWith(problemTypePrefix)) return undefined;
  const code = type.slice(problemTypePrefix.length);
  return /^[a-z][a-z-]{0,63}$/.test(code) ? (code as ProblemCode) : undefined;
}

export const problemContentType = 'application/problem+json';
