/** Responses as a Kith server sends them, for the in-browser servers of tests and stories. */

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers },
  });
}

/** An RFC 9457 problem with the protocol's `code` (`headers`: e.g. a `retry-after`). */
export function problem(
  code: string,
  status: number,
  detail?: string,
  headers?: Record<string, string>,
): Response {
  return json(
    { type: `urn:kith:problem:${code}`, title: code, status, code, ...(detail && { detail }) },
    status,
    headers,
  );
}
