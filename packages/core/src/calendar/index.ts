/**
 * "Add to calendar" for any event, usable on its own: no DOM, no network, no dependencies
 * (`import { calendarUrl, toIcs } from '@kith/core/calendar'`). Links for Google Calendar,
 * Outlook.com, Microsoft 365 and Yahoo, and an iCalendar file for Apple Calendar and the rest.
 * Every value is encoded; times go out in UTC or as whole days, so nobody's calendar shifts them.
 */

export { type CalendarEvent, checkTimeZone, type EventTimes, eventTimes, type Instant } from './event.js';
export { type IcsOptions, icsMediaType, toIcs } from './ics.js';
export {
  type CalendarService,
  calendarServices,
  calendarUrl,
  googleCalendarUrl,
  linkDescriptionLimit,
  office365CalendarUrl,
  outlookCalendarUrl,
  yahooCalendarUrl,
} from './links.js';
