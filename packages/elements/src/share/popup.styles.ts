import { css } from 'lit';

/**
 * The menu's and the Mastodon picker's styles, added to the element's shadow root when one of
 * them is first used: bars that never open a popup do not download them.
 */
export const popupStyles = css`
  [part='menu'],
  [part='popover'] {
    position: absolute;
    z-index: 10;
    width: max-content;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.15);
  }
  [part='menu'] {
    display: grid;
    gap: 0.25rem;
    margin: 0;
    padding: 0.375rem;
    list-style: none;
  }
  [part='menu'] [part~='button'] {
    justify-content: flex-start;
    width: 100%;
    border-color: transparent;
  }
  [part='popover'] {
    max-width: min(22rem, 90vw);
    padding: 0.75rem;
    color: var(--_text);
  }
  [part='popover'] form {
    display: grid;
    gap: 0.5rem;
  }
  [part='popover'] input {
    font: inherit;
    padding: 0.4em 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  [part='popover'] .actions {
    display: flex;
    gap: 0.5rem;
    justify-content: flex-end;
  }
  [part='popover'] button {
    font: inherit;
    padding: 0.3em 0.8em;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }
  [part='popover'] button[type='submit'] {
    background: var(--_accent);
    color: var(--_accent-text);
    border-color: var(--_accent);
  }
  [part='popover'] .error {
    color: var(--_danger);
    font-size: 0.875em;
    margin: 0;
  }
  [part='popover'] a {
    color: var(--_accent);
    font-size: 0.875em;
  }
  /* Popups sit under their button, flipping to stay in view; place.ts uses floating-ui where
     anchor positioning is missing. */
  @supports (anchor-name: --a) {
    .menu-trigger,
    .mastodon {
      anchor-name: --kith-share-anchor;
    }
    [part='menu'],
    [part='popover'] {
      position: fixed;
      position-anchor: --kith-share-anchor;
      top: anchor(bottom);
      inset-inline-start: anchor(start);
      margin: 6px 0;
      position-try-fallbacks: flip-block, flip-inline, flip-block flip-inline;
    }
  }
`;
