import type { EventInfo } from '@kith/core';

const schema = 'https://schema.org/';

type ScriptPolicy = { createScript(text: string): string };
let policy: ScriptPolicy | null | undefined;

/**
 * `json` as a script element's text. A page that enforces Trusted Types (its CSP says
 * `require-trusted-types-for 'script'`) takes script text only from a policy: this one is `kith`,
 * which such a page lists in `trusted-types`, and it only ever passes this data, which never runs.
 */
export function scriptText(json: string): string {
  if (policy === undefined) {
    const { trustedTypes } = globalThis as {
      trustedTypes?: { createPolicy(name: string, rules: ScriptPolicy): ScriptPolicy };
    };
    try {
      policy = trustedTypes?.createPolicy('kith', { createScript: (text) => text }) ?? null;
    } catch {
      policy = null; // the page's `trusted-types` does not list `kith`
    }
  }
  return policy ? policy.createScript(json) : json;
}

/**
 * The event as schema.org Event JSON-LD, for search engines' event listings. Escaped so that no
 * text can close the script element when the page is serialized.
 */
export function eventJsonLd(event: EventInfo, pageUrl: string): string {
  const { place } = event;
  const venue =
    place?.name || place?.address
      ? { '@type': 'Place', name: place.name ?? place.address, address: place.address ?? place.name }
      : undefined;
  const online = place?.online ? { '@type': 'VirtualLocation', url: place.online } : undefined;
  const mode = venue && online ? 'Mixed' : online ? 'Online' : 'Offline';
  const data = {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: event.title,
    startDate: event.start,
    endDate: event.end,
    eventStatus: `${schema}${event.status === 'cancelled' ? 'EventCancelled' : 'EventScheduled'}`,
    eventAttendanceMode: `${schema}${mode}EventAttendanceMode`,
    url: event.url ?? pageUrl,
    ...(event.description && { description: event.description }),
    ...(event.image && { image: [event.image] }),
    ...((venue || online) && { location: venue && online ? [venue, online] : (venue ?? online) }),
    ...(event.host && {
      organizer: {
        '@type': 'Organization',
        name: event.host.name,
        ...(event.host.url && { url: event.host.url }),
      },
    }),
    ...(event.capacity !== null && {
      maximumAttendeeCapacity: event.capacity,
      remainingAttendeeCapacity: event.rsvp.spotsLeft ?? undefined,
    }),
  };
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
