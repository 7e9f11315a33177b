// XML 1.0 takes no control characters but tab and newlines, nor lone surrogates or U+FFFE/U+FFFF.
const notXml =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text for an XML document (the Atom feeds, the WordPress export): escaped, what XML cannot hold taken out. */
export function xml(text: string): string {
  return text.replace(notXml, '').replace(/[&<>"']/g, (c) => entities[c]!);
}

/** Character data as WordPress writes it; a `]]>` inside is split across two sections. */
export function cdata(text: string): string {
  return `<![CDATA[${text.replace(notXml, '').replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}
