import { expect, fixture } from '@open-wc/testing';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import './comment-count/comment-count.js';
import './rsvp/rsvp.js';
import './share/share.js';
import './thread/thread.js';
import { memoryKith } from './test-support/memory-kith.js';

/**
 * What a site owner may get wrong in markup: each attribute of each element set to a value it
 * does not take. The element never throws (nothing uncaught, no unhandled rejection) and never
 * draws a link that runs script.
 */
const garbage = [
  '',
  ' ',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'not a url',
  '../../etc/passwd',
  '💥'.repeat(50),
  'x'.repeat(5000),
  '-1',
  'NaN',
  '1e309',
  'zz-INVALID-@@',
  '<img src=x onerror=alert(1)>',
  '\u202Eevil',
  'constructor __proto__ toString',
];

const attributes: Record<string, string[]> = {
  'kith-thread': ['server', 'site', 'locale', 'theme', 'thread', 'href', 'sort', 'max-depth', 'live'],
  'kith-rsvp': ['server', 'site', 'locale', 'theme', 'thread'],
  'kith-comment-count': ['server', 'site', 'locale', 'theme', 'thread', 'href', 'format'],
  'kith-share': [
    'locale',
    'theme',
    'networks',
    'url',
    'share-title',
    'share-text',
    'image',
    'hashtags',
    'via',
    'utm-campaign',
    'layout',
    'size',
    'colors',
  ],
};

describe('every element, with attributes it does not take', () => {
  const problems: string[] = [];
  const onError = (event: ErrorEvent) => problems.push(event.message);
  const onRejection = (event: PromiseRejectionEvent) => problems.push(String(event.reason));
  before(() => {
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onRejection);
  });
  after(() => {
    removeEventListener('error', onError);
    removeEventListener('unhandledrejection', onRejection);
  });

  for (const [tag, names] of Object.entries(attributes)) {
    it(`${tag} never throws and never links to script`, async () => {
      const kith = memoryKith();
      const scripted: string[] = [];
      for (const name of names) {
        for (const value of garbage) {
          const el = await fixture<HTMLElement & { updateComplete: Promise<boolean> }>(
            staticHtml`<${unsafeStatic(tag)} server=${kith.url} site="blog" thread="/posts/a" networks="x reddit email copy"></${unsafeStatic(tag)}>`,
          );
          el.setAttribute(name, value);
          await el.updateComplete;
          await new Promise((resolve) => setTimeout(resolve, 30));
          for (const link of el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('a[href]')) {
            if (!/^(https?|mailto):/i.test(link.href))
              scripted.push(`${name}=${value.slice(0, 20)}: ${link.href}`);
          }
        }
      }
      expect(scripted).to.deep.equal([]);
      expect(problems).to.deep.equal([]);
    });
  }
});
