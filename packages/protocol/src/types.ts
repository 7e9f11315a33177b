import type { Static } from '@sinclair/typebox';
import type * as C from './schemas/comment.js';
import type * as E from './schemas/events.js';
import type * as P from './schemas/problem.js';
import type * as R from './schemas/rsvp.js';
import type * as S from './schemas/session.js';
import type * as Sh from './schemas/share.js';
import type * as Si from './schemas/site.js';

export type Site = Static<typeof Si.Site>;
export type SiteSettingsPatch = Static<typeof Si.SiteSettingsPatch>;
export type Author = Static<typeof S.Author>;
export type Session = Static<typeof S.Session>;
export type SessionInfo = Static<typeof S.SessionInfo>;
export type GuestSessionRequest = Static<typeof S.GuestSessionRequest>;
export type OwnerSessionRequest = Static<typeof S.OwnerSessionRequest>;
export type Comment = Static<typeof C.Comment>;
export type CommentPage = Static<typeof C.CommentPage>;
export type TopLevelComment = Static<typeof C.TopLevelComment>;
export type ThreadMeta = Static<typeof C.ThreadMeta>;
export type ThreadPage = Static<typeof C.ThreadPage>;
export type Viewer = Static<typeof C.Viewer>;
export type NewComment = Static<typeof C.NewComment>;
export type CommentEdit = Static<typeof C.CommentEdit>;
export type PreviewRequest = Static<typeof C.PreviewRequest>;
export type Preview = Static<typeof C.Preview>;
export type ReactionRequest = Static<typeof C.ReactionRequest>;
export type ReactionState = Static<typeof C.ReactionState>;
export type ThreadUpdate = Static<typeof C.ThreadUpdate>;
export type Counts = Static<typeof C.Counts>;
export type Sort = 'new' | 'old' | 'top';
export type Problem = Static<typeof P.Problem>;
export type ThreadEventType = (typeof E.threadEventTypes)[number];

/** Payload of each thread event, by its SSE event name. */
export interface ThreadEventMap {
  'comment.created': Static<typeof E.CommentEvent>;
  'comment.edited': Static<typeof E.CommentEvent>;
  'comment.deleted': Static<typeof E.CommentEvent>;
  'reaction.changed': Static<typeof E.ReactionEvent>;
  'thread.updated': Static<typeof E.ThreadEvent>;
  'event.changed': Static<typeof E.EventChangedEvent>;
  'event.removed': Static<typeof E.EventRemovedEvent>;
  reset: Static<typeof E.ResetEvent>;
}
export type ShareTarget = (typeof Sh.shareTargets)[number];
export type ShareClick = Static<typeof Sh.ShareClick>;
export type ShareCounts = Static<typeof Sh.ShareCounts>;
export type EventInput = Static<typeof R.EventInput>;
export type EventInfo = Static<typeof R.EventInfo>;
export type EventPlace = Static<typeof R.EventPlace>;
export type EventHost = Static<typeof R.EventHost>;
export type RsvpResponse = Static<typeof R.RsvpResponse>;
export type RsvpRequest = Static<typeof R.RsvpRequest>;
export type MyRsvp = Static<typeof R.MyRsvp>;
export type Attendee = Static<typeof R.Attendee>;
export type AttendeePage = Static<typeof R.AttendeePage>;
