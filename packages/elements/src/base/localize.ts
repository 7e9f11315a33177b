import {
  type DefaultTranslation,
  LocalizeController,
  registerTranslation,
  type Translation,
} from '@shoelace-style/localize';
import type { ReactiveControllerHost } from 'lit';
import en from '../translations/en.js';

export type { Translation };
export { registerTranslation };

/** The strings every element may use; each translation provides all of them. */
export type KithTranslation = Translation & typeof en;

registerTranslation(en);

const loaders: Record<string, () => Promise<{ default: Translation }>> = {
  ar: () => import('../translations/ar.js'),
  de: () => import('../translations/de.js'),
  es: () => import('../translations/es.js'),
  fr: () => import('../translations/fr.js'),
  ja: () => import('../translations/ja.js'),
};
const loading = new Map<string, Promise<void>>();

/** Loads a bundled translation on first use; English is always there. */
export function loadTranslation(lang: string): Promise<void> {
  const language = lang.toLowerCase().split('-')[0] ?? 'en';
  const load = loaders[language];
  if (!load) return Promise.resolve();
  let pending = loading.get(language);
  if (!pending) {
    pending = load().then((module) => registerTranslation(module.default));
    loading.set(language, pending);
  }
  return pending;
}

const rtl = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'dv', 'yi', 'ku', 'sd', 'ug']);

/**
 * Shoelace's localize controller, reading the language from the closest source: the host's
 * resolved `locale`, else the nearest `lang` attribute around it, else the document's.
 */
export class KithLocalize extends LocalizeController<KithTranslation & DefaultTranslation> {
  constructor(
    host: ReactiveControllerHost & HTMLElement,
    private locale: () => string | undefined,
  ) {
    super(host);
  }

  override lang(): string {
    const lang =
      this.locale() ||
      this.host.closest('[lang]')?.getAttribute('lang') ||
      document.documentElement.lang ||
      navigator.language ||
      'en';
    try {
      return new Intl.Locale(lang.replace(/_/g, '-')).toString().toLowerCase();
    } catch {
      return 'en';
    }
  }

  override dir(): string {
    if (this.host.dir) return this.host.dir;
    const lang = this.lang();
    if (this.locale()) return rtl.has(lang.split('-')[0] ?? '') ? 'rtl' : 'ltr';
    return (
      this.host.closest('[dir]')?.getAttribute('dir') ?? (rtl.has(lang.split('-')[0] ?? '') ? 'rtl' : 'ltr')
    );
  }
}
