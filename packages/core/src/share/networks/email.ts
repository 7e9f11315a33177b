import { e, type Network } from '../util.js';

export const email: Network = {
  name: 'Email',
  build: ({ url, title, text }) =>
    `mailto:?subject=${e(title ?? '')}&body=${e(text && text !== title ? `${text}\n${url}` : url)}`,
};
