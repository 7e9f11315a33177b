/**
 * The script-tag build. Add to any page:
 *
 *   <script type="module" src="https://comments.example/embed/kith.js" data-site="blog"></script>
 *
 * It reads the page-wide configuration from its own data-* attributes (data-server defaults to the
 * address the script came from, less /embed/kith.js; without data-theme, the elements are dark on a page dark by its
 * own colours alone), then loads the code of each kith-* element only once the page has one,
 * including elements added later, and again once the network returns for one whose code could
 * not be had.
 */
import type { KithConfig } from '@kith/elements/defaults.js';

// Each loader drops the module it imports (`await`, no value), so the bundler gives the element's
// chunk no separate namespace object to build.
const loaders: Record<string, () => Promise<void>> = {
  'kith-config': async () => {
    await import('@kith/elements/config.js');
  },
  'kith-comment-count': async () => {
    await import('@kith/elements/comment-count.js');
  },
  'kith-rsvp': async () => {
    await import('@kith/elements/rsvp.js');
  },
  'kith-share': async () => {
    await import('@kith/elements/share.js');
  },
  'kith-thread': async () => {
    await import('@kith/elements/thread.js');
  },
};

/**
 * `import()` of a chunk, asked again under a new URL after it failed: some browsers keep a failed
 * import and answer every later one for that URL with it. The build routes the chunks' dynamic
 * imports here (retry-imports.ts). A URL that worked is kept, so every later import gets the same
 * module. The first loader on a page defines it: two Kith servers' loaders on one page would share
 * the first one's chunks folder (they would share its elements anyway).
 */
const failures = new Map<string, number>();
(globalThis as { __kithImport?: (name: string) => Promise<unknown> }).__kithImport ??= (name) => {
  const failed = failures.get(name) ?? 0;
  // Through a variable, so the bundler sees nothing to resolve at build time: the name is the
  // build's own output.
  const url = `./chunks/${name}${failed ? `?${failed}` : ''}`;
  return import(url).catch((error: unknown) => {
    failures.set(name, failed + 1);
    throw error;
  });
};

/**
 * `setDefaults` of `@kith/elements/defaults.js`, written out here: importing it would make the
 * elements' shared code a chunk of its own that every page fetches before anything renders.
 * Keep the global's and the event's names in step with that module.
 */
function setDefaults(config: KithConfig): void {
  const page = globalThis as { __kithDefaults?: KithConfig };
  page.__kithDefaults = { ...page.__kithDefaults, ...config };
  document.dispatchEvent(new Event('kith-config-change'));
}

function ownScript(): HTMLScriptElement | undefined {
  const here = import.meta.url;
  return [...document.querySelectorAll<HTMLScriptElement>('script[src]')].find((s) => s.src === here);
}

/**
 * Whether the page is dark by its colours alone: it declares no `color-scheme` (as a dark mode made
 * of media queries does not), and its text is light. The elements follow the page's declared
 * scheme, which is light there (dark text on the page's dark) unless they are told. A page that
 * declares one is left to it, so its own switch keeps working.
 */
function darkPage(): boolean {
  if (
    getComputedStyle(document.documentElement).colorScheme !== 'normal' ||
    document.querySelector('meta[name=color-scheme]')
  )
    return false;
  const [space, x, y, z] = getComputedStyle(document.body ?? document.documentElement).color.match(
    /[a-z]+|[\d.]+/g,
  ) as [string, string, string, string];
  // rgb() (hex, names, hsl() and rgb() come back so) is three 0–255 channels; oklch() and oklab()
  // begin with their lightness from 0 to 1, lab() and lch() from 0 to 100; color() stays light.
  return space[0] === 'r' ? +x + +y + +z > 384 : +x > (space[0] === 'o' ? 0.6 : 60);
}

function configure(): void {
  const data = ownScript()?.dataset ?? {};
  const theme = () => data.theme ?? (darkPage() ? 'dark' : undefined);
  // Every data-* attribute as is (site, locale, theme, and sso: the site's sign-in token for this
  // reader, empty when nobody is signed in); elements read only the keys they know, and take a
  // theme other than light or dark as auto.
  setDefaults({
    ...data,
    theme: theme(),
    // Where the script came from, less `/embed/kith.js`: the server, also where a proxy serves it
    // under a path of the site's own (https://blog.example/kith/).
    server: data.server ?? import.meta.url.replace(/\/embed\/[^/]*$/, ''),
  } as KithConfig);
  // The page's colours change with the reader's setting: so does the theme that follows them.
  matchMedia('(prefers-color-scheme:dark)').onchange = () => setDefaults({ theme: theme() } as KithConfig);
}

const loaded = new Set<string>();
const selector = Object.keys(loaders).join(',');

function loadFor(root: ParentNode): void {
  for (const element of root.querySelectorAll(selector)) {
    const tag = element.localName;
    if (loaded.has(tag)) continue;
    loaded.add(tag);
    loaders[tag]!().catch((error: unknown) => {
      loaded.delete(tag);
      console.error(`Kith: could not load <${tag}>`, error);
    });
  }
}

configure();
loadFor(document);
// An element whose code could not be had (offline, say) is asked for again when the network returns.
addEventListener('online', () => loadFor(document));
new MutationObserver((mutations) => {
  for (const mutation of mutations) {
    for (const node of mutation.addedNodes) {
      if (node instanceof Element) {
        if (node.matches(selector)) loadFor(node.parentNode ?? document);
        else loadFor(node);
      }
    }
  }
}).observe(document.documentElement, { childList: true, subtree: true });
