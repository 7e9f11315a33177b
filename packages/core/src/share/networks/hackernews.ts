import { type Network, truncate } from '../util.js';

export const hackernews: Network = {
  name: 'Hacker News',
  // Hacker News titles are at most 80 characters.
  build: ({ url, title }) =>
    `https://news.ycombinator.com/submitlink?u=${encodeURIComponent(url)}&t=${encodeURIComponent(truncate(title ?? '', 80))}`,
};
