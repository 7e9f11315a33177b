import type { ReportRequest } from '@kith/protocol';
import { clientHttp, type KithClient, newIdempotencyKey } from './client.js';
import { toKithError } from './errors.js';
import { request } from './http.js';

/**
 * Reports someone else's comment to the site owner, as the client's signed-in reader (once per
 * reader and comment; again, it changes the reason). Reports never hide a comment by themselves:
 * the owner decides. Apart from `KithClient`, so pages that only read never carry it.
 */
export async function reportComment(
  client: KithClient,
  commentId: string,
  report: ReportRequest,
): Promise<void> {
  try {
    await request(clientHttp(client), `comments/${encodeURIComponent(commentId)}/reports`, {
      method: 'post',
      json: report,
      headers: { 'idempotency-key': newIdempotencyKey() },
    });
  } catch (error) {
    throw await toKithError(error);
  }
}
