import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../base/config-element.js';
import { demoServer } from '../stories-support/fake-backend.js';
import './comment-count.js';

interface Args {
  thread: string;
  format: 'long' | 'short';
  locale?: string;
  theme?: 'light' | 'dark' | 'auto';
  server: string;
}

const meta: Meta<Args> = {
  title: 'Elements/kith-comment-count',
  component: 'kith-comment-count',
  args: { thread: '/posts/hello', format: 'long', server: demoServer('ok') },
  argTypes: {
    format: { control: 'inline-radio', options: ['long', 'short'] },
    locale: { control: 'select', options: [undefined, 'en', 'de', 'fr', 'es', 'ja', 'ar'] },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
    server: { control: false },
  },
  render: (args) =>
    html`<kith-comment-count
      server=${args.server}
      site="demo"
      thread=${args.thread}
      format=${args.format}
      locale=${ifDefined(args.locale)}
      theme=${ifDefined(args.theme)}
    ></kith-comment-count>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Loaded: Story = {};

export const NoComments: Story = { args: { thread: '/posts/none' } };

export const OneComment: Story = { args: { thread: '/posts/one' } };

export const Short: Story = { args: { format: 'short' } };

/** While the count is on its way: a placeholder, and "Loading comment count" for screen readers. */
export const Loading: Story = { args: { server: demoServer('slow') } };

/** The server failed: the element says so and offers to retry. */
export const Unavailable: Story = { args: { server: demoServer('down') } };

/** Fails once, then works: press Retry. */
export const Retry: Story = { args: { server: demoServer('flaky'), thread: '/posts/retry' } };

/** Inside a link, a failure is reported in words (a button cannot sit inside a link). */
export const UnavailableInLink: Story = {
  render: () =>
    html`<a href="/posts/hello"><kith-comment-count server=${demoServer('down')} site="demo"></kith-comment-count></a>`,
};

export const Dark: Story = {
  args: { theme: 'dark' },
  decorators: [(story) => html`<div style="background:#0d1117;color:#e6edf3;padding:1rem">${story()}</div>`],
};

/** A listing page: every count fetched in one request, configured once by `<kith-config>`. */
export const ListingPage: Story = {
  render: () => html`
    <kith-config server=${demoServer('ok')} site="demo">
      <ul>
        ${['welcome', 'meetup-recap', 'spring-meetup', 'none'].map(
          (slug) =>
            html`<li><a href="/posts/${slug}/">Post “${slug}”</a> · <kith-comment-count thread="/posts/${slug}"></kith-comment-count></li>`,
        )}
      </ul>
    </kith-config>
  `,
};

/** Every bundled language, with its plural rules; Arabic lays out right to left. */
export const Languages: Story = {
  render: () => html`
    <ul>
      ${['en', 'de', 'fr', 'es', 'ja', 'ar'].map(
        (locale) =>
          html`<li lang=${locale}>${locale}: <kith-comment-count server=${demoServer('ok')} site="demo" thread="/posts/hello" locale=${locale}></kith-comment-count></li>`,
      )}
    </ul>
  `,
};

/** Themed through custom properties and parts, from outside the shadow root. */
export const Themed: Story = {
  render: () => html`
    <style>
      .themed kith-comment-count {
        --kith-comment-count-color: #6d28d9;
        --kith-comment-count-font-size: 1.25rem;
      }
      .themed kith-comment-count::part(count) {
        font-weight: 600;
      }
    </style>
    <p class="themed"><kith-comment-count server=${demoServer('ok')} site="demo" thread="/posts/hello"></kith-comment-count></p>
  `,
};
