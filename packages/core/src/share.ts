/**
 * Share links for every network people share on today, usable on their own: no DOM, no network,
 * no dependencies (`import { shareUrl } from '@kith/core/share'`). Every value is encoded with
 * encodeURIComponent, so a `#fragment` in the shared URL survives (Mastodon drops it otherwise)
 * and `&`, `%`, emoji and right-to-left text arrive as written. Text is shortened to each
 * network's limit by grapheme, never cutting the link.
 */
export type ShareNetwork =
  | 'facebook'
  | 'x'
  | 'reddit'
  | 'linkedin'
  | 'mastodon'
  | 'bluesky'
  | 'threads'
  | 'whatsapp'
  | 'telegram'
  | 'hackernews'
  | 'pinterest'
  | 'email';

export interface ShareData {
  /** The page to share (absolute URL). */
  url: string;
  /** Its title: the headline networks show. */
  title?: string | undefined;
  /** A longer text, where the network has room for one (defaults to the title). */
  text?: string | undefined;
  /** An image URL (Pinterest needs one). */
  image?: string | undefined;
  /** Hashtags without `#` (X takes several, Facebook one). */
  hashtags?: string[] | undefined;
  /** The site's X account, without `@`. */
  via?: string | undefined;
}

export interface ShareOptions {
  /** The reader's Mastodon server (host name); without it, the Mastodon share hub. */
  mastodonInstance?: string | undefined;
  /** Campaign parameters added to the shared URL; `utm_source` is the network. */
  utm?: { medium?: string; campaign?: string } | undefined;
}

/** X counts every link as 23 characters (t.co). */
const tcoLength = 23;

const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter() : undefined;

/** Characters as people see them: an emoji with modifiers or a flag is one. */
export function graphemes(text: string): string[] {
  return segmenter ? Array.from(segmenter.segment(text), (s) => s.segment) : Array.from(text);
}

