import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// Raw HTML off: whatever a commenter types as tags is shown as text.
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });
// No images: a comment must not make readers' browsers request third-party hosts. An image is a
// link to it instead, named by its alt text (else its address), with no stray "!" before it.
md.renderer.rules.image = (tokens, index, options, env, renderer) => {
  const image = tokens[index]!;
  const src = String(image.attrGet('src') ?? '');
  const alt = renderer.renderInlineAsText(image.children ?? [], options, env);
  return `<a href="${md.utils.escapeHtml(src)}">${md.utils.escapeHtml(alt || src)}</a>`;
};

const allowedSchemes = ['http', 'https', 'mailto'];

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'strong',
    'em',
    'del',
    's',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: {
    a: ['href', 'rel'],
    ol: ['start'],
    th: ['style'],
    td: ['style'],
    code: ['class'],
  },
  allowedClasses: { code: [/^language-[\w-]+$/] },
  allowedStyles: {
    th: { 'text-align': [/^(left|right|center)$/] },
    td: { 'text-align': [/^(left|right|center)$/] },
  },
  allowedSchemes,
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  transformTags: {
    // Comment links are user content: no ranking credit, no window.opener, no referrer leak.
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow ugc noopener noreferrer' }),
  },
};

/** Markdown in, sanitized HTML out. Done once, at write time; reads serve the stored result. */
export function renderMarkdown(markdown: string): string {
  return sanitizeHtml(md.render(markdown), sanitizeOptions).trim();
}
