import { graphemes, type Network, truncate } from '../util.js';

export const threads: Network = {
  name: 'Threads',
  build: ({ url, title, text }) =>
    `https://www.threads.com/intent/post?text=${encodeURIComponent(truncate(text ?? title ?? '', 500 - graphemes(url).length - 1))}&url=${encodeURIComponent(url)}`,
};
