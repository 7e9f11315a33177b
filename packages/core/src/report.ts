import type { ReportRequest } from '@kith/protocol';
import type { KithClient } from './client.js';
import { siteCall } from './site-call.js';

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
  await siteCall(client, `comments/${encodeURIComponent(commentId)}/reports`, 'post', report);
}
