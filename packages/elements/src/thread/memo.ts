import { noChange, type Part } from 'lit';
import { Directive, directive } from 'lit/directive.js';

// Lit's `guard` for a list of values alone: `guard` also takes a single value, and copies the list.
class Memo extends Directive {
  #values: unknown[] | undefined;

  render(_values: unknown[], draw: () => unknown) {
    return draw();
  }

  override update(_part: Part, [values, draw]: [unknown[], () => unknown]) {
    if (this.#values?.every((value, i) => value === values[i])) return noChange;
    this.#values = values;
    return draw();
  }
}

/**
 * `${memo([a, b], () => html`…`)}`: draws again only when one of the values changed (compared
 * with `===`). Pass a new list each time, the same values in the same places.
 */
export const memo = directive(Memo);
