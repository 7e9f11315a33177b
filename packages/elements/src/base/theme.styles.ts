import { css } from 'lit';

/**
 * Global design tokens. Every element reads these (and its own `--kith-<element>-*` properties);
 * set them on any ancestor (`:root`, a container) to theme all Kith elements at once. Colours
 * follow the page's `color-scheme`, which the host inherits: the reader's light or dark preference
 * on a page that declares both, light on one that declares none (most pages without a dark mode),
 * unless `theme="light|dark"` is set (on the element or its `<kith-config>`).
 */
export const themeStyles = css`
  :host {
    --_text: var(--kith-color-text, light-dark(#1f2328, #e6edf3));
    --_muted: var(--kith-color-muted, light-dark(#59636e, #9198a1));
    --_accent: var(--kith-color-accent, light-dark(#0969da, #4493f8));
    --_accent-text: var(--kith-color-on-accent, light-dark(#ffffff, #0d1117));
    --_surface: var(--kith-color-surface, light-dark(#ffffff, #0d1117));
    --_border: var(--kith-color-border, light-dark(#d1d9e0, #3d444d));
    --_danger: var(--kith-color-danger, light-dark(#cf222e, #f85149));
    --_radius: var(--kith-radius, 0.375rem);
    --_space: var(--kith-space, 0.5rem);
    --_focus: var(--kith-focus-ring, 2px solid var(--_accent));
    --_font: var(--kith-font-family, inherit);
    font-family: var(--_font);
  }
  :host([hidden]) {
    display: none !important;
  }
  /* Controls take the reader's own letter and word spacing (WCAG 1.4.12), as text does; the
     browser's defaults for them would keep it out. */
  * {
    letter-spacing: inherit;
    word-spacing: inherit;
  }
  :focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  /* Heard, not seen: clipped to nothing, so no padding, border or margin of it can show. */
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
