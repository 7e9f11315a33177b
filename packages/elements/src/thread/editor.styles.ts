import { css } from 'lit';

/**
 * The styles of what writing shows (the editor, comments on their way, who the reader comments
 * as), added to the thread's shadow root with the editor chunk: a reader who only reads never
 * downloads them.
 */
export const editorStyles = css`
  [part~='comment-sending'] {
    border: 1px dashed var(--_border);
  }
  .plain {
    white-space: pre-wrap;
  }
  .signed-in {
    margin: 0 0 var(--_space);
    color: var(--_muted);
    font-size: 0.875em;
  }
  [part='editor'] {
    display: grid;
    gap: var(--_space);
    margin-block: var(--_space);
  }
  [part='editor'] .guest {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  [part='editor'] label {
    display: grid;
    flex: 1 1 12rem;
    gap: 0.2em;
    font-size: 0.875em;
  }
  [part='editor'] input,
  [part='editor'] textarea {
    box-sizing: border-box;
    width: 100%;
    padding: 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }
  [part='editor'] textarea {
    min-height: 6em;
    resize: vertical;
  }
  [part='editor'] .tabs,
  [part='editor'] .buttons {
    display: flex;
    gap: 0.375rem;
  }
  [part='editor'] .buttons {
    justify-content: flex-end;
  }
  [part='editor'] .tabs button,
  [part='editor'] .buttons button {
    padding: 0.3em 0.9em;
  }
  [part='editor'] .tabs [aria-pressed='true'] {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 14%, var(--_surface));
  }
  [part='editor'] .buttons .primary {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_accent-text);
  }
  [part='editor'] .preview {
    min-height: 6em;
    padding: 0.5em;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }
  [part='editor'] .hint,
  [part='editor'] .left {
    margin: 0;
    color: var(--_muted);
    font-size: 0.8em;
  }
  [part='editor'] .over,
  [part='editor'] .error {
    margin: 0;
    color: var(--_danger);
  }
`;

/** Adds `editorStyles` to the thread's shadow root, once. */
export function adoptEditorStyles(root: ShadowRoot | null): void {
  if (root && !root.adoptedStyleSheets.includes(editorStyles.styleSheet!)) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, editorStyles.styleSheet!];
  }
}
