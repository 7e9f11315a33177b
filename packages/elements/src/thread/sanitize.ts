import { nothing } from 'lit';
import { Directive, directive, type ElementPart } from 'lit/directive.js';

// What a comment may contain: the server's own allowlist, enforced again here, less `class`
// (the server keeps `language-*` on code): nothing in the shadow root reads it, and the thread's
// own classes would let a body pass for something else.
const elements =
  'p br hr strong em del s code pre blockquote ul ol li a h1 h2 h3 h4 h5 h6 table thead tbody tr th td'.split(
    ' ',
  );
const attributes = ['href', 'start'];

const entities = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

type SanitizerConfig = { elements: string[]; attributes: string[] };
type SetHtml = (html: string, options: { sanitizer: unknown }) => void;

// One Sanitizer for every comment: building it from the config each time is the slow part.
let sanitizer: unknown;
const getSanitizer = () => {
  const Sanitizer = (globalThis as { Sanitizer?: new (config: SanitizerConfig) => unknown }).Sanitizer;
  sanitizer ??= Sanitizer ? new Sanitizer({ elements, attributes }) : { elements, attributes };
  return sanitizer;
};

// DOMPurify, once loaded: then set at once, as setHTML does, so a body never shows empty first.
let purify: typeof import('dompurify').default | undefined;
const loadPurify = async () => (purify ??= (await import('dompurify')).default);
// Where setHTML is missing, fetched with the comments rather than after them (in a browser: not
// where the module is imported to render on a server).
if (globalThis.document && !('setHTML' in Element.prototype)) loadPurify().catch(() => {});

/**
 * Puts comment HTML into `element`, sanitized in the browser whatever the server sent: with the
 * built-in HTML Sanitizer API (`setHTML`) where the browser has it, else with DOMPurify, loaded
 * only then. Links get `rel="nofollow ugc noopener noreferrer"`.
 */
export async function setSafeHtml(element: Element, html: string): Promise<void> {
  const setHTML = (element as Element & { setHTML?: SetHtml }).setHTML;
  let done = false;
  if (typeof setHTML === 'function') {
    try {
      setHTML.call(element, html, { sanitizer: getSanitizer() });
      done = true;
    } catch {
      // An older form of the API: use DOMPurify below.
    }
  }
  if (!done) {
    try {
      // Trusted HTML (DOMPurify's own policy) where the page enforces Trusted Types.
      element.innerHTML = (purify ?? (await loadPurify())).sanitize(html, {
        ALLOWED_TAGS: elements,
        ALLOWED_ATTR: attributes,
        ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
        RETURN_TRUSTED_TYPE: true,
      }) as unknown as string;
    } catch {
      // Without DOMPurify (offline, say, or a page whose Trusted Types policy forbids it), the
      // comment's text alone, set as text: still readable, and safe. No parser: under Trusted
      // Types one would need a policy too. Servers escape only these in text.
      element.textContent = html
        .replace(/<[^>]*>/g, '')
        .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: keyof typeof entities) => entities[name]);
    }
  }
  for (const link of element.querySelectorAll('a')) {
    if (!/^(https?:|mailto:)/i.test(link.getAttribute('href') ?? '')) link.removeAttribute('href');
    link.rel = 'nofollow ugc noopener noreferrer';
  }
}

// An element directive (`<div ${safeHtml(html)}>`), used only inside this package, so it spends
// no bytes checking where it is put.
class SafeHtml extends Directive {
  #html: string | undefined;

  render(_html: string) {
    return nothing;
  }

  override update(part: ElementPart, [html]: [string]) {
    if (html !== this.#html) {
      this.#html = html;
      void setSafeHtml(part.element, html);
    }
    return nothing;
  }
}

/** `<div ${safeHtml(comment.html)}></div>`: the HTML, sanitized in the browser (see setSafeHtml). */
export const safeHtml = directive(SafeHtml);
