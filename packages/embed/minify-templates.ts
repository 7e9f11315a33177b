import type { Plugin } from 'vite';

/**
 * Minifies the text of Lit's tagged templates in the elements' code, which a JS minifier leaves
 * alone: in html`` and svg``, whitespace runs that hold a line break become one space (HTML
 * collapses them anyway; the templates hold no <pre>); in css``, comments go and whitespace
 * collapses. Expressions inside `${…}` are left as they are.
 */
export function minifyTemplates(): Plugin {
  return {
    name: 'kith-minify-templates',
    transform(code, id) {
      if (!/[/\\]elements[/\\]dist[/\\].*\.js$/.test(id) || !/\b(html|svg|css)\s*`/.test(code)) return null;
      return { code: minify(code), map: null };
    },
  };
}

export function minify(code: string): string {
  let out = '';
  let i = 0;
  const tag = /\b(html|svg|css)\s*`/g; // tsc writes `html ``
  for (let m = tag.exec(code); m; m = tag.exec(code)) {
    if (m.index < i) continue; // inside a template already handled
    out += code.slice(i, m.index + m[0].length);
    const end = scanTemplate(code, m.index + m[0].length, (text) => squeeze(text, m![1] === 'css'));
    out += end.text;
    i = end.index;
    tag.lastIndex = i;
  }
  return out + code.slice(i);
}

function squeeze(text: string, css: boolean): string {
  if (css) {
    // An attribute selector's value needs no quotes when it is an identifier ([part=body]);
    // other quoted strings (`content`) are kept as they are.
    return text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/=(['"])(-?[A-Za-z_][\w-]*)\1\]/g, '=$2]')
      .split(/('[^']*'|"[^"]*")/)
      .map((part, i) => (i % 2 ? part : squeezeCss(part)))
      .join('');
  }
  // A static attribute value that is one token needs no quotes (part=body): HTML reads it the same.
  return text.replace(/\s*\n\s*/g, ' ').replace(/(\s[\w-]+)="([\w-]+)"(?=[\s>])/g, '$1=$2');
}

/**
 * Whitespace collapses; none is needed around braces, `;`, `,`, `>` or after `:` (`calc()`'s
 * `+` and `-` keep theirs); the last `;` of a block and a number's leading zero go.
 */
function squeezeCss(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/;}/g, '}')
    .replace(/([\s:(,-])0\.(\d)/g, '$1.$2');
}

/** Reads a template literal's body from `start` (after the backtick); text parts go through `edit`. */
function scanTemplate(
  code: string,
  start: number,
  edit: (text: string) => string,
): { text: string; index: number } {
  let out = '';
  let text = '';
  let i = start;
  while (i < code.length) {
    const ch = code[i]!;
    if (ch === '\\') {
      text += code.slice(i, i + 2);
      i += 2;
    } else if (ch === '`') {
      return { text: `${out + edit(text)}\``, index: i + 1 };
    } else if (ch === '$' && code[i + 1] === '{') {
      out += `${edit(text)}\${`;
      text = '';
      const expression = scanExpression(code, i + 2);
      out += expression.text;
      i = expression.index;
    } else {
      text += ch;
      i += 1;
    }
  }
  throw new Error('unterminated template literal');
}

/** Copies a `${…}` expression up to and including its closing brace, minifying nested templates. */
function scanExpression(code: string, start: number): { text: string; index: number } {
  let depth = 0;
  let i = start;
  let out = '';
  while (i < code.length) {
    const ch = code[i]!;
    if (ch === "'" || ch === '"') {
      let j = i + 1;
      while (j < code.length && code[j] !== ch) j += code[j] === '\\' ? 2 : 1;
      out += code.slice(i, j + 1);
      i = j + 1;
    } else if (ch === '`') {
      const tagged = /\b(html|svg|css)\s*$/.exec(out);
      const inner = scanTemplate(code, i + 1, tagged ? (t) => squeeze(t, tagged[1] === 'css') : (t) => t);
      out += `\`${inner.text}`;
      i = inner.index;
    } else if (ch === '{') {
      depth += 1;
      out += ch;
      i += 1;
    } else if (ch === '}') {
      if (depth === 0) return { text: `${out}}`, index: i + 1 };
      depth -= 1;
      out += ch;
      i += 1;
    } else {
      out += ch;
      i += 1;
    }
  }
  throw new Error('unterminated template expression');
}
