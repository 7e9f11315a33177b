import { css } from 'lit';

export const rsvpStyles = css`
  :host {
    display: block;
    max-width: var(--kith-rsvp-max-width, 36rem);
    color: var(--_text);
    /* A title, place or name with no place to break wraps rather than widening a phone's page. */
    overflow-wrap: anywhere;
  }
  article {
    display: grid;
    gap: var(--_space);
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--kith-rsvp-background, var(--_surface));
  }
  [part='image'] {
    width: 100%;
    aspect-ratio: 2 / 1;
    object-fit: cover;
    border-radius: var(--_radius);
  }
  h2,
  h3,
  p,
  dl,
  dd,
  fieldset {
    margin: 0;
  }
  h2 {
    font-size: 1.25em;
  }
  .cancelled h2 {
    text-decoration: line-through;
  }
  [part='badge'] {
    justify-self: start;
    padding: 0 0.5em;
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    font-size: 0.875em;
    font-weight: 600;
  }
  .cancelled [part='badge'] {
    color: var(--_danger);
  }
  [part='details'] {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25em 1em;
  }
  dt,
  .here,
  .hint,
  .as,
  .sending,
  [part='capacity'] {
    color: var(--_muted);
  }
  [part='description'] {
    white-space: pre-line;
  }
  a {
    color: var(--_accent);
  }
  /* Links on lines of their own: 24 px tall at least, however small the text (WCAG 2.5.8). */
  [part='details'] a,
  [part='calendar'] a {
    display: inline-flex;
    align-items: center;
    min-height: 24px;
  }
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part='attendees'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
  }
  [part='avatar'] {
    display: grid;
    place-items: center;
    width: var(--kith-rsvp-avatar-size, 2rem);
    height: var(--kith-rsvp-avatar-size, 2rem);
    overflow: hidden;
    border-radius: 50%;
    background: var(--_border);
    font-weight: 600;
  }
  [part='avatar'] img {
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  fieldset {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    padding: 0;
    border: 0;
  }
  legend {
    padding: 0;
    margin-block-end: var(--_space);
    font-weight: 600;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  button,
  select,
  input,
  summary {
    font: inherit;
    color: inherit;
  }
  button,
  select,
  input {
    min-height: 2.5rem;
    padding: 0 0.9em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  button {
    cursor: pointer;
  }
  [aria-pressed='true'] {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_accent-text);
  }
  button:disabled {
    cursor: default;
    opacity: 0.6;
  }
  .everyone {
    justify-self: start;
  }
  [part='answers'],
  [part='name-form'] {
    display: grid;
    gap: var(--_space);
  }
  [part='name-form'] {
    grid-template-columns: 1fr auto;
    align-items: end;
  }
  [part='name-form'] label {
    display: grid;
  }
  #name-missing {
    grid-column: 1 / -1;
    color: var(--_danger);
  }
  #name-missing:empty {
    display: none;
  }
  .mine {
    font-weight: 600;
  }
  [part='error'] {
    color: var(--_danger);
  }
  summary {
    cursor: pointer;
    color: var(--_accent);
  }
  [part='calendar'] ul {
    display: grid;
    gap: 0.25em;
    padding-block-start: 0.25em;
    padding-inline-start: 1em;
  }
  dialog {
    max-width: min(28rem, 90vw);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  dialog ul {
    max-height: 60vh;
    overflow: auto;
    margin-block: var(--_space);
  }
  @media (forced-colors: active) {
    [aria-pressed='true'] {
      border-width: 3px;
    }
  }
`;
