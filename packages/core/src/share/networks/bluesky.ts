import { graphemes, join, type Network, truncate } from '../util.js';

export const bluesky: Network = {
  name: 'Bluesky',
  build: ({ url, title, text }) => {
    // 300 graphemes, the link counted in full.
    const room = 300 - graphemes(url).length - 1;
    return `https://bsky.app/intent/compose?text=${encodeURIComponent(join(truncate(text ?? title ?? '', room), url))}`;
  },
};
