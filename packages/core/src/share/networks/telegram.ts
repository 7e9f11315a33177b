import type { Network } from '../util.js';

export const telegram: Network = {
  name: 'Telegram',
  build: ({ url, title, text }) =>
    `https://t.me/share/url?url=${encodeURIComponent(url)}&text=${encodeURIComponent(text ?? title ?? '')}`,
};
