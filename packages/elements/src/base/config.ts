export { configChangeEvent, getDefaults, mergeConfig, setDefaults } from './defaults.js';

/** What every Kith element needs to know to talk to a server and to speak to its reader. */
export interface KithConfig {
  /** Base URL of the Kith server. */
  server?: string | undefined;
  /** Site id on that server. */
  site?: string | undefined;
  /** BCP 47 language tag, e.g. `de` or `ar-EG`. */
  locale?: string | undefined;
  /** `light`, `dark`, or `auto` (as the page, by its `color-scheme`). */
  theme?: 'light' | 'dark' | 'auto' | undefined;
  /**
   * The reader's sign-in token from the site (single sign-on), page-wide: a JWT the site's server
   * signed for the signed-in reader; empty when nobody is signed in on the site.
   */
  sso?: string | undefined;
}

export const configKeys = ['server', 'site', 'locale', 'theme'] as const;

/**
 * The configuration of the nearest `<kith-config>` around `element`, looking through shadow roots.
 * Read from attributes, so it works before `<kith-config>` is even defined (lazy chunks).
 */
export function closestConfig(element: Element): KithConfig | undefined {
  let current: Element | null = element;
  while (current) {
    const found = current.closest('kith-config');
    if (found) {
      const config: KithConfig = {};
      for (const key of configKeys) {
        const value = found.getAttribute(key);
        if (value) (config as Record<string, string>)[key] = value;
      }
      return config;
    }
    const root = current.getRootNode();
    current = root instanceof ShadowRoot ? root.host : null;
  }
  return undefined;
}
