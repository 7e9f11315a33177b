import { nothing } from 'lit';
import { Directive, directive, type ElementPart } from 'lit/directive.js';

// Lit's `live`, for a text field's value alone: `live` checks every kind of binding, and its table
// of them would ride in the thread's chunk (which shares lit/directive.js with the editor's).
class FieldValue extends Directive {
  render(_value: string) {
    return nothing;
  }

  override update(part: ElementPart, [value]: [string]) {
    const field = part.element as HTMLTextAreaElement;
    // Checked against what the field holds, so what the reader typed is replaced only by a change.
    if (field.value !== value) field.value = value;
    return nothing;
  }
}

/** `<textarea ${fieldValue(text)}>`: the field shows `text`, even after the reader typed in it. */
export const fieldValue = directive(FieldValue);
