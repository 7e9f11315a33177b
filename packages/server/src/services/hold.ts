import type { SiteSettings } from './sites.js';

/** How many links a rendered comment shows, counting `www.` addresses left as text (still a payload). */
export function countLinks(html: string): number {
  const anchors = html.match(/<a\s/g)?.length ?? 0;
  const text = html.replace(/<a\s[^>]*>[\s\S]*?<\/a>/g, ' ');
  return anchors + (text.match(/(?<![\w.-])www\.[\w-]/gi)?.length ?? 0);
}

// Compatibility forms folded (full-width letters, ligatures) and case ignored, so "ＣＡＳＩＮＯ"
// is "casino"; whole words only, so a listed "ass" never holds "class".
const fold = (text: string) => text.normalize('NFKC').toLowerCase();
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const patterns = new WeakMap<string[], RegExp | null>();

function wordPattern(words: string[]): RegExp | null {
  let pattern = patterns.get(words);
  if (pattern === undefined) {
    const alternatives = words
      .map((w) => fold(w.trim()).split(/\s+/).map(escapeRegExp).join('\\s+'))
      .filter(Boolean);
    pattern = alternatives.length
      ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'u')
      : null;
    patterns.set(words, pattern);
  }
  return pattern;
}

/**
 * Why the site's hold rules keep a comment for approval whatever its moderation mode (too many
 * links, a listed word in its text or its author's name), or null when they do not.
 */
export function holdReason(
  settings: Pick<SiteSettings, 'holdLinks' | 'holdWords'>,
  comment: { markdown: string; html: string; authorName: string },
): string | null {
  if (settings.holdLinks > 0 && countLinks(comment.html) >= settings.holdLinks) {
    return `This site holds comments with ${settings.holdLinks} or more links for approval.`;
  }
  const pattern = wordPattern(settings.holdWords);
  if (pattern && (pattern.test(fold(comment.markdown)) || pattern.test(fold(comment.authorName)))) {
    return 'This site holds comments with some words for approval.';
  }
  return null;
}
