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
 */
function explained(error: ValueError): ValueError[] {
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

/**
 * The JSON Pointers of strings (and member names) holding U+0000: PostgreSQL cannot store it in
 * text, and no reader means to send it, so it is refused like any other invalid value. Walked
 * without recursion, and a pointer spelled out only when found: a body may nest thousands deep.
 */
function nulPointers(value: unknown, root: string): string[] {
  const found: string[] = [];
  const pending: [unknown, Place | undefined][] = [[value, undefined]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, place] = next;
    if (typeof item === 'string') {
      if (item.includes('\u0000')) found.push(pointerOf(root, place));
    } else if (item !== null && typeof item === 'object') {
      for (const [name, member] of Object.entries(item)) {
        const at = { name, parent: place };
        if (name.includes('\u0000')) found.push(pointerOf(root, at));
        else pending.push([member, at]);
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
  // Only a value of the schema's shape (so of bounded depth) is searched for NUL; any other is
  // refused for its shape.
  const valid = check.Check(value);
  const nul = valid ? nulPointers(value, `/${where}`) : [];
  if (valid && !nul.length) return value as T;
  const errors = nul.slice(0, 20).map((pointer) => ({ pointer, message: 'Must not contain U+0000 (NUL)' }));
  const seen = new Set<string>(nul);
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
