import { toIcs } from '@kith/core/calendar';
import type { Hono } from 'hono';
import type { AppContext } from '../http/context.js';
import { defineRead, defineWrite } from '../http/define.js';

export function rsvpRoutes(app: Hono, ctx: AppContext) {
  defineRead(app, ctx, 'getEvent', async ({ site, params, viewer }) => ({
    status: 200,
    body: await ctx.rsvps.get(site.id, params.key, viewer?.userId),
  }));

  defineRead(app, ctx, 'listAttendees', async ({ site, params, query }) => ({
    status: 200,
    body: await ctx.rsvps.attendees(site.id, params.key, query.limit ?? 50, query.cursor),
  }));

  defineRead(app, ctx, 'eventCalendar', async ({ site, params }) => {
    const { event, stamp } = await ctx.rsvps.calendar(site.id, params.key);
    return new Response(toIcs(event, { stamp }), {
      headers: {
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': 'attachment; filename="event.ics"',
        // Calendars poll subscriptions: let them revalidate, not serve a stale copy for long.
        'cache-control': 'public, max-age=300',
      },
    });
  });

  defineWrite(app, ctx, 'putEvent', async ({ site, params, body }, tx) => {
    const { event, created } = await ctx.rsvps.put(tx, site.id, params.key, body);
    return { status: created ? 201 : 200, body: event, wake: params.key };
  });

  defineWrite(app, ctx, 'deleteEvent', async ({ site, params }, tx) => {
    await ctx.rsvps.remove(tx, site.id, params.key);
    return { status: 204, body: undefined, wake: params.key };
  });

  defineWrite(
    app,
    ctx,
    'rsvp',
    async ({ site, params, body, viewer }, tx) => ({
      status: 200,
      body: await ctx.rsvps.answer(tx, site.id, params.key, viewer.userId, body),
      wake: params.key,
    }),
    { limit: ({ site }) => ({ bucket: 'rsvps', ...site.settings.rateLimit.rsvps }) },
  );
}
