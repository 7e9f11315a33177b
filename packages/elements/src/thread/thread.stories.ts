import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { type MemoryKith, memoryKith } from '../test-support/memory-kith.js';
import { problem } from '../test-support/responses.js';
import './thread.js';

interface Args {
  locale?: string;
  sort: 'new' | 'old' | 'top';
  maxDepth: number;
}

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/** A plausible conversation: nested replies, formatting, reactions. */
function conversation(kith: MemoryKith, thread = '/post') {
  const a = kith.add(
    thread,
    'Loved this write-up. The part about **offline drafts** is exactly what we need.',
    {
      author: 'Inés Ortega',
      at: ago(60 * 26),
    },
  );
  const b = kith.add(thread, 'Same here. Does it work with `prefers-color-scheme`?', {
    parentId: a.id,
    author: 'Kofi Mensah',
    at: ago(60 * 20),
  });
  kith.add(thread, 'It does: light and dark follow the reader, or set `theme`.', {
    parentId: b.id,
    author: 'Mei Chen',
    at: ago(60 * 3),
  });
  const c = kith.add(thread, 'Is there a way to close comments after a month?', {
    author: 'Ravi',
    at: ago(45),
  });
  c.reactions = { '+1': 3, heart: 1 };
  a.reactions = { heart: 5 };
  kith.add(thread, 'Yes: `kith-server thread close <key>`, or the admin endpoint.', {
    parentId: c.id,
    author: 'Inés Ortega',
    at: ago(12),
  });
}

/** Light and dark side by side, each element on its own in-browser server. */
function pair(args: Args, setup: (kith: MemoryKith) => void, before?: (kith: MemoryKith) => void) {
  const one = (theme: 'light' | 'dark') => {
    const kith = memoryKith();
    setup(kith);
    before?.(kith);
    return html`<div style="flex: 1 1 22rem; padding: 1rem; background: ${theme === 'dark' ? '#0d1117' : '#fff'}">
      <kith-thread
        server=${kith.url}
        site="blog"
        thread="/post"
        theme=${theme}
        sort=${args.sort}
        max-depth=${args.maxDepth}
        locale=${ifDefined(args.locale)}
      ></kith-thread>
    </div>`;
  };
  return html`<div style="display: flex; flex-wrap: wrap; gap: 1rem">${one('light')}${one('dark')}</div>`;
}

/** Signs a reader in, as the element would have kept it from an earlier visit. */
const signedIn = (name: string) => (kith: MemoryKith) =>
  localStorage.setItem(`kith:session:${kith.url}|blog`, JSON.stringify(kith.session(name)));

const meta: Meta<Args> = {
  title: 'Elements/kith-thread',
  component: 'kith-thread',
  args: { sort: 'new', maxDepth: 3 },
  argTypes: {
    locale: { control: 'select', options: [undefined, 'en', 'de', 'fr', 'es', 'ja', 'ar'] },
    sort: { control: 'inline-radio', options: ['new', 'old', 'top'] },
    maxDepth: { control: { type: 'number', min: 1, max: 8 } },
  },
  render: (args) => pair(args, conversation),
  parameters: {
    // Each story shows the same thread twice (light and dark): two comment regions with one name is
    // the story's device, not a page's (a page has one thread per post).
    a11y: { config: { rules: [{ id: 'landmark-unique', enabled: false }] } },
  },
};
export default meta;

type Story = StoryObj<Args>;

/** Nested replies, reactions, relative times (the exact time on hover and focus). */
export const Conversation: Story = {};

/** Nobody has commented yet. */
export const Empty: Story = { render: (args) => pair(args, () => {}) };

/** While the first page is on its way: a skeleton, "Loading comments…" for screen readers. */
export const Loading: Story = {
  render: (args) =>
    pair(args, (kith) => {
      kith.fail = () => new Promise<Response>(() => {});
    }),
};

/** The server failed: the message and a retry (which works here). */
export const ServerError: Story = {
  render: (args) =>
    pair(args, (kith) => {
      conversation(kith);
      // Fails every attempt of the first load (thread and site, each tried three times), then works.
      let failures = 6;
      kith.fail = (request) =>
        !request.url.endsWith('/events') && failures-- > 0 ? problem('internal-error', 500) : undefined;
    }),
};

/** Too many requests: the wait is said in words. */
export const RateLimited: Story = {
  render: (args) =>
    pair(args, (kith) => {
      kith.fail = () => problem('rate-limited', 429, undefined, { 'retry-after': '42' });
    }),
};

