import { css } from 'lit';

export const commentCountStyles = css`
  :host {
    display: inline;
    --_color: var(--kith-comment-count-color, inherit);
    --_font-size: var(--kith-comment-count-font-size, inherit);
    --_placeholder-width: var(--kith-comment-count-placeholder-width, 2ch);
  }
  [part='base'] {
    color: var(--_color);
    font-size: var(--_font-size);
  }
  .placeholder {
    display: inline-block;
    min-width: var(--_placeholder-width);
    color: var(--_muted);
  }
  [part='retry'] {
    font: inherit;
    font-size: 0.875em;
    color: var(--_accent);
    background: none;
    border: none;
    padding: 0 0.25em;
    margin-inline-start: 0.25em;
    cursor: pointer;
    text-decoration: underline;
    border-radius: var(--_radius);
  }
  .unavailable {
    color: var(--_muted);
  }
`;
