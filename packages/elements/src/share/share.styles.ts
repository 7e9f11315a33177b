import { css } from 'lit';

export const shareStyles = css`
  :host {
    display: block;
    --_gap: var(--kith-share-gap, 0.5rem);
    --_size: var(--kith-share-button-size, 2.5rem);
    --_icon: var(--kith-share-icon-size, 1.25rem);
    --_bg: var(--kith-share-button-background, transparent);
    --_fg: var(--kith-share-button-color, var(--_text));
  }
  :host([size='small']) {
    --_size: var(--kith-share-button-size, 2rem);
    --_icon: var(--kith-share-icon-size, 1rem);
    font-size: 0.875em;
  }
  :host([size='large']) {
    --_size: var(--kith-share-button-size, 3rem);
    --_icon: var(--kith-share-icon-size, 1.5rem);
  }
  ul {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  [part~='button'] {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-width: var(--_size);
    min-height: var(--_size);
    padding: 0 0.7em;
    box-sizing: border-box;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    font: inherit;
    text-decoration: none;
    cursor: pointer;
  }
  :host([layout='icons']) [part~='button'] {
    padding: 0;
  }
  [part~='button']:hover {
    border-color: var(--_brand, var(--_accent));
  }
  [part~='icon'] {
    width: var(--_icon);
    height: var(--_icon);
    flex: none;
    fill: none;
    stroke: var(--_brand, currentColor);
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  /* High contrast: icons in the reader's colours, not the brands'. */
  @media (forced-colors: active) {
    [part~='icon'] {
      stroke: currentColor;
    }
  }
  [part~='count'] {
    color: var(--_muted);
    font-size: 0.875em;
  }
  [part='base'] {
    position: relative;
  }
`;
