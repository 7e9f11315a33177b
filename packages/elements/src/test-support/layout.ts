/**
 * Where `chars` are drawn inside `container` (the first text node holding them): for tests of
 * what the reader sees, such as the order right-to-left and left-to-right text ends up in.
 */
export function drawnAt(container: Node, chars: string): DOMRect {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent!.indexOf(chars);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + chars.length);
    return range.getBoundingClientRect();
  }
  throw new Error(`"${chars}" is nowhere in ${container.textContent}`);
}
