import { type Network, truncate } from '../util.js';

export const reddit: Network = {
  name: 'Reddit',
  build: ({ url, title }) =>
    `https://www.reddit.com/submit?url=${encodeURIComponent(url)}&title=${encodeURIComponent(truncate(title ?? '', 300))}`,
};
