import { popupStyles } from './popup.styles.js';

/**
 * Places a popup (the menu, the Mastodon picker) under its anchor, flipping to stay in view. Where
 * the browser has CSS anchor positioning the stylesheet does it all (share.styles.ts); elsewhere
 * @floating-ui/dom is loaded on first use.
 */
export async function place(
  anchor: HTMLElement | undefined,
  floating: HTMLElement | undefined,
): Promise<void> {
  if (!anchor || !floating || CSS.supports('anchor-name', '--a')) return;
  // Without its code (offline, say), the popup stays where the stylesheet puts it: after its button.
  const floatingUi = await import('@floating-ui/dom').catch(() => undefined);
  if (!floatingUi) return;
  const { computePosition, flip, shift, offset } = floatingUi;
  const { x, y } = await computePosition(anchor, floating, {
    placement: 'bottom-start',
    strategy: getComputedStyle(floating).position === 'fixed' ? 'fixed' : 'absolute',
    middleware: [offset(6), flip(), shift({ padding: 8 })],
  });
  Object.assign(floating.style, { left: `${x}px`, top: `${y}px` });
}

/** Adds the popups' styles to the element's shadow root, once. */
export function adoptPopupStyles(root: HTMLElement | DocumentFragment): void {
  const sheet = popupStyles.styleSheet;
  if (root instanceof ShadowRoot && sheet && !root.adoptedStyleSheets.includes(sheet)) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
}
