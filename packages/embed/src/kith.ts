/**
 * The script-tag build. Add to any page:
 *
 *   <script type="module" src="https://comments.example/embed/kith.js" data-site="blog"></script>
 *
 * It reads the page-wide configuration from its own data-* attributes (data-server defaults to the
 * origin the script came from), then loads the code of each kith-* element only once the page has
 * one, including elements added later.
 */
import { setDefaults } from '@kith/elements/defaults.js';

type Loader = () => Promise<unknown>;

const loaders: Record<string, Loader> = {
  'kith-config': () => import('@kith/elements/config.js'),
  'kith-comment-count': () => import('@kith/elements/comment-count.js'),
  'kith-share': () => import('@kith/elements/share.js'),
  'kith-thread': () => import('@kith/elements/thread.js'),
};

function ownScript(): HTMLScriptElement | undefined {
  const here = import.meta.url;
  return [...document.querySelectorAll<HTMLScriptElement>('script[src]')].find((s) => s.src === here);
}

function configure(): void {
  const script = ownScript();
  const data = script?.dataset ?? {};
  const theme =
    data.theme === 'light' || data.theme === 'dark' || data.theme === 'auto' ? data.theme : undefined;
  setDefaults({
    server: data.server ?? new URL(import.meta.url).origin,
    site: data.site,
    locale: data.locale,
    theme,
  });
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
