import { e, type Network, truncate } from '../util.js';

export const pinterest: Network = {
  name: 'Pinterest',
  build: ({ url, title, text, image }) =>
    `https://www.pinterest.com/pin/create/button/?url=${e(url)}${image ? `&media=${e(image)}` : ''}&description=${e(truncate(text ?? title ?? '', 500))}`,
};
