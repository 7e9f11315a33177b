/**
 * Localization in a few lines: each element brings its own English strings and loads its bundled
 * translation for the reader's language on first use, so a page pays only for the elements it shows.
 * Dates, numbers and plurals come from `Intl`. Sites add or override strings for any language with
 * `registerTranslation`.
 */

/** A string, or a function building one (plurals, names). */
// biome-ignore lint/suspicious/noExplicitAny: each term declares its own arguments.
export type Term = string | ((...args: any[]) => string);
export type Strings = Record<string, Term>;

/** What `registerTranslation` takes: a language code and any strings of any element. */
export interface Translation {
  /** BCP 47 language, e.g. `nl` or `pt-BR`. */
  $code: string;
  $name?: string;
  $dir?: 'ltr' | 'rtl';
  [key: string]: Term | undefined;
}

/** An element's strings: English, and loaders of its bundled translations by language. */
export interface ElementStrings<S extends Strings> {
  en: S;
  translations: Record<string, () => Promise<{ default: S }>>;
  /** Bundled translations loaded so far, by language. */
  loaded: Map<string, S | Promise<void>>;
}

export function defineStrings<S extends Strings>(
  en: S,
  translations: Record<string, () => Promise<{ default: S }>>,
): ElementStrings<S> {
  return { en, translations, loaded: new Map() };
}

const registered = new Map<string, Translation>();
/** Elements on the page, re-rendered when the strings or the document's language change. */
const hosts = new Set<{ requestUpdate(): void }>();
let revision = 0;
const refresh = () => {
  revision += 1;
  for (const host of hosts) host.requestUpdate();
};

/** Adds or overrides strings for a language; elements already on the page update. */
export function registerTranslation(...translations: Translation[]): void {
  for (const translation of translations) {
    const code = translation.$code.toLowerCase();
    registered.set(code, { ...registered.get(code), ...translation });
  }
  refresh();
}

let observer: MutationObserver | undefined;

/** Keeps `host` in step with translations and with `<html lang dir>` while it is connected. */
export function watchLanguage(host: { requestUpdate(): void }, connected: boolean): void {
  if (!connected) {
    hosts.delete(host);
    return;
  }
  hosts.add(host);
  if (!observer) {
    observer = new MutationObserver(refresh);
    observer.observe(document.documentElement, { attributeFilter: ['lang', 'dir'] });
  }
}

const rtl = /^(ar|fa|he|ur|ps|dv|yi|ku|sd|ug)(-|$)/;
const direction = (value?: string | null) => (value === 'ltr' || value === 'rtl' ? value : undefined);

// Intl formatters are costly to create and immutable: one per language and options.
const formatters = new Map<string, unknown>();
function formatter<T>(Format: new (lang: string, options?: object) => T, lang: string, options?: object): T {
  const key = `${Format.name}|${lang}|${JSON.stringify(options)}`;
  let made = formatters.get(key) as T | undefined;
  if (!made) {
    made = new Format(lang, options);
    formatters.set(key, made);
  }
  return made;
}

type Args<T> = T extends (...args: infer A) => string ? A : [];

/** Speaks one element's strings in the language closest to it. */
export class Localizer<S extends Strings> {
  constructor(
    private host: HTMLElement & { requestUpdate(): void },
    private strings: ElementStrings<S>,
    /** The element's configured language, if any. */
    private locale: () => string | undefined,
  ) {}

  #lang: string | undefined;

  /** The language in effect: configured, else the nearest `lang` attribute, else the browser's. */
  lang(): string {
    // Worked out once per task: a render asks many times, and it cannot change in between.
    if (this.#lang === undefined) {
      this.#lang = this.#resolve();
      queueMicrotask(() => {
        this.#lang = undefined;
      });
    }
    return this.#lang;
  }

  /**
   * The language of the page around the element, or '' where the page says none: what people
   * write in the element (comments, an event's text) is taken to be in it.
   */
  around(): string {
    return this.host.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang;
  }

  #resolve(): string {
    const lang = this.locale() || this.around() || navigator.language;
    try {
      return new Intl.Locale(lang.replace(/_/g, '-')).toString().toLowerCase();
    } catch {
      return 'en';
    }
  }

  /**
   * Text direction: the element's own `dir`; else, where its words are not the page's (a configured
   * `locale`, or English on a page in a language it has no words for), their language's; else the
   * page's.
   */
  dir(): 'ltr' | 'rtl' {
    const text = this.textLang();
    return (
      direction(this.host.dir) ??
      (this.locale() || text !== this.lang()
        ? undefined
        : direction(this.host.closest('[dir]')?.getAttribute('dir'))) ??
      registered.get(text)?.$dir ??
      (rtl.test(text) ? 'rtl' : 'ltr')
    );
  }

  /**
   * The language of the element's own strings: the language in effect where a site or Kith has
   * strings for it (any English among them, so `en-gb` keeps its voice), else English. Elements
   * set it as `lang` on what they show, with `around()` on what people wrote and `lang()` on dates
   * and times, so a screen reader speaks each part in its own language (WCAG 3.1.2): English
   * strings on a page in a language Kith does not speak, say.
   */
  textLang(): string {
    const lang = this.lang();
    const base = lang.split('-')[0]!;
    return base === 'en' || registered.has(lang) || registered.has(base) || this.strings.translations[base]
      ? lang
      : 'en';
  }

  /** Changes whenever strings or the page's language may have: for caches of rendered text (guard). */
  get revision(): number {
    return revision;
  }

  /** A string in the reader's language: a site's own, then the bundled translation, then English. */
  term<K extends keyof S>(key: K, ...args: Args<S[K]>): string {
    const lang = this.lang();
    const base = lang.split('-')[0]!;
    const bundled = this.strings.loaded.get(base);
    const term = (registered.get(lang)?.[key as string] ??
      registered.get(base)?.[key as string] ??
      (bundled && !(bundled instanceof Promise) ? bundled[key] : undefined) ??
      this.strings.en[key]) as Term;
    return typeof term === 'function' ? term(...args) : term;
  }

  number(value: number, options?: Intl.NumberFormatOptions): string {
    return formatter(Intl.NumberFormat, this.lang(), options).format(value);
  }

  date(value: Date | number, options?: Intl.DateTimeFormatOptions): string {
    return formatter(Intl.DateTimeFormat, this.lang(), options).format(value);
  }

  relativeTime(
    value: number,
    unit: Intl.RelativeTimeFormatUnit,
    options?: Intl.RelativeTimeFormatOptions,
  ): string {
    return formatter(Intl.RelativeTimeFormat, this.lang(), options).format(value, unit);
  }

  /** Loads the bundled translation for the current language, if there is one, then re-renders. */
  load(): Promise<void> {
    const base = this.lang().split('-')[0]!;
    const { loaded, translations } = this.strings;
    const existing = loaded.get(base);
    if (existing) return existing instanceof Promise ? existing : Promise.resolve();
    const loader = translations[base];
    if (!loader) return Promise.resolve();
    const pending = loader().then(
      (module) => {
        loaded.set(base, module.default);
        refresh();
      },
      () => {
        loaded.delete(base); // a failed chunk load is tried again next time
      },
    );
    loaded.set(base, pending);
    return pending;
  }
}
