import { html, type TemplateResult } from 'lit';

/**
 * A sentence of the element's own with a name a reader wrote in it, the name in `<bdi>`: a
 * right-to-left name in a left-to-right sentence no longer takes the numbers after it along
 * ("نور +2 guests" showed as "2+ نور guests"), nor the other way round. `sentence` is the string
 * that takes the name (a translation's term).
 *
 * A module of its own, kept out of the base every element loads. The thread's reading view has one
 * sentence with a name, "Replying to @name", which ends with it: nothing after it to take along.
 */
export function withName(sentence: (name: string) => string, name: string): TemplateResult {
  const [before, after] = sentence('\0').split('\0');
  return html`${before}<bdi>${name}</bdi>${after}`;
}
