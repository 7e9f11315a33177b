import { mastodonHost } from '../mastodon-host.js';
import { join, type Network, tcoLength, truncate } from '../util.js';

export const mastodon: Network = {
  name: 'Mastodon',
  build: ({ url, title, text }, { mastodonInstance }) => {
    // 500 characters; Mastodon counts a link as 23.
    const body = join(truncate(text ?? title ?? '', 500 - tcoLength - 1), url);
    const host = mastodonInstance ? mastodonHost(mastodonInstance) : undefined;
    return host
      ? `https://${host}/share?text=${encodeURIComponent(body)}`
      : `https://share.joinmastodon.org/?text=${encodeURIComponent(body)}`;
  },
};
