import { css } from 'lit';

export const threadStyles = css`
  :host {
    display: block;
    --_gap: var(--kith-thread-gap, 1rem);
    --_indent: var(--kith-thread-indent, 1.5rem);
    --_avatar: var(--kith-thread-avatar-size, 2rem);
    --_highlight: var(--kith-thread-highlight, color-mix(in srgb, var(--_accent) 12%, transparent));
    color: var(--_text);
    /* The surrounding text's size: a page whose root is 10px (html { font-size: 62.5% }, as many
       themes have) would otherwise get 10px comments under its 16px article. */
    font-size: var(--kith-thread-font-size, 1em);
    line-height: 1.5;
    /* A name or link with no place to break wraps rather than widening the page past a phone's. */
    overflow-wrap: anywhere;
  }
  [part='header'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    margin-bottom: var(--_gap);
  }
  [part='heading'] {
    margin: 0;
    font-size: 1.25em;
  }
  [part='sort'] {
    display: flex;
    gap: 0.25rem;
  }
  /* Every button here, the editor's included. */
  button {
    padding: 0.25em 0.7em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  [aria-pressed='true'] {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 14%, var(--_surface));
  }
  button:disabled {
    cursor: default;
    opacity: 0.6;
  }
  [part='write'] {
    display: block;
    margin-bottom: var(--_gap);
    width: 100%;
    padding: 0.75em;
    text-align: start;
    color: var(--_muted);
  }
  [part='incoming'] {
    display: block;
    margin: var(--_gap) auto;
    border-color: var(--_accent);
    color: var(--_accent);
  }
  [part='more'] {
    margin-top: var(--_space);
  }
  ol {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part='list'] > li + li {
    margin-top: var(--_gap);
  }
  [part~='comment'] {
    padding: var(--_space);
    border-radius: var(--_radius);
    scroll-margin: 4rem;
  }
  [part~='comment-focused'] {
    background: var(--_highlight);
  }
  [part~='comment-pending'] {
    border: 1px dashed var(--_border);
  }
  [part='comment-header'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  [part='avatar'] {
    display: inline-grid;
    place-items: center;
    width: var(--_avatar);
    height: var(--_avatar);
    border-radius: 50%;
    object-fit: cover;
    background: hsl(var(--_hue, 210) 50% 30%); /* white text passes AA on every hue */
    color: #fff;
    font-size: calc(var(--_avatar) * 0.4);
    font-weight: 600;
  }
  [part='author'] {
    font-weight: 600;
  }
  [part='time'] {
    position: relative;
    color: var(--_muted);
    font-size: 0.875em;
  }
  /* The exact time, also for keyboard readers (a title shows on hover only). */
  [part='time']:focus-visible::after {
    content: attr(data-exact);
    position: absolute;
    inset-block-start: 100%;
    inset-inline-start: 0;
    z-index: 1;
    padding: 0.2em 0.5em;
    white-space: nowrap;
    border-radius: var(--_radius);
    background: var(--_text);
    color: var(--_surface);
  }
  [part='edited'],
  [part='status'],
  [part='replying-to'] {
    color: var(--_muted);
    font-size: 0.875em;
  }
  [part='status'],
  [part='replying-to'] {
    margin: 0.25em 0 0;
  }
  [part='body'] pre {
    overflow-x: auto;
    padding: 0.5em;
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_text) 6%, transparent);
  }
  [part='body'] a {
    color: var(--_accent);
  }
  [part='body'] blockquote {
    margin-inline: 0;
    padding-inline-start: 0.75em;
    border-inline-start: 3px solid var(--_border);
    color: var(--_muted);
  }
  .deleted {
    white-space: pre-wrap;
    color: var(--_muted);
    font-style: italic;
  }
  [part='actions'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.375rem;
    font-size: 0.875em;
  }
  [part='action'],
  [part='reaction'] {
    padding: 0.1em 0.6em;
  }
  [part='reaction'] {
    display: inline-flex;
    gap: 0.3em;
    border-radius: 999px;
  }
  [part='replies'] {
    margin-top: var(--_space);
    padding-inline-start: var(--_indent);
    border-inline-start: 2px solid var(--_border);
  }
  [part='closed'],
  [part='empty'] {
    color: var(--_muted);
  }
  [part='error'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding: var(--_space);
    border: 1px solid var(--_danger);
    border-radius: var(--_radius);
    color: var(--_danger);
  }
  [part='error'] p {
    margin: 0;
  }
  [part='skeleton'] .bone {
    display: grid;
    gap: 0.4rem;
    margin-bottom: var(--_gap);
  }
  [part='skeleton'] span {
    height: 0.8rem;
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_text) 10%, transparent);
    animation: kith-pulse 1.2s ease-in-out infinite alternate;
  }
  [part='skeleton'] span:first-child {
    width: 30%;
  }
  [part='skeleton'] span:last-child {
    width: 70%;
  }
  @keyframes kith-pulse {
    to {
      opacity: 0.4;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    [part='skeleton'] span {
      animation: none;
    }
  }
  /* High contrast replaces the colours that mark the chosen sort, the reader's reactions and a
     linked comment: a thicker border marks them instead. It removes the loading placeholder's
     backgrounds too: an outline draws it instead. */
  @media (forced-colors: active) {
    [aria-pressed='true'],
    [part~='comment-focused'] {
      border: 3px solid;
    }
    [part='skeleton'] span {
      border: 1px solid;
    }
  }
`;
