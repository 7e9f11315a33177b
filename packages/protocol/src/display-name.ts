/**
 * What a name shown next to comments may hold, and what counts as text that shows: shared by
 * clients and servers so both agree.
 */

/**
 * Never in a name: controls (C0, DEL, C1), which nobody types, and the bidi embeddings, overrides
 * and isolates, which turn the text after them around: U+202E before "Bob" shows "boB", and can
 * turn the time beside it too. Names in right-to-left scripts need none of them.
 */
const unseen = '\\u0000-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069';

/** What shows nothing: spaces, format characters and the blank fillers (Hangul, braille). */
const blank =
  '\\s\\u00AD\\u034F\\u115F\\u1160\\u17B4\\u17B5\\u180E\\u200B-\\u200F\\u2060-\\u2064\\u2800\\u3164\\uFEFF\\uFFA0';

/** A display name, as a JSON Schema `pattern`: one character that shows at least, none unseen. */
export const displayNamePattern = `^(?=[\\s\\S]*[^${blank}${unseen}])[^${unseen}]*$`;

const shows = new RegExp(`[^${blank}${unseen}]`);
const unseenAll = new RegExp(`[${unseen}]`, 'g');

/** Whether `text` has a character that shows: a comment or a name of blanks alone is empty. */
export function hasVisibleText(text: string): boolean {
  return shows.test(text);
}

/**
 * A name as a reader typed or pasted it, made fit to send: the characters no name holds taken
 * out and the spaces around it trimmed; '' when nothing that shows is left.
 */
export function cleanDisplayName(name: string): string {
  const cleaned = name.replace(unseenAll, '').trim();
  return hasVisibleText(cleaned) ? cleaned : '';
}
