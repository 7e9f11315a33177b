import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
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

/** The element's shadow root in a story, once its buttons are there (network chunks load first). */
async function shareRoot(canvas: HTMLElement, selector: string): Promise<ShadowRoot> {
  const root = canvas.querySelector('kith-share')!.shadowRoot!;
  await waitFor(() => expect(root.querySelector(selector)).toBeTruthy());
  return root;
}

/** The Mastodon picker, opened as a reader would (a click on the Mastodon button). */
async function openPicker(canvas: HTMLElement): Promise<ShadowRoot> {
  const root = await shareRoot(canvas, '[part~="button-mastodon"]');
  await userEvent.click(root.querySelector('[part~="button-mastodon"]')!);
  await waitFor(() => expect(root.activeElement?.id).toBe('mastodon-server'));
  return root;
}

/** The four networks of a typical bar, icons with names. */
export const TypicalBar: Story = {};

export const IconsOnly: Story = { args: { layout: 'icons' } };

/** One Share button opening a menu (arrow keys, Home/End, Escape). */
export const Menu: Story = {
  args: { layout: 'menu', networks: 'native mastodon bluesky x reddit email copy' },
};

/** The menu open, its first item focused (as after Enter or the down arrow on the button). */
export const MenuOpen: Story = {
  args: { layout: 'menu', networks: 'mastodon bluesky x reddit email copy' },
  play: async ({ canvasElement }) => {
    const root = await shareRoot(canvasElement, '.menu-trigger');
    await userEvent.click(root.querySelector('.menu-trigger')!);
    await waitFor(() => expect(root.activeElement?.getAttribute('role')).toBe('menuitem'));
  },
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

/** The Mastodon picker open: the reader types their server (focus stays in the dialog). */
export const MastodonPickerOpen: Story = {
  args: { networks: 'mastodon bluesky copy' },
  play: async ({ canvasElement }) => {
    await openPicker(canvasElement);
  },
};

/** The picker refusing what is not a server name, with the error tied to the field. */
export const MastodonInvalidServer: Story = {
  args: { networks: 'mastodon bluesky copy' },
  play: async ({ canvasElement }) => {
    const root = await openPicker(canvasElement);
    const field = root.querySelector<HTMLInputElement>('#mastodon-server')!;
    // Typed directly: user-event's typing does not see focus inside a shadow root.
    field.value = 'not a server';
    field.form!.requestSubmit();
    await waitFor(() => expect(root.querySelector('#mastodon-error')).toBeTruthy());
    await expect(field.getAttribute('aria-invalid')).toBe('true');
  },
};

/**
 * Stands in for the reader's clipboard (a story's scripted click is not a real one, so the browser
 * would refuse it): `granted` takes the text, else the Clipboard API and the fallback both fail.
 */
const clipboard = (granted: boolean) => () => {
  const { clipboard: real } = navigator;
  const execCommand = document.execCommand;
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: {
      writeText: () =>
        granted ? Promise.resolve() : Promise.reject(new DOMException('', 'NotAllowedError')),
    },
  });
  document.execCommand = () => granted;
  return () => {
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: real });
    document.execCommand = execCommand;
  };
};

const pressCopy = async (canvas: HTMLElement, said: string) => {
  const root = await shareRoot(canvas, '[part~="button-copy"]');
  await userEvent.click(root.querySelector('[part~="button-copy"]')!);
  await waitFor(() => expect(root.querySelector('[role="status"]')?.textContent).toBe(said));
};

/** After Copy link: the check mark, and "Link copied" for screen readers. */
export const LinkCopied: Story = {
  args: { networks: 'x reddit copy' },
  beforeEach: clipboard(true),
  play: ({ canvasElement }) => pressCopy(canvasElement, 'Link copied'),
};

/** Copying refused (no clipboard, no fallback): the reader is told to copy the link themselves. */
export const CopyFailed: Story = {
  args: { networks: 'x reddit copy' },
  beforeEach: clipboard(false),
  play: ({ canvasElement }) =>
    pressCopy(canvasElement, 'Could not copy the link: select it and copy it yourself'),
};

export const Dark: Story = {
  args: { theme: 'dark' },
  decorators: [(story) => html`<div style="background:#0d1117;color:#e6edf3;padding:1rem">${story()}</div>`],
};

export const RightToLeft: Story = { args: { locale: 'ar', networks: 'x facebook whatsapp telegram copy' } };

export const German: Story = { args: { locale: 'de', networks: 'x facebook linkedin email copy' } };

/** First-party counts from the site's own server (here a fake one in the browser). */
export const WithCounts: Story = {
  render: () =>
    html`<kith-share server=${demoServer('ok')} site="demo" counts url=${url} networks="x reddit mastodon copy"></kith-share>`,
};

/** Counts asked for but the server is down: the buttons work as ever, without numbers. */
export const CountsUnavailable: Story = {
  render: () =>
    html`<kith-share server=${demoServer('down')} site="demo" counts url=${url} networks="x reddit mastodon copy"></kith-share>`,
};
