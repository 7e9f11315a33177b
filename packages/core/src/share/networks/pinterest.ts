import { type Network, truncate } from '../util.js';

export const pinterest: Network = {
  name: 'Pinterest',
  build: ({ url, title, text, image }) =>
    `https://www.pinterest.com/pin/create/button/?url=${encodeURIComponent(url)}${image ? `&media=${encodeURIComponent(image)}` : ''}&description=${encodeURIComponent(truncate(text ?? title ?? '', 500))}`,
};
