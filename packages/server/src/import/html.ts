import TurndownService from 'turndown';

const turndown = new TurndownService({
  headingStyle: 'atx',
  codeBlockStyle: 'fenced',
  bulletListMarker: '-',
  emDelimiter: '*',
});
// Never text in a comment: dropped with their content rather than shown as words.
turndown.remove(['script', 'style', 'iframe', 'object', 'embed', 'noscript', 'template']);

const block = /<(p|div|br|blockquote|pre|ul|ol|li|h[1-6]|table)\b/i;

/**
 * A comment's HTML from another system as Markdown, Kith's source format. The server then renders
 * and sanitizes it like any new comment, so an imported comment can hold nothing a reader could
 * not have written. Text without block markup (WordPress stores comments so, and adds paragraphs
 * when it shows them) keeps its paragraphs and line breaks.
 */
export function htmlToMarkdown(html: string): string {
  const source = block.test(html)
    ? html
    : html
        .replace(/\r\n?/g, '\n')
        .trim()
        .split(/\n\s*\n/)
        .map((paragraph) => `<p>${paragraph.replace(/\n/g, '<br>')}</p>`)
        .join('');
  return turndown.turndown(source).trim();
}

/**
 * A comment kept as Markdown (Artalk, Waline) as Kith's source text. Comments those systems took
 * over from Valine are HTML (Valine stored what it rendered), and are turned into Markdown; a
 * comment that opens with a block of HTML is taken for one of those.
 */
export function markdownOrHtml(text: string): string {
  return /^\s*<(p|div|pre|blockquote|ul|ol|h[1-6])[\s>]/i.test(text)
    ? htmlToMarkdown(text)
    : text.replace(/\r\n?/g, '\n').trim();
}
