import type { Network } from '../util.js';

export const email: Network = {
  name: 'Email',
  build: ({ url, title, text }) =>
    `mailto:?subject=${encodeURIComponent(title ?? '')}&body=${encodeURIComponent(text && text !== title ? `${text}\n${url}` : url)}`,
};
