import { Parser } from 'htmlparser2';

/** An element of a record: its name as written (`wp:comment_id`), attributes, children and text. */
export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  /** The element's own text and CDATA, entities decoded. */
  text: string;
}

/** The first child named `name`. */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}

/** The trimmed text of the first child named `name` ('' when there is none). */
export function childText(node: XmlNode | undefined, name: string): string {
  return child(node, name)?.text.trim() ?? '';
}

/**
 * Reads an XML export as a stream and hands over each `record` element (a Disqus `<post>`, a
 * WordPress `<item>`) as a small tree, so a file of any size is read without holding it whole.
 * The document must be a `root` element closed at its end (a file cut short is refused whole).
 * Elements outside records are skipped; a record inside a record is part of the outer one. Give
 * it text (a stream opened with an encoding), so no character is split between chunks.
 */
export async function readRecords(
  chunks: AsyncIterable<string>,
  root: string,
  records: ReadonlySet<string>,
  onRecord: (node: XmlNode) => void,
): Promise<void> {
  const open: XmlNode[] = [];
  let failure: Error | undefined;
  let seenRoot = false;
  let ended = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (!seenRoot) {
          seenRoot = true;
          if (name !== root) failure ??= new Error(`expected a <${root}> document, found <${name}>`);
        }
        if (open.length === 0 && !records.has(name)) return;
        const node: XmlNode = { name, attributes, children: [], text: '' };
        open.at(-1)?.children.push(node);
        open.push(node);
      },
      ontext(text) {
        const node = open.at(-1);
        if (node) node.text += text;
      },
      onclosetag(name, implied) {
        // Elements still open at the end are closed for the writer: the file was cut short.
        if (ended && implied) failure ??= new Error(`the file ends inside <${name}>: is it complete?`);
        const node = open.pop();
        if (node && open.length === 0) onRecord(node);
      },
      onerror(error) {
        failure ??= error;
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeCDATA: true },
  );
  for await (const chunk of chunks) {
    parser.write(chunk);
    if (failure) throw failure;
  }
  ended = true;
  parser.end();
  if (!seenRoot) failure ??= new Error(`expected a <${root}> document, found no XML`);
  if (failure) throw failure;
}