/** Shortens `text` to at most `max` graphemes, ending with "…" when cut. */
export function truncate(text: string, max: number): string {
  if (max <= 0) return '';
  const parts = graphemes(text);
  if (parts.length <= max) return text;
  return `${parts
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}

const e = encodeURIComponent;

/** `url` with utm parameters, keeping its existing query and fragment. */
export function withUtm(url: string, source: string, utm: NonNullable<ShareOptions['utm']>): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  parsed.searchParams.set('utm_source', source);
  parsed.searchParams.set('utm_medium', utm.medium ?? 'social');
  if (utm.campaign) parsed.searchParams.set('utm_campaign', utm.campaign);
  return parsed.toString();
}

/**
 * A Mastodon server's host name from what a reader typed (`mastodon.social`,
 * `https://mastodon.social/`, `@me@mastodon.social`), or undefined when it is not a plausible host.
 */
export function mastodonHost(input: string): string | undefined {
  let value = input.trim().toLowerCase();
  const handle = /^@?[a-z0-9_.]+@([^@\s]+)$/.exec(value);
  if (handle) value = handle[1]!;
  value = value.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  if (!/^[^\s/:?#@\\]+$/.test(value)) return undefined;
  let host: string;
  try {
    host = new URL(`https://${value}`).hostname;
  } catch {
    return undefined;
  }
  const label = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
  const labels = host.split('.');
  if (labels.length < 2 || !labels.every((l) => label.test(l) || /^xn--/.test(l))) return undefined;
  if (!/^[a-z]{2,63}$|^xn--/.test(labels.at(-1)!)) return undefined;
  return host;
}

interface Network {
  /** The brand name, as the networks write it. */
  name: string;
  build(data: Required<Pick<ShareData, 'url'>> & ShareData, options: ShareOptions): string;
}

const join = (...parts: (string | undefined)[]) => parts.filter((p) => p).join(' ');

export const shareNetworks: Record<ShareNetwork, Network> = {
  facebook: {
    name: 'Facebook',
    build: ({ url, hashtags }) =>
      `https://www.facebook.com/sharer/sharer.php?u=${e(url)}${hashtags?.[0] ? `&hashtag=${e(`#${hashtags[0]}`)}` : ''}`,
  },
  x: {
    name: 'X',
    build: ({ url, title, text, hashtags, via }) => {
      // 280 with the link counted as 23, plus the hashtags and "via @site" X appends.
      const tags = hashtags?.length ? hashtags.map((h) => ` #${h}`).join('').length : 0;
      const viaLength = via ? ` via @${via}`.length : 0;
      const room = 280 - tcoLength - 1 - tags - viaLength;
      const body = truncate(text ?? title ?? '', room);
      return `https://x.com/intent/tweet?text=${e(body)}&url=${e(url)}${hashtags?.length ? `&hashtags=${e(hashtags.join(','))}` : ''}${via ? `&via=${e(via)}` : ''}`;
    },
  },
  reddit: {
    name: 'Reddit',
    build: ({ url, title }) =>
      `https://www.reddit.com/submit?url=${e(url)}&title=${e(truncate(title ?? '', 300))}`,
  },
  linkedin: {
    name: 'LinkedIn',
    build: ({ url }) => `https://www.linkedin.com/sharing/share-offsite/?url=${e(url)}`,
  },
  mastodon: {
    name: 'Mastodon',
    build: ({ url, title, text }, { mastodonInstance }) => {
      // 500 characters; Mastodon counts a link as 23.
      const body = join(truncate(text ?? title ?? '', 500 - tcoLength - 1), url);
      const host = mastodonInstance ? mastodonHost(mastodonInstance) : undefined;
      return host
        ? `https://${host}/share?text=${e(body)}`
        : `https://share.joinmastodon.org/?text=${e(body)}`;
    },
  },
  bluesky: {
    name: 'Bluesky',
    build: ({ url, title, text }) => {
      // 300 graphemes, the link counted in full.
      const room = 300 - graphemes(url).length - 1;
      return `https://bsky.app/intent/compose?text=${e(join(truncate(text ?? title ?? '', room), url))}`;
    },
  },
  threads: {
    name: 'Threads',
    build: ({ url, title, text }) =>
      `https://www.threads.com/intent/post?text=${e(truncate(text ?? title ?? '', 500 - graphemes(url).length - 1))}&url=${e(url)}`,
  },
  whatsapp: {
    name: 'WhatsApp',
    build: ({ url, title, text }) => `https://wa.me/?text=${e(join(text ?? title, url))}`,
  },
  telegram: {
    name: 'Telegram',
    build: ({ url, title, text }) => `https://t.me/share/url?url=${e(url)}&text=${e(text ?? title ?? '')}`,
  },
  hackernews: {
    name: 'Hacker News',
    // Hacker News titles are at most 80 characters.
    build: ({ url, title }) =>
      `https://news.ycombinator.com/submitlink?u=${e(url)}&t=${e(truncate(title ?? '', 80))}`,
  },
  pinterest: {
    name: 'Pinterest',
    build: ({ url, title, text, image }) =>
      `https://www.pinterest.com/pin/create/button/?url=${e(url)}${image ? `&media=${e(image)}` : ''}&description=${e(truncate(text ?? title ?? '', 500))}`,
  },
  email: {
    name: 'Email',
    build: ({ url, title, text }) =>
      `mailto:?subject=${e(title ?? '')}&body=${e(text && text !== title ? `${text}\n${url}` : url)}`,
  },
};

/** The share link for one network. */
export function shareUrl(network: ShareNetwork, data: ShareData, options: ShareOptions = {}): string {
  const spec = shareNetworks[network];
  if (!spec) throw new TypeError(`Unknown share network "${network}"`);
  const url = options.utm ? withUtm(data.url, network, options.utm) : data.url;
  return spec.build({ ...data, url }, options);
}

export const allShareNetworks = Object.keys(shareNetworks) as ShareNetwork[];
