import { ProblemError } from '../http/problem.js';
import { hmac } from './secrets.js';

/**
 * Keyset cursors: the position after the last item of a page, bound to what it pages through
 * (scope) and signed, so a tampered or foreign cursor is refused instead of misread.
 */
export interface CursorPosition {
  scope: string;
  seq: string;
  score?: number;
}

export function encodeCursor(key: string, position: CursorPosition): string {
  const payload = Buffer.from(
    // seq as text whatever the driver returned it as (int8 may come back as a number or a string).
    JSON.stringify([position.scope, String(position.seq), position.score ?? null]),
  ).toString('base64url');
  return `${payload}.${hmac(key, payload).slice(0, 22)}`;
}

export function decodeCursor(key: string, cursor: string, scope: string): CursorPosition {
  const [payload, mac, extra] = cursor.split('.');
  if (!payload || !mac || extra !== undefined || hmac(key, payload).slice(0, 22) !== mac) {
    throw new ProblemError('invalid-cursor', { detail: 'The cursor was not issued by this server.' });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw new ProblemError('invalid-cursor');
  }
  if (!Array.isArray(parsed) || parsed[0] !== scope || typeof parsed[1] !== 'string') {
    throw new ProblemError('invalid-cursor', {
      detail: 'The cursor belongs to another thread, comment or sort order.',
    });
  }
  return { scope, seq: parsed[1], ...(typeof parsed[2] === 'number' && { score: parsed[2] }) };
}