/** Closed: readable, no editor, no replies. */
export const Closed: Story = {
  render: (args) =>
    pair(args, (kith) => {
      conversation(kith);
      kith.closed.add('/post');
    }),
};

/**
 * A site that reviews comments: the reader's own comment awaits moderation, visible to them only,
 * and the editor (open with a draft) says comments are reviewed before they appear.
 */
export const PendingModeration: Story = {
  render: (args) =>
    pair(args, (kith) => {
      kith.site.moderation = 'pre';
      conversation(kith);
      signedIn('Sam')(kith);
      kith.addPending('/post', 'My first comment here: hello!', 'Sam');
      localStorage.setItem(`kith:draft:${kith.url}|blog|/post|new`, JSON.stringify('And a second thought'));
    }),
};

/** A signed-in reader with a draft from an earlier visit: the editor opens with it. */
export const WritingWithDraft: Story = {
  render: (args) =>
    pair(args, (kith) => {
      conversation(kith);
      signedIn('Sam')(kith);
      localStorage.setItem(
        `kith:draft:${kith.url}|blog|/post|new`,
        JSON.stringify('A thought I *started* yesterday'),
      );
    }),
};

/** A signed-in reader: Edit and Delete on their own recent comment, Report on everyone else's. */
export const SignedInReader: Story = {
  render: (args) =>
    pair(args, (kith) => {
      conversation(kith);
      kith.add('/post', 'Posted a minute ago, so I can still **edit** it.', { author: 'Sam' });
      signedIn('Sam')(kith);
    }),
};

/**
 * A moderator (the site names them when it signs them in): every comment waiting in the thread,
 * with Approve and Remove, and Remove on everyone else's published comments.
 */
export const Moderator: Story = {
  render: (args) =>
    pair(args, (kith) => {
      kith.site.moderation = 'pre';
      conversation(kith);
      kith.addPending('/post', 'Is this the place to ask about the **spring** meetup?', 'Newcomer');
      localStorage.setItem(`kith:session:${kith.url}|blog`, JSON.stringify(kith.session('Mo', 'sso', true)));
    }),
};

/** A comment that could not be sent (offline): kept, with "Send now" and "Cancel". */
export const NotSentYet: Story = {
  render: (args) =>
    pair(args, (kith) => {
      conversation(kith);
      signedIn('Sam')(kith);
      kith.fail = (request) =>
        request.method === 'POST' && request.url.includes('/comments')
          ? Promise.reject(new TypeError('offline'))
          : undefined;
      localStorage.setItem(
        `kith:outbox:${kith.url}|blog`,
        JSON.stringify([
          {
            key: crypto.randomUUID(),
            threadKey: '/post',
            parentId: null,
            markdown: 'Written on the train, sent when the signal is back.',
            createdAt: new Date().toISOString(),
            lastError: { code: 'network', message: 'offline' },
          },
        ]),
      );
    }),
};

/** Live: comments by others wait behind "Show N new comments" (announced), replies arrive in place. */
export const NewCommentsArriving: Story = {
  render: (args) =>
    pair(args, (kith) => {
      conversation(kith);
      setTimeout(() => {
        kith.add('/post', 'Just arrived: a comment posted while you were reading.', { author: 'Zoe' });
        kith.add('/post', 'And another one.', { author: 'Yuki' });
      }, 1500);
    }),
};

/** Past `max-depth`, replies are shown in place: "Replying to @name". */
export const DeepReplies: Story = {
  args: { maxDepth: 2 },
  render: (args) =>
    pair(args, (kith) => {
      let parent = kith.add('/post', 'Start of a long back-and-forth', { author: 'A', at: ago(300) });
      for (const [i, who] of ['B', 'C', 'D', 'E', 'F'].entries()) {
        parent = kith.add('/post', `Reply ${i + 1}`, {
          parentId: parent.id,
          author: who,
          at: ago(200 - i * 30),
        });
      }
    }),
};

/** Many comments: the first page, with "Load more comments". */
export const Paged: Story = {
  render: (args) =>
    pair(args, (kith) => {
      for (let i = 0; i < 45; i++)
        kith.add('/post', `Comment number ${i + 1}`, { author: `Reader ${i % 7}`, at: ago(500 - i * 10) });
    }),
};

/** Arabic: right to left, Arabic plural rules. */
export const Arabic: Story = { args: { locale: 'ar' } };

/** German. */
export const German: Story = { args: { locale: 'de' } };
