import type { Network } from '../util.js';

export const linkedin: Network = {
  name: 'LinkedIn',
  build: ({ url }) => `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(url)}`,
};
