import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { demoServer } from '../stories-support/fake-backend.js';
import './share.js';

interface Args {
  networks: string;
  layout: 'labels' | 'icons' | 'menu';
  size: 'small' | 'medium' | 'large';
  colors: 'brand' | 'mono';
  locale?: string;
  theme?: 'light' | 'dark' | 'auto';
}

const url = 'https://blog.example/posts/spring-meetup/#rsvp';

const meta: Meta<Args> = {
  title: 'Elements/kith-share',
  component: 'kith-share',
  args: { networks: 'x facebook linkedin reddit', layout: 'labels', size: 'medium', colors: 'brand' },
  argTypes: {
    layout: { control: 'inline-radio', options: ['labels', 'icons', 'menu'] },
    size: { control: 'inline-radio', options: ['small', 'medium', 'large'] },
    colors: { control: 'inline-radio', options: ['brand', 'mono'] },
    locale: { control: 'select', options: [undefined, 'en', 'de', 'fr', 'es', 'ja', 'ar'] },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
  },
  render: (args) =>
    html`<kith-share
      url=${url}
      share-title="Spring meetup: save the date"
      networks=${args.networks}
      layout=${args.layout}
      size=${args.size}
      colors=${args.colors}
      locale=${ifDefined(args.locale)}
      theme=${ifDefined(args.theme)}
    ></kith-share>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The four networks of a typical bar, icons with names. */
export const TypicalBar: Story = {};

export const IconsOnly: Story = { args: { layout: 'icons' } };

/** One Share button opening a menu (arrow keys, Home/End, Escape). */
export const Menu: Story = {
  args: { layout: 'menu', networks: 'native mastodon bluesky x reddit email copy' },
};

export const Small: Story = { args: { size: 'small', layout: 'icons' } };

export const Large: Story = { args: { size: 'large' } };

export const Monochrome: Story = { args: { colors: 'mono' } };

/** Every network, the system share sheet where the browser has one, and copy link. */
export const AllNetworks: Story = {
  args: {
    networks:
      'native facebook x reddit linkedin mastodon bluesky threads whatsapp telegram hackernews pinterest email copy',
  },
};

/** Mastodon asks for the reader's server (press it), remembered for next time. */
export const Mastodon: Story = { args: { networks: 'mastodon bluesky copy' } };

export const Dark: Story = {
  args: { theme: 'dark' },
  decorators: [(story) => html`<div style="background:#0d1117;padding:1rem">${story()}</div>`],
};

export const RightToLeft: Story = { args: { locale: 'ar', networks: 'x facebook whatsapp telegram copy' } };

export const German: Story = { args: { locale: 'de', networks: 'x facebook linkedin email copy' } };

/** First-party counts from the site's own server (here a fake one in the browser). */
export const WithCounts: Story = {
  render: () =>
    html`<kith-share server=${demoServer('ok')} site="demo" counts url=${url} networks="x reddit mastodon copy"></kith-share>`,
};
