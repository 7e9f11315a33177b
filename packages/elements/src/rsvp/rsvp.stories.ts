import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { type MemoryKith, memoryKith } from '../test-support/memory-kith.js';
import { problem } from '../test-support/responses.js';
import './rsvp.js';

interface Args {
  locale?: string;
}

const inDays = (days: number, hours = 0) =>
  new Date(Date.now() + (days * 24 + hours) * 3_600_000).toISOString();
const names = ['Inés Ortega', 'Kofi Mensah', 'Mei Chen', 'Ravi', 'Ana Lima', 'Jonas Berg', 'Sara', 'Tomás'];

/** The group's next meetup, a few weeks ahead, with a venue, a stream and a host. */
function meetup(kith: MemoryKith, extra: object = {}) {
  kith.setEvent('/meetups/may', {
    title: 'Spring meetup: offline-first web apps',
    description:
      'Two short talks, then pizza and open discussion.\nBring a laptop if you want to try things.',
    start: inDays(21),
    end: inDays(21, 3),
    timeZone: 'Europe/Berlin',
    place: { name: 'Café Kith', address: 'Hauptstraße 1, Berlin', online: 'https://meet.example/spring' },
    host: { name: 'Berlin Web Group', url: 'https://group.example' },
    capacity: 30,
    maxGuests: 2,
    ...extra,
  });
}

function people(kith: MemoryKith, count: number) {
  for (let i = 0; i < count; i++) {
    kith.answer('/meetups/may', `${names[i % names.length]}${i >= names.length ? ` ${i}` : ''}`, {
      response: i % 5 === 4 ? 'maybe' : 'going',
      guests: i % 4 === 1 ? 1 : 0,
    });
  }
}

/** Signs a reader in, as the card would have kept it from an earlier visit. */
const signedIn = (kith: MemoryKith, name: string) =>
  localStorage.setItem(`kith:session:${kith.url}|blog`, JSON.stringify(kith.session(name)));

/** Light and dark side by side, each card on its own in-browser server. */
function pair(args: Args, setup: (kith: MemoryKith) => void) {
  const one = (theme: 'light' | 'dark') => {
    const kith = memoryKith();
    setup(kith);
    return html`<div style="flex: 1 1 22rem; padding: 1rem; background: ${theme === 'dark' ? '#0d1117' : '#fff'}">
      <kith-rsvp server=${kith.url} site="blog" thread="/meetups/may" theme=${theme} locale=${ifDefined(args.locale)}></kith-rsvp>
    </div>`;
  };
  return html`<div style="display: flex; flex-wrap: wrap; gap: 1rem">${one('light')}${one('dark')}</div>`;
}

const meta: Meta<Args> = {
  title: 'Elements/kith-rsvp',
  component: 'kith-rsvp',
  argTypes: { locale: { control: 'select', options: [undefined, 'en', 'de', 'fr', 'es', 'ja', 'ar'] } },
  render: (args) =>
    pair(args, (kith) => {
      meetup(kith);
      people(kith, 9);
    }),
  parameters: {
    // Each story shows the card twice (light and dark): two cards with one title is the story's
    // device, not a page's.
    a11y: { config: { rules: [{ id: 'landmark-unique', enabled: false }] } },
  },
};
export default meta;

type Story = StoryObj<Args>;

/** Upcoming, with seats left, faces of those going, and "Add to calendar". */
export const Upcoming: Story = {};

/** The reader answered Going with a guest. */
export const Going: Story = {
  render: (args) =>
    pair(args, (kith) => {
      meetup(kith);
      people(kith, 5);
      kith.answer('/meetups/may', 'Reader', { response: 'going', guests: 1 });
      signedIn(kith, 'Reader');
    }),
};

/** Full: answering Going puts the reader on the waitlist; here they are second in line. */
export const Waitlisted: Story = {
  render: (args) =>
    pair(args, (kith) => {
      meetup(kith, { capacity: 6 });
      people(kith, 8);
      kith.answer('/meetups/may', 'Someone', { response: 'going' });
      kith.answer('/meetups/may', 'Reader', { response: 'going' });
      signedIn(kith, 'Reader');
    }),
};

/** Not signed in: after choosing an answer, the card asks for a name. */
export const AskingForAName: Story = {
  render: (args) =>
    pair(args, (kith) => {
      meetup(kith);
      people(kith, 3);
    }),
  play: async ({ canvasElement }) => {
    for (const card of canvasElement.querySelectorAll('kith-rsvp')) {
      await (card as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 50));
      card.shadowRoot?.querySelector<HTMLButtonElement>('[part~="answer-going"]')?.click();
    }
  },
};

/** The answer could not be sent: the choice is kept and can be tried again. */
export const AnswerFailed: Story = {
  render: (args) =>
    pair(args, (kith) => {
      meetup(kith);
      signedIn(kith, 'Reader');
      kith.fail = (request) => (request.method === 'PUT' ? problem('internal-error', 500) : undefined);
    }),
  play: async ({ canvasElement }) => {
    for (const card of canvasElement.querySelectorAll('kith-rsvp')) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      card.shadowRoot?.querySelector<HTMLButtonElement>('[part~="answer-maybe"]')?.click();
    }
  },
};

/** Happening now: answers are closed, calendar links stay. */
export const HappeningNow: Story = {
  render: (args) =>
    pair(args, (kith) => {
      meetup(kith, { start: inDays(0, -1), end: inDays(0, 2) });
      people(kith, 6);
    }),
};

/** Over: no answers, no calendar menu needed. */
export const Ended: Story = {
  render: (args) =>
    pair(args, (kith) => {
      meetup(kith, { start: inDays(-7), end: inDays(-7, 3) });
      people(kith, 6);
    }),
};

/** Called off: marked cancelled, no answers, no links to add it. */
export const Cancelled: Story = {
  render: (args) =>
    pair(args, (kith) => {
      meetup(kith, { status: 'cancelled' });
      people(kith, 4);
    }),
};

/** A whole-day event with no limit, online only. */
export const AllDayOnline: Story = {
  render: (args) =>
    pair(args, (kith) => {
      meetup(kith, {
        title: 'Community hack day',
        start: '2099-06-06',
        end: '2099-06-07',
        allDay: true,
        capacity: null,
        maxGuests: 0,
        place: { online: 'https://meet.example/hack' },
      });
    }),
};

/** While the event is on its way. */
export const Loading: Story = {
  render: (args) =>
    pair(args, (kith) => {
      meetup(kith);
      kith.fail = () => new Promise<Response>(() => {});
    }),
};

/** The event could not be had (the server failing, or not a Kith server): said, with Try again. */
export const LoadFailed: Story = {
  render: (args) =>
    pair(args, (kith) => {
      meetup(kith);
      kith.fail = () => problem('internal-error', 500);
    }),
};

/** The page has no event (a site owner's mistake, said plainly). */
export const NoEvent: Story = { render: (args) => pair(args, () => {}) };

export const Arabic: Story = { args: { locale: 'ar' } };

export const German: Story = { args: { locale: 'de' } };
