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
export const tcoLength = 23;

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

export interface Network {
  /** The brand name, as the networks write it. */
  name: string;
  build(data: Required<Pick<ShareData, 'url'>> & ShareData, options: ShareOptions): string;
}

export const join = (...parts: (string | undefined)[]) => parts.filter((p) => p).join(' ');
