import { createContext } from '@lit/context';

export { getDefaults, mergeConfig, setDefaults } from './defaults.js';

/** What every Kith element needs to know to talk to a server and to speak to its reader. */
export interface KithConfig {
  /** Base URL of the Kith server. */
  server?: string | undefined;
  /** Site id on that server. */
  site?: string | undefined;
  /** BCP 47 language tag, e.g. `de` or `ar-EG`. */
  locale?: string | undefined;
  /** `light`, `dark`, or `auto` (follow the reader's system). */
  theme?: 'light' | 'dark' | 'auto' | undefined;
}

/** Handed down by `<kith-config>` to every Kith element inside it, across shadow roots. */
export const configContext = createContext<KithConfig>(Symbol.for('kith-config'));
