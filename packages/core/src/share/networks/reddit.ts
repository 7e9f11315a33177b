import { e, type Network, truncate } from '../util.js';

export const reddit: Network = {
  name: 'Reddit',
  build: ({ url, title }) =>
    `https://www.reddit.com/submit?url=${e(url)}&title=${e(truncate(title ?? '', 300))}`,
};
