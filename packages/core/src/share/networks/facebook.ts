import { e, type Network } from '../util.js';

export const facebook: Network = {
  name: 'Facebook',
  build: ({ url, hashtags }) =>
    `https://www.facebook.com/sharer/sharer.php?u=${e(url)}${hashtags?.[0] ? `&hashtag=${e(`#${hashtags[0]}`)}` : ''}`,
};
