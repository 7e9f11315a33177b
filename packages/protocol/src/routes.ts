import { type TSchema, Type } from '@sinclair/typebox';
import {
  Comment,
  CommentEdit,
  CommentPage,
  Counts,
  NewComment,
  Preview,
  PreviewRequest,
  ReactionRequest,
  ReactionState,
  ThreadMeta,
  ThreadPage,
  ThreadUpdate,
} from './schemas/comment.js';
import { CommentId, Cursor, Limit, SiteId, Sort, Strict, ThreadKey, UserId } from './schemas/common.js';
import { SiteExport } from './schemas/export.js';
import { MyData } from './schemas/my-data.js';
import { ProofChallenge } from './schemas/proof.js';
import { ReportedPage, ReportRequest } from './schemas/report.js';
import { AttendeePage, EventInfo, EventInput, RsvpRequest } from './schemas/rsvp.js';
import {
  ErasedUser,
  GuestSessionRequest,
  OwnerSessionRequest,
  Session,
  SessionInfo,
  SsoSessionRequest,
} from './schemas/session.js';
import { ShareClick, ShareCounts } from './schemas/share.js';
import { Site, SiteSettings, SiteSettingsPatch } from './schemas/site.js';

/**
 * Who may call a route: anyone, a signed-in reader (bearer session token), the site owner
 * (secret), or `moderator`: the owner, or a reader the site named a moderator (their session).
 */
export type Auth = 'none' | 'optional-user' | 'user' | 'secret' | 'moderator';

export interface RouteSpec {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** OpenAPI-style path, e.g. `/v1/sites/{site}`. */
  path: string;
  summary: string;
  auth: Auth;
  params?: TSchema;
  query?: TSchema;
  body?: TSchema;
  /** Status → body schema; `null` for an empty body. */
  responses: Record<number, TSchema | null>;
  /** text/event-stream instead of JSON. */
  stream?: true;
  /** The media type of a text body answered instead of JSON (`text/calendar`). */
  text?: string;
  /** Takes a `Kith-Proof` header (a solved `getChallenge`) when the site asks for one. */
  proof?: true;
}

const SiteParams = Strict({ site: SiteId });
const ThreadParams = Strict({ site: SiteId, key: ThreadKey });
const CommentParams = Strict({ site: SiteId, id: CommentId });
const UserParams = Strict({ site: SiteId, id: UserId });

/**
 * The protocol's routes: the server validates with these, the OpenAPI document is generated from
 * them and the client's types come from the same schemas.
 */
