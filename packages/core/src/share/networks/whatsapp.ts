import { join, type Network } from '../util.js';

export const whatsapp: Network = {
  name: 'WhatsApp',
  build: ({ url, title, text }) => `https://wa.me/?text=${encodeURIComponent(join(text ?? title, url))}`,
};
