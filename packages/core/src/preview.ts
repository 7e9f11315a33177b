import type { Preview } from '@kith/protocol';
import type { KithClient } from './client.js';
import { siteJson } from './site-call.js';

/**
 * The HTML posting `markdown` would show, without posting it. Apart from `KithClient`, so pages
 * that only read never carry it.
 */
export function previewComment(
  client: KithClient,
  markdown: string,
  options: { signal?: AbortSignal } = {},
): Promise<Preview> {
  return siteJson(client, 'preview', 'post', { markdown }, options);
}
