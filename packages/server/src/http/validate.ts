import '@kith/protocol/formats';
import type { TSchema } from '@sinclair/typebox';
import { type TypeCheck, TypeCompiler } from '@sinclair/typebox/compiler';
import { type ValueError, ValueErrorType } from '@sinclair/typebox/errors';
import { ProblemError } from './problem.js';

const compiled = new WeakMap<TSchema, TypeCheck<TSchema>>();

function checker(schema: TSchema): TypeCheck<TSchema> {
  let check = compiled.get(schema);
  if (!check) {
    check = TypeCompiler.Compile(schema);
    compiled.set(schema, check);
  }
  return check;
}

/**
 * "Expected union value" says nothing: a choice of constants lists them, and where one branch got
 * further into the value (an object where `null` was the other choice) its own errors are used.
 * A pattern the value misses is said in words where it has them.
 */
function explained(error: ValueError): ValueError[] {
  // The protocol's schemas say their patterns in words (`errorMessage`): a regular expression says
  // little to a client's developer, less to a site owner at the command line.
  const words =
    error.type === ValueErrorType.StringPattern && (error.schema.errorMessage as string | undefined);
  if (words) return [{ ...error, message: words }];
  if (error.type !== ValueErrorType.Union) return [error];
  const choices = (error.schema.anyOf ?? []) as TSchema[];
  if (choices.length && choices.every((c) => 'const' in c)) {
    const listed = choices.map((c) => JSON.stringify(c.const)).join(', ');
    return [{ ...error, message: `Expected one of ${listed}` }];
  }
  const depth = (branch: ValueError[]) => Math.max(...branch.map((e) => e.path.length));
  const deeper = error.errors
    .map((branch) => [...branch])
    .filter((branch) => branch.length > 0 && depth(branch) > error.path.length)
    .sort((a, b) => depth(b) - depth(a))[0];
  if (deeper) return deeper.flatMap(explained);
  const kinds = choices.map((c) => ('const' in c ? JSON.stringify(c.const) : String(c.type ?? 'a value')));
  return [{ ...error, message: `Expected ${kinds.join(' or ')}` }];
}

interface Place {
  name: string;
  parent: Place | undefined;
}
const pointerOf = (root: string, place: Place | undefined): string => {
  const names: string[] = [];
  for (let at = place; at; at = at.parent) names.push(at.name.replace(/~/g, '~0').replace(/\//g, '~1'));
  return [root, ...names.reverse()].join('/');
};

declare global {
  // ES2024, in Node since 20; the project's lib is ES2023.
  interface String {
    isWellFormed(): boolean;
    toWellFormed(): string;
  }
}

/**
 * Text PostgreSQL cannot store, in a value already of its schema's shape: U+0000 in a string or
 * a member name, which no reader means to send, is refused (each one's pointer and why); a lone
 * surrogate in a string (text cut in the middle of a character) becomes U+FFFD in place, as
 * storing it as text would make it, where JSON columns would refuse it. Walked without
 * recursion, a pointer spelled out only when found.
 */
function textProblems(value: unknown, root: string): { pointer: string; message: string }[] {
  const found: { pointer: string; message: string }[] = [];
  const pending: [Record<string, unknown>, Place | undefined][] = [];
  if (value !== null && typeof value === 'object')
    pending.push([value as Record<string, unknown>, undefined]);
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [holder, place] = next;
    for (const [name, member] of Object.entries(holder)) {
      const at = { name, parent: place };
      if (name.includes('\u0000') || (typeof member === 'string' && member.includes('\u0000'))) {
        found.push({ pointer: pointerOf(root, at), message: 'Must not contain U+0000 (NUL)' });
      } else if (!name.isWellFormed()) {
        found.push({ pointer: pointerOf(root, at), message: 'Must be well-formed Unicode' });
      } else if (typeof member === 'string') {
        if (!member.isWellFormed()) holder[name] = member.toWellFormed();
      } else if (member !== null && typeof member === 'object') {
        pending.push([member as Record<string, unknown>, at]);
      }
    }
  }
  return found.reverse();
}

/** Validates `value` or throws a validation-failed problem listing every invalid member. */
export function validate<T>(
  schema: TSchema,
  value: unknown,
  where: 'body' | 'query' | 'path' | 'file' | 'token',
): T {
  const check = checker(schema);
  // Only a value of the schema's shape (so of bounded depth) is searched for text PostgreSQL
  // cannot store; any other is refused for its shape.
  const valid = check.Check(value);
  const text = valid ? textProblems(value, `/${where}`) : [];
  if (valid && !text.length) return value as T;
  const errors = text.slice(0, 20);
  const seen = new Set<string>(text.map((e) => e.pointer));
  for (const error of valid ? [] : [...check.Errors(value)].flatMap(explained)) {
    const pointer = `/${where}${error.path}`;
    if (seen.has(pointer)) continue; // the first message per member is the useful one
    seen.add(pointer);
    errors.push({ pointer, message: error.message });
    if (errors.length >= 20) break;
  }
  const first = errors[0];
  throw new ProblemError('validation-failed', {
    detail: first ? `${first.pointer}: ${first.message}` : 'The request is invalid.',
    errors,
  });
}

/**
 * Query strings carry only text: coerce each member to what its schema wants (integers, arrays)
 * before validating, and keep unknown members so strict schemas reject them.
 */
export function queryObject(schema: TSchema, entries: Record<string, string[]>): Record<string, unknown> {
  const props = (schema.properties ?? {}) as Record<string, TSchema>;
  const out: Record<string, unknown> = {};
  for (const [name, values] of Object.entries(entries)) {
    const prop = props[name];
    if (prop?.type === 'array') {
      out[name] = values;
    } else if (prop?.type === 'integer' && values.length === 1 && /^-?\d{1,15}$/.test(values[0] ?? '')) {
      out[name] = Number(values[0]);
    } else {
      out[name] = values.length === 1 ? values[0] : values;
    }
  }
  return out;
}
