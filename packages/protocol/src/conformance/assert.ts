import '../formats.js';
import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { ProblemCode } from '../problems.js';
import { problemType } from '../problems.js';
import type { Reply } from './http.js';

export class CheckFailed extends Error {}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CheckFailed(message);
}

function show(reply: Reply): string {
  return `${reply.status} ${reply.text.slice(0, 300)}`;
}

export function expectStatus(reply: Reply, status: number): void {
  check(reply.status === status, `expected ${status}, got ${show(reply)}`);
}

export function expectSchema(schema: TSchema, value: unknown, what: string): void {
  if (Value.Check(schema, value)) return;
  const first = Value.Errors(schema, value).First();
  throw new CheckFailed(`${what} does not match its schema: ${first?.path} ${first?.message}`);
}

/** An RFC 9457 answer with the given status and stable problem code. */
export function expectProblem(reply: Reply, code: ProblemCode, status: number): void {
  check(reply.status === status, `expected ${status} ${code}, got ${show(reply)}`);
  const type = reply.headers.get('content-type') ?? '';
  check(type.startsWith('application/problem+json'), `expected application/problem+json, got "${type}"`);
  check(
    reply.body?.type === problemType(code),
    `expected type ${problemType(code)}, got ${reply.body?.type}`,
  );
  check(reply.body?.status === status, 'the problem body must repeat the status');
  check(
    typeof reply.body?.title === 'string' && reply.body.title.length > 0,
    'the problem must have a title',
  );
}
