/**
 * Share links for every network (see util.ts). Import `@kith/core/share/networks/<name>.js` for
 * one network alone, to keep a bundle to what it uses.
 */

import { bluesky } from './networks/bluesky.js';
import { email } from './networks/email.js';
import { facebook } from './networks/facebook.js';
import { hackernews } from './networks/hackernews.js';
import { linkedin } from './networks/linkedin.js';
import { mastodon } from './networks/mastodon.js';
import { pinterest } from './networks/pinterest.js';
import { reddit } from './networks/reddit.js';
import { telegram } from './networks/telegram.js';
import { threads } from './networks/threads.js';
import { whatsapp } from './networks/whatsapp.js';
import { x } from './networks/x.js';
import { type Network, type ShareData, type ShareNetwork, type ShareOptions, withUtm } from './util.js';

export { mastodonHost } from './mastodon-host.js';
export * from './util.js';

/** Every network, by id. Import single networks by name to keep a bundle to what it uses. */
export const shareNetworks: Record<ShareNetwork, Network> = {
  facebook,
  x,
  reddit,
  linkedin,
  mastodon,
  bluesky,
  threads,
  whatsapp,
  telegram,
  hackernews,
  pinterest,
  email,
};

/** The share link for one network. */
export function shareUrl(network: ShareNetwork, data: ShareData, options: ShareOptions = {}): string {
  const spec = shareNetworks[network];
  if (!spec) throw new TypeError(`Unknown share network "${network}"`);
  const url = options.utm ? withUtm(data.url, network, options.utm) : data.url;
  return spec.build({ ...data, url }, options);
}

export const allShareNetworks = Object.keys(shareNetworks) as ShareNetwork[];
