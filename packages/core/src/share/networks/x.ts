import { type Network, tcoLength, truncate } from '../util.js';

export const x: Network = {
  name: 'X',
  build: ({ url, title, text, hashtags, via }) => {
    // 280 with the link counted as 23, plus the hashtags and "via @site" X appends.
    const tags = hashtags?.length ? hashtags.map((h) => ` #${h}`).join('').length : 0;
    const viaLength = via ? ` via @${via}`.length : 0;
    const room = 280 - tcoLength - 1 - tags - viaLength;
    const body = truncate(text ?? title ?? '', room);
    return `https://x.com/intent/tweet?text=${encodeURIComponent(body)}&url=${encodeURIComponent(url)}${hashtags?.length ? `&hashtags=${encodeURIComponent(hashtags.join(','))}` : ''}${via ? `&via=${encodeURIComponent(via)}` : ''}`;
  },
};
