import type { Network } from '../util.js';

export const facebook: Network = {
  name: 'Facebook',
  build: ({ url, hashtags }) =>
    `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}${hashtags?.[0] ? `&hashtag=${encodeURIComponent(`#${hashtags[0]}`)}` : ''}`,
};