export const routes = {
  getSite: {
    method: 'GET',
    path: '/v1/sites/{site}',
    summary: 'The site’s capabilities: features, moderation mode, reactions and limits',
    auth: 'none',
    params: SiteParams,
    responses: { 200: Site },
  },
  getSettings: {
    method: 'GET',
    path: '/v1/sites/{site}/admin/settings',
    summary: 'Everything the site owner has set, hold words included (site secret)',
    auth: 'secret',
    params: SiteParams,
    responses: { 200: SiteSettings },
  },
  exportSite: {
    method: 'GET',
    path: '/v1/sites/{site}/admin/export',
    summary:
      'Every thread, comment and event of the site, as one file to keep or import elsewhere (site secret)',
    auth: 'secret',
    params: SiteParams,
    responses: { 200: SiteExport },
  },
  exportSiteWxr: {
    method: 'GET',
    path: '/v1/sites/{site}/admin/export.wxr',
    summary:
      'The site’s comments as a WordPress export (WXR 1.2), which WordPress, Disqus, Remark42 and Isso import (site secret)',
    auth: 'secret',
    params: SiteParams,
    query: Strict({
      base: Type.Optional(
        Type.String({
          pattern: '^https?://[^/\\s]+$',
          maxLength: 300,
          errorMessage: 'Must be an origin: http:// or https://, the host and any port, no path',
          description: 'Where the site’s pages are (an origin); the site’s first origin when left out.',
        }),
      ),
    }),
    responses: { 200: null },
    text: 'application/rss+xml',
  },
  updateSite: {
    method: 'PATCH',
    path: '/v1/sites/{site}/admin/settings',
    summary: 'Change the site’s settings (site secret); answers with what readers see',
    auth: 'secret',
    params: SiteParams,
    body: SiteSettingsPatch,
    responses: { 200: Site },
  },
  getChallenge: {
    method: 'GET',
    path: '/v1/sites/{site}/challenge',
    summary:
      'A fresh proof-of-work challenge (ALTCHA v2) to solve before posting, where the site asks for one',
    auth: 'none',
    params: SiteParams,
    responses: { 200: ProofChallenge },
  },
  getThread: {
    method: 'GET',
    path: '/v1/sites/{site}/threads/{key}',
    summary: 'A thread’s meta, counts and first page of top-level comments with their first replies',
    auth: 'optional-user',
    params: ThreadParams,
    query: Strict({ sort: Type.Optional(Sort), limit: Type.Optional(Limit), cursor: Type.Optional(Cursor) }),
    responses: { 200: ThreadPage },
  },
  updateThread: {
    method: 'PUT',
    path: '/v1/sites/{site}/admin/threads/{key}',
    summary: 'Close or reopen a thread (site secret); a closed thread is read-only',
    auth: 'secret',
    params: ThreadParams,
    body: ThreadUpdate,
    responses: { 200: ThreadMeta },
  },
  reportComment: {
    method: 'POST',
    path: '/v1/sites/{site}/comments/{id}/reports',
    summary: 'Report someone else’s comment to the site owner (once per reader; again changes the reason)',
    auth: 'user',
    params: CommentParams,
    body: ReportRequest,
    responses: { 204: null },
  },
  listReports: {
    method: 'GET',
    path: '/v1/sites/{site}/admin/reports',
    summary: 'Reported comments on every thread, the first reported first (site secret or a moderator)',
    auth: 'moderator',
    params: SiteParams,
    query: Strict({ limit: Type.Optional(Limit), cursor: Type.Optional(Cursor) }),
    responses: { 200: ReportedPage },
  },
  dismissReports: {
    method: 'DELETE',
    path: '/v1/sites/{site}/admin/comments/{id}/reports',
    summary: 'Dismiss a comment’s reports: it stays, and leaves the queue (site secret or a moderator)',
    auth: 'moderator',
    params: CommentParams,
    responses: { 204: null },
  },
  listPending: {
    method: 'GET',
    path: '/v1/sites/{site}/admin/pending',
    summary: 'Comments awaiting moderation on every thread, oldest first (site secret or a moderator)',
    auth: 'moderator',
    params: SiteParams,
    query: Strict({ limit: Type.Optional(Limit), cursor: Type.Optional(Cursor) }),
    responses: { 200: CommentPage },
  },
  approveComment: {
    method: 'POST',
    path: '/v1/sites/{site}/admin/comments/{id}/approve',
    summary:
      'Publish a comment awaiting moderation (site secret or a moderator); approving a published one changes nothing',
    auth: 'moderator',
    params: CommentParams,
    responses: { 200: Comment },
  },
  removeComment: {
    method: 'DELETE',
    path: '/v1/sites/{site}/admin/comments/{id}',
    summary:
      'Remove a comment (site secret or a moderator): one awaiting moderation is rejected and gone; a published one is deleted and its replies stay',
    auth: 'moderator',
    params: CommentParams,
    responses: { 204: null },
  },
  blockUser: {
    method: 'PUT',
    path: '/v1/sites/{site}/admin/users/{id}',
    summary:
      'Block a commenter (an author id) from posting, reacting, reporting and answering events, or let them again (site secret or a moderator; moderators block no moderator)',
    auth: 'moderator',
    params: UserParams,
    body: Strict({ blocked: Type.Boolean() }),
    responses: { 204: null },
  },
  userData: {
    method: 'GET',
    path: '/v1/sites/{site}/admin/users/{id}/data',
    summary:
      'A copy of everything the site holds of a commenter (an author id), to answer their request for it (site secret)',
    auth: 'secret',
    params: UserParams,
    responses: { 200: MyData },
  },
  eraseUser: {
    method: 'DELETE',
    path: '/v1/sites/{site}/admin/users/{id}',
    summary:
      'Erase a commenter (an author id), as the right to erasure asks: their comments become tombstones (replies stay), their reactions, event answers, reports and sessions go, and their name and email are forgotten (site secret)',
    auth: 'secret',
    params: UserParams,
    responses: { 200: ErasedUser },
  },
  createComment: {
    method: 'POST',
    path: '/v1/sites/{site}/threads/{key}/comments',
    summary: 'Post a comment or a reply (Markdown in, sanitized HTML out)',
    auth: 'user',
    params: ThreadParams,
    body: NewComment,
    responses: { 201: Comment },
    proof: true,
  },
  getReplies: {
    method: 'GET',
    path: '/v1/sites/{site}/comments/{id}/replies',
    summary: 'A page of the replies below a comment, at any depth, oldest first',
    auth: 'none',
    params: CommentParams,
    query: Strict({ limit: Type.Optional(Limit), cursor: Type.Optional(Cursor) }),
    responses: { 200: CommentPage },
  },
  getComment: {
    method: 'GET',
    path: '/v1/sites/{site}/comments/{id}',
    summary: 'One comment (for permalinks): published, or the signed-in author’s own pending one',
    auth: 'optional-user',
    params: CommentParams,
    responses: { 200: Comment },
  },
  previewComment: {
    method: 'POST',
    path: '/v1/sites/{site}/preview',
    summary: 'Render Markdown exactly as posting it would, without posting (rate-limited)',
    auth: 'none',
    params: SiteParams,
    body: PreviewRequest,
    responses: { 200: Preview },
  },
  editComment: {
    method: 'PATCH',
    path: '/v1/sites/{site}/comments/{id}',
    summary: 'Edit one’s own comment within the edit window',
    auth: 'user',
    params: CommentParams,
    body: CommentEdit,
    responses: { 200: Comment },
  },
  deleteComment: {
    method: 'DELETE',
    path: '/v1/sites/{site}/comments/{id}',
    summary: 'Delete one’s own comment within the edit window; its replies stay',
    auth: 'user',
    params: CommentParams,
    responses: { 200: Comment },
  },
  react: {
    method: 'POST',
    path: '/v1/sites/{site}/comments/{id}/reactions',
    summary: 'Add, remove or toggle one of the site’s reactions on a comment',
    auth: 'user',
    params: CommentParams,
    body: ReactionRequest,
    responses: { 200: ReactionState },
  },
  getCounts: {
    method: 'GET',
    path: '/v1/sites/{site}/counts',
    summary: 'Comment counts for many threads in one request (`?thread=a&thread=b`)',
    auth: 'none',
    params: SiteParams,
    query: Strict({ thread: Type.Array(ThreadKey, { minItems: 1, maxItems: 100 }) }),
    responses: { 200: Counts },
  },
  getShares: {
    method: 'GET',
    path: '/v1/sites/{site}/threads/{key}/shares',
    summary: 'How often a page was shared, per network (first-party counts, no third party asked)',
    auth: 'none',
    params: ThreadParams,
    responses: { 200: ShareCounts },
  },
  countShare: {
    method: 'POST',
    path: '/v1/sites/{site}/threads/{key}/shares',
    summary: 'Count a share click: once per reader and network; rate-limited',
    auth: 'optional-user',
    params: ThreadParams,
    body: ShareClick,
    responses: { 200: ShareCounts },
  },
  getEvent: {
    method: 'GET',
    path: '/v1/sites/{site}/threads/{key}/event',
    summary:
      'The page’s event: details, answers so far and the first attendees; with a session, the reader’s own answer',
    auth: 'optional-user',
    params: ThreadParams,
    responses: { 200: EventInfo },
  },
  putEvent: {
    method: 'PUT',
    path: '/v1/sites/{site}/admin/threads/{key}/event',
    summary:
      'Create or change the page’s event (site secret); each change calendars show raises its sequence, and freed seats go to the waitlist in turn',
    auth: 'secret',
    params: ThreadParams,
    body: EventInput,
    responses: { 200: EventInfo, 201: EventInfo },
  },
  deleteEvent: {
    method: 'DELETE',
    path: '/v1/sites/{site}/admin/threads/{key}/event',
    summary:
      'Remove the page’s event and its answers (site secret); to call it off, set its status to cancelled instead',
    auth: 'secret',
    params: ThreadParams,
    responses: { 204: null },
  },
  rsvp: {
    method: 'PUT',
    path: '/v1/sites/{site}/threads/{key}/event/rsvp',
    summary:
      'Answer the event: going (with guests), maybe or not going. Past capacity, going joins the waitlist; never overbooked',
    auth: 'user',
    params: ThreadParams,
    body: RsvpRequest,
    responses: { 200: EventInfo },
  },
  listAttendees: {
    method: 'GET',
    path: '/v1/sites/{site}/threads/{key}/event/attendees',
    summary: 'Everyone going, in the order they answered',
    auth: 'none',
    params: ThreadParams,
    query: Strict({ limit: Type.Optional(Limit), cursor: Type.Optional(Cursor) }),
    responses: { 200: AttendeePage },
  },
  threadFeed: {
    method: 'GET',
    path: '/v1/sites/{site}/threads/{key}/feed.atom',
    summary: 'The thread’s latest 50 comments, replies included, as an Atom feed (RFC 4287), newest first',
    auth: 'none',
    params: ThreadParams,
    responses: { 200: null },
    text: 'application/atom+xml',
  },
  siteFeed: {
    method: 'GET',
    path: '/v1/sites/{site}/feed.atom',
    summary: 'The latest 50 comments on every thread of the site as an Atom feed (RFC 4287), newest first',
    auth: 'none',
    params: SiteParams,
    responses: { 200: null },
    text: 'application/atom+xml',
  },
  eventCalendar: {
    method: 'GET',
    path: '/v1/sites/{site}/threads/{key}/event/calendar.ics',
    summary:
      'The event as an iCalendar file (RFC 5545) with a stable UID and SEQUENCE, for subscribing or importing',
    auth: 'none',
    params: ThreadParams,
    responses: { 200: null },
    text: 'text/calendar',
  },
  createSession: {
    method: 'POST',
    path: '/v1/sites/{site}/sessions',
    summary: 'Start a guest session (name, optional email); returns a bearer token',
    auth: 'none',
    params: SiteParams,
    body: GuestSessionRequest,
    responses: { 201: Session },
  },
  createSsoSession: {
    method: 'POST',
    path: '/v1/sites/{site}/sessions/sso',
    summary: 'Sign in one of the site’s own users with a token the site signed for them (single sign-on)',
    auth: 'none',
    params: SiteParams,
    body: SsoSessionRequest,
    responses: { 201: Session },
  },
  createOwnerSession: {
    method: 'POST',
    path: '/v1/sites/{site}/admin/sessions',
    summary: 'Mint a session for one of the site’s own users (site secret, server to server)',
    auth: 'secret',
    params: SiteParams,
    body: OwnerSessionRequest,
    responses: { 201: Session },
  },
  getSession: {
    method: 'GET',
    path: '/v1/sites/{site}/sessions/current',
    summary: 'The session the bearer token belongs to',
    auth: 'user',
    params: SiteParams,
    responses: { 200: SessionInfo },
  },
  deleteSession: {
    method: 'DELETE',
    path: '/v1/sites/{site}/sessions/current',
    summary: 'Sign out: revoke the bearer token',
    auth: 'user',
    params: SiteParams,
    responses: { 204: null },
  },
  myData: {
    method: 'GET',
    path: '/v1/sites/{site}/users/me/data',
    summary:
      'A copy of everything the site holds of the signed-in reader: who they are, their comments, reactions, event answers and reports',
    auth: 'user',
    params: SiteParams,
    responses: { 200: MyData },
  },
  eraseMe: {
    method: 'DELETE',
    path: '/v1/sites/{site}/users/me',
    summary:
      'Erase the signed-in reader, at their own request: as the owner’s erasure does, and signed out (also when blocked)',
    auth: 'user',
    params: SiteParams,
    responses: { 200: ErasedUser },
  },
  threadEvents: {
    method: 'GET',
    path: '/v1/sites/{site}/threads/{key}/events',
    summary:
      'Server-Sent Events for one thread, resumable with Last-Event-ID; a moderator’s also carry comments waiting for approval',
    auth: 'optional-user',
    params: ThreadParams,
    query: Strict({ lastEventId: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$' })) }),
    responses: { 200: null },
    stream: true,
  },
} as const satisfies Record<string, RouteSpec>;

export type RouteId = keyof typeof routes;
