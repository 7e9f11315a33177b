import { type ProblemCode, problemContentType, problems, problemType } from '@kith/protocol/problems';

export interface ProblemExtras {
  detail?: string;
  errors?: { pointer: string; message: string }[];
  retryAfter?: number;
}

/** Thrown anywhere in a handler; the app turns it into an RFC 9457 response. */
export class ProblemError extends Error {
  readonly code: ProblemCode;
  readonly status: number;
  readonly extras: ProblemExtras;

  constructor(code: ProblemCode, extras: ProblemExtras = {}) {
    super(extras.detail ?? problems[code].title);
    this.code = code;
    this.status = problems[code].status;
    this.extras = extras;
  }
}

export function problemBody(code: ProblemCode, extras: ProblemExtras = {}, instance?: string) {
  const { status, title } = problems[code];
  return {
    type: problemType(code),
    title,
    status,
    code,
    ...(extras.detail !== undefined && { detail: extras.detail }),
    ...(instance !== undefined && { instance }),
    ...(extras.errors && { errors: extras.errors }),
    ...(extras.retryAfter !== undefined && { retryAfter: extras.retryAfter }),
  };
}

export function problemResponse(code: ProblemCode, extras: ProblemExtras = {}, instance?: string): Response {
  const headers = new Headers({ 'content-type': problemContentType });
  if (extras.retryAfter !== undefined) headers.set('retry-after', String(extras.retryAfter));
  return new Response(JSON.stringify(problemBody(code, extras, instance)), {
    status: problems[code].status,
    headers,
  });
}
