import type { KithConfig } from './config.js';

/** Fired on `document` whenever page defaults or a `<kith-config>` change: elements re-resolve. */
export const configChangeEvent = 'kith-config-change';

// Kept on globalThis so every copy of this module on a page (the script-tag build and an app's own
// bundle, say) shares one set of defaults. The embed loader (packages/embed/src/kith.ts) writes
// the same global and fires the same event without importing this module: keep them in step.
const store = globalThis as { __kithDefaults?: KithConfig };

/**
 * Page-wide defaults, the farthest source: set by the embed script from its own `data-*`
 * attributes, or by an app at start-up. A `<kith-config>` ancestor and the element's own attributes
 * take precedence, the closest winning.
 */
export function setDefaults(config: KithConfig): void {
  store.__kithDefaults = { ...store.__kithDefaults, ...config };
  document.dispatchEvent(new Event(configChangeEvent));
}

export function getDefaults(): KithConfig {
  return store.__kithDefaults ?? {};
}

/** Closest wins: own attributes, then the nearest `<kith-config>`, then the page defaults. */
export function mergeConfig(own: KithConfig, provided: KithConfig | undefined): KithConfig {
  const defaults = getDefaults();
  const pick = <K extends keyof KithConfig>(key: K) => own[key] ?? provided?.[key] ?? defaults[key];
  return { server: pick('server'), site: pick('site'), locale: pick('locale'), theme: pick('theme') };
}
export type { KithConfig } from './config.js';
