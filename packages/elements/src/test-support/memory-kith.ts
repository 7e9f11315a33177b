/**
 * A Kith server in the browser's memory, speaking enough of the protocol for the thread's
 * component tests and stories: sessions, pages in each sort with inline replies, replies, one
 * comment, preview, posting (with Idempotency-Key and, where the site asks, a proof of work), reports, editing, deleting, reactions and the live
 * event stream. Never a network; the real server is exercised end to end.
 */
import type { Comment, EventInfo, RsvpRequest, Site, Sort } from '@kith/core';
import { createChallenge, verifySolution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/pbkdf2';
import { json, problem } from './responses.js';

// Proofs of work as the reference server makes and checks them (ALTCHA v2), at a test's difficulty.
const proofSecrets = { hmacSignatureSecret: 'memory-challenge', hmacKeySignatureSecret: 'memory-key' };
const makeChallenge = () =>
  createChallenge({
    algorithm: 'PBKDF2/SHA-256',
    cost: 500,
    counter: 20 + Math.floor(Math.random() * 40),
    deriveKey,
    expiresAt: Math.floor(Date.now() / 1000) + 600,
    ...proofSecrets,
  });

async function proofProblem(header: string | null, spent: Set<string>): Promise<Response | undefined> {
  if (!header)
    return problem('proof-required', 403, 'Solve a challenge and send it in the Kith-Proof header.');
  try {
    const { challenge, solution } = JSON.parse(atob(header));
    const result = await verifySolution({ challenge, solution, deriveKey, ...proofSecrets });
    if (!result.verified || spent.has(challenge.parameters.nonce)) throw new Error('refused');
    spent.add(challenge.parameters.nonce);
    return undefined;
  } catch {
    return problem('proof-invalid', 403, 'The proof of work is wrong, expired or already used.');
  }
}

interface Stored extends Comment {
  seq: number;
}

export interface MemoryKith {
  url: string;
  site: Site;
  comments: Stored[];
  closed: Set<string>;
  /** Answers every request with this instead (e.g. a problem response), while set. */
  fail: ((request: Request) => Response | undefined | Promise<Response | undefined>) | undefined;
  /**
   * Waits for this before it answers a request it has carried out (a comment is stored and its
   * news sent to open streams): the answer arrives after the news, as it can on a real network.
   */
  answering: ((request: Request) => Promise<void> | undefined) | undefined;
  /** Adds a comment as another reader would (it reaches open streams). */
  add(
    thread: string,
    markdown: string,
    options?: { parentId?: string; author?: string; at?: string; status?: Comment['status'] },
  ): Stored;
  /** A signed-in reader, as the thread keeps it on the device (put it in localStorage to use it). */
  session(
    name: string,
    kind?: 'guest' | 'sso',
    moderator?: boolean,
  ): { token: string; expiresAt: string; user: NonNullable<Comment['author']>; moderator?: boolean };
  /** A comment by `author` awaiting moderation: only its author sees it. */
  addPending(thread: string, markdown: string, author: string, parentId?: string): Stored;
  requests: Request[];
  /** Readers' reports, as the site owner's queue would list them. */
  reports: { comment: string; by: string; reason: string }[];
  /**
   * Puts an event on a page (its answers kept); answers past `capacity` wait in line and are
   * seated in turn, as on the real server (whose conformance suite proves the details).
   */
  setEvent(thread: string, event: Partial<EventInfo> & Pick<EventInfo, 'title' | 'start' | 'end'>): void;
  /** The owner removes the page's event (open streams hear `event.removed`). */
  removeEvent(thread: string): void;
  /** Another reader answers the event (it reaches open streams). */
  answer(thread: string, name: string, answer: RsvpRequest): void;
  /** Ends every open stream, as a dropped connection does (clients reconnect after `retry`). */
  dropStreams(): void;
  /** Forgets every event so far: a stream resuming from before gets `reset`, as after 30 days. */
  pruneEvents(): void;
}

interface StoredEvent {
  info: Omit<EventInfo, 'rsvp' | 'attendees' | 'mine'>;
  answers: Map<string, { name: string; response: RsvpRequest['response']; guests: number; waiting: boolean }>;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A few Markdown rules, enough to show formatting; the real server uses markdown-it. */
export function miniMarkdown(markdown: string): string {
  return markdown
    .trim()
    .split(/\n{2,}/)
    .map(
      (block) =>
        `<p>${escapeHtml(block)
          .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
          .replace(/\*(.+?)\*/g, '<em>$1</em>')
          .replace(/`(.+?)`/g, '<code>$1</code>')
          .replace(/\n/g, '<br>')}</p>`,
    )
    .join('\n');
}

let instances = 0;
const realFetch = globalThis.fetch.bind(globalThis);
const servers = new Map<string, (request: Request, url: URL) => Promise<Response>>();

globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const request = new Request(input, init);
  const url = new URL(request.url);
  const handle = url.hostname === 'memory.kith.test' ? servers.get(url.pathname.split('/')[1]!) : undefined;
  return handle ? handle(request, url) : realFetch(input, init);
};

/** A sign-in token as a site would sign one (single sign-on); `memoryKith` refuses a "forged" signature. */
export function ssoToken(claims: { sub: string; name: string }, signature = 'signed'): string {
  const exp = Math.floor(Date.now() / 1000) + 600;
  return `${btoa('{"alg":"HS256"}')}.${btoa(JSON.stringify({ ...claims, exp }))}.${signature}`;
}

export function memoryKith(
  options: { site?: Partial<Site>; html?: (markdown: string) => string } = {},
): MemoryKith {
  // Unique per page load too: sessions, drafts and outboxes are kept per server URL in localStorage.
  const name = `m${++instances}${Math.random().toString(36).slice(2, 8)}`;
  const render = options.html ?? miniMarkdown;
  let seq = 0;
  let eventId = 0;
  const sessions = new Map<string, { id: string; name: string; moderator?: boolean }>();
  /** Commenters a moderator blocked: their writes are refused. */
  const blocked = new Set<string>();
  const mine = new Map<string, Set<string>>(); // `${user}|${comment}` -> reactions
  const done = new Map<string, Response>();
  const spentProofs = new Set<string>();
  const streams = new Set<{
    thread: string;
    moderator: boolean;
    userId: string | undefined;
    push: (id: number, type: string, data: unknown) => void;
    end: () => void;
  }>();
  /** Events before this id were pruned. */
  let prunedBefore = 0;
  /** Every event, kept as the reference server keeps them: a stream resumes after `Last-Event-ID`. */
  const log: { id: number; thread: string; type: string; data: unknown; waitingBy?: string }[] = [];
  const site: Site = {
    id: 'blog',
    name: 'Blog',
    protocol: 'kith/1',
    features: {
      comments: true,
      reactions: true,
      guests: true,
      realtime: true,
      shareCounts: true,
      events: false,
    },
    moderation: 'none',
    proofOfWork: 'none',
    reactions: ['+1', 'heart', 'laugh'],
    limits: {
      commentMaxLength: 2000,
      editWindowSeconds: 900,
      pageSize: 20,
      maxPageSize: 100,
      repliesPreview: 3,
      countsBatchMax: 100,
      rateLimit: {
        comments: { max: 10, windowSeconds: 60 },
        sessions: { max: 10, windowSeconds: 60 },
        reactions: { max: 100, windowSeconds: 60 },
        shares: { max: 100, windowSeconds: 60 },
        rsvps: { max: 100, windowSeconds: 60 },
      },
    },
    ...options.site,
  };
  const newSession = (name: string, kind: 'guest' | 'sso' = 'guest', moderator = false) => {
    const token = `t${sessions.size + 1}-${name}`;
    sessions.set(token, { id: `u-${name}`, name, moderator });
    return {
      token,
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      user: { id: `u-${name}`, name, kind, avatarUrl: null },
      ...(moderator && { moderator: true }),
    };
  };
  const events = new Map<string, StoredEvent>();
  const seats = (stored: StoredEvent) =>
    [...stored.answers.values()]
      .filter((a) => a.response === 'going' && !a.waiting)
      .reduce((n, a) => n + 1 + a.guests, 0);
  /** Seats the line in turn while the first party fits. */
  const seatLine = (stored: StoredEvent) => {
    for (const entry of stored.answers.values()) {
      if (!entry.waiting) continue;
      if (stored.info.capacity !== null && seats(stored) + 1 + entry.guests > stored.info.capacity) return;
      entry.waiting = false;
    }
  };
  const eventView = (thread: string, userId?: string): EventInfo | undefined => {
    const stored = events.get(thread);
    if (!stored) return undefined;
    const all = [...stored.answers.entries()];
    const going = seats(stored);
    const waiting = all.filter(([, a]) => a.waiting);
    const view: EventInfo = {
      ...stored.info,
      rsvp: {
        going,
        maybe: all.filter(([, a]) => a.response === 'maybe').length,
        notGoing: all.filter(([, a]) => a.response === 'not-going').length,
        waitlist: waiting.reduce((n, [, a]) => n + 1 + a.guests, 0),
        spotsLeft: stored.info.capacity === null ? null : Math.max(0, stored.info.capacity - going),
        open: stored.info.status !== 'cancelled' && Date.now() < Date.parse(stored.info.start),
      },
      attendees: all
        .filter(([, a]) => stored.info.showAttendees && a.response === 'going' && !a.waiting)
        .slice(0, 12)
        .map(([id, a]) => ({ id, name: a.name, avatarUrl: null, guests: a.guests })),
    };
    if (userId !== undefined) {
      const mine = stored.answers.get(userId);
      view.mine = mine
        ? {
            response: mine.response,
            guests: mine.guests,
            waitlisted: mine.waiting,
            position: mine.waiting ? waiting.findIndex(([id]) => id === userId) + 1 : null,
          }
        : null;
    }
    return view;
  };
  const answer = (thread: string, userId: string, name: string, request: RsvpRequest) => {
    const stored = events.get(thread)!;
    const before = stored.answers.get(userId);
    const guests = request.response === 'going' ? (request.guests ?? 0) : 0;
    const seated = before?.response === 'going' && !before.waiting;
    const free =
      stored.info.capacity === null ? Number.POSITIVE_INFINITY : stored.info.capacity - seats(stored);
    let waiting = false;
    if (request.response === 'going') {
      if (seated) {
        if (1 + guests > free + 1 + before.guests) return problem('event-full', 409, 'Not enough seats.');
      } else {
        const line = [...stored.answers.values()].some((a) => a.waiting);
        waiting = before?.waiting || line || 1 + guests > free;
      }
    }
    // A new place in line or seat goes to the end, as the server orders them.
    if (!(seated && request.response === 'going') && !before?.waiting) stored.answers.delete(userId);
    stored.answers.set(userId, { name, response: request.response, guests, waiting });
    seatLine(stored);
    emit(thread, 'event.changed', { event: eventView(thread) });
    return undefined;
  };
  const kith: MemoryKith = {
    setEvent(thread, event) {
      const previous = events.get(thread);
      const info = {
        thread,
        uid: previous?.info.uid ?? `${thread}@memory.kith.test`,
        description: null,
        allDay: false,
        timeZone: 'Europe/Berlin',
        url: null,
        place: null,
        host: null,
        image: null,
        capacity: null,
        maxGuests: 0,
        showAttendees: true,
        status: 'scheduled' as const,
        sequence: previous ? previous.info.sequence + 1 : 0,
        updatedAt: new Date().toISOString(),
        ...event,
      };
      delete (info as Partial<EventInfo>).rsvp;
      delete (info as Partial<EventInfo>).attendees;
      delete (info as Partial<EventInfo>).mine;
      const stored = { info, answers: previous?.answers ?? new Map() };
      events.set(thread, stored);
      seatLine(stored);
      emit(thread, 'event.changed', { event: eventView(thread) });
    },
    dropStreams() {
      for (const stream of streams) stream.end();
      streams.clear();
    },
    pruneEvents() {
      log.length = 0;
      prunedBefore = eventId + 1;
    },
    removeEvent(thread) {
      events.delete(thread);
      emit(thread, 'event.removed', { thread });
    },
    answer(thread, name, request) {
      answer(thread, `u-${name}`, name, request);
    },
    session: newSession,
    addPending(thread, markdown, author, parentId) {
      return kith.add(thread, markdown, { author, status: 'pending', ...(parentId && { parentId }) });
    },
    url: `https://memory.kith.test/${name}`,
    site,
    comments: [],
    closed: new Set(),
    fail: undefined,
    answering: undefined,
    requests: [],
    reports: [],
    add(thread, markdown, { parentId, author = 'Someone', at, status = 'published' } = {}) {
      const parent = parentId ? kith.comments.find((c) => c.id === parentId) : undefined;
      const comment: Stored = {
        id: `c${++seq}`,
        seq,
        threadKey: thread,
        parentId: parent?.id ?? null,
        rootId: parent ? (parent.rootId ?? parent.id) : null,
        depth: parent ? parent.depth + 1 : 0,
        author: { id: `u-${author}`, name: author, kind: 'guest', avatarUrl: null },
        markdown,
        html: render(markdown),
        status,
        deleted: false,
        createdAt: at ?? new Date().toISOString(),
        editedAt: null,
        reactions: {},
        replyCount: 0,
      };
      kith.comments.push(comment);
      // One awaiting moderation is seen by its author and moderators only: not counted, and
      // announced on their streams alone.
      if (status === 'pending') {
        emit(thread, 'comment.created', { comment: strip(comment) }, comment.author!.id);
        return comment;
      }
      for (let up = parent; up; up = kith.comments.find((c) => c.id === up!.parentId)) up.replyCount += 1;
      emit(thread, 'comment.created', { comment: strip(comment) });
      return comment;
    },
  };
  const strip = ({ seq: _seq, ...comment }: Stored): Comment => comment;
  /** Whether a stream carries an event: news of a waiting comment goes to moderators and its author. */
  const hears = (stream: { moderator: boolean; userId: string | undefined }, waitingBy?: string) =>
    !waitingBy || stream.moderator || stream.userId === waitingBy;
  /** `waitingBy`: the author of the comment waiting for approval the event is about. */
  const emit = (thread: string, type: string, data: unknown, waitingBy?: string) => {
    const id = ++eventId;
    log.push({ id, thread, type, data, ...(waitingBy && { waitingBy }) });
    for (const stream of streams) {
      if (stream.thread === thread && hears(stream, waitingBy)) stream.push(id, type, data);
    }
  };
  const meta = (thread: string) => {
    const visible = kith.comments.filter(
      (c) => c.threadKey === thread && !c.deleted && c.status === 'published',
    );
    return {
      key: thread,
      closed: kith.closed.has(thread),
      commentCount: visible.length,
      topLevelCount: visible.filter((c) => c.depth === 0).length,
      createdAt: null,
    };
  };
  const order: Record<Sort, (a: Stored, b: Stored) => number> = {
    new: (a, b) => b.seq - a.seq,
    old: (a, b) => a.seq - b.seq,
    top: (a, b) => total(b) - total(a) || b.seq - a.seq,
  };
  const total = (c: Stored) => Object.values(c.reactions).reduce((n, v) => n + v, 0);
  const repliesOf = (root: Stored, after = 0, limit = 20) => {
    const all = kith.comments
      .filter((c) => c.rootId === root.id && c.seq > after && c.status === 'published')
      .sort((a, b) => a.seq - b.seq);
    const page = all.slice(0, limit);
    return { comments: page.map(strip), nextCursor: all.length > limit ? `r${page.at(-1)!.seq}` : null };
  };
  const user = (request: Request) =>
    sessions.get(request.headers.get('authorization')?.replace('Bearer ', '') ?? '');

  const respond = async (request: Request, url: URL): Promise<Response> => {
    kith.requests.push(request.clone());
    const failed = await kith.fail?.(request);
    if (failed) return failed;
    const path = url.pathname.replace(`/${name}/v1/sites/blog`, '').replace(/\/$/, '');
    const sent = request.method === 'GET' || request.method === 'DELETE' ? '' : await request.text();
    const body = sent ? JSON.parse(sent) : undefined;
    const idem = request.headers.get('idempotency-key');
    if (idem && done.has(idem)) return done.get(idem)!.clone();
    const remember = (response: Response) => {
      if (idem) done.set(idem, response.clone());
      return response;
    };
    let m: RegExpMatchArray | null;
    const writer = user(request);
    // As the reference server: a token it did not issue, or one revoked, is refused on any route.
    if (request.headers.has('authorization') && !writer) {
      return problem('invalid-token', 401, 'The sign-in token was refused: it was revoked or never issued.');
    }
    if (writer && blocked.has(writer.id) && request.method !== 'GET' && !path.startsWith('/sessions')) {
      return problem('user-blocked', 403, 'The site blocked this commenter.');
    }
    if ((m = path.match(/^\/admin\/users\/([^/]+)$/)) && request.method === 'PUT') {
      if (!writer?.moderator) return problem('forbidden', 403, 'Only the site’s moderators may do this.');
      if (body.blocked) blocked.add(m[1]!);
      else blocked.delete(m[1]!);
      return new Response(null, { status: 204 });
    }
    if (path === '' && request.method === 'GET') return json(site);
    if (path === '/challenge' && request.method === 'GET') return json(await makeChallenge());
    if (path === '/sessions' && request.method === 'POST') return remember(json(newSession(body.name), 201));
    if (path === '/sessions/sso' && request.method === 'POST') {
      // Tokens from `ssoToken`: a signature of "forged" stands for one the site did not sign.
      const [, claims, signature] = String(body.token).split('.');
      if (signature === 'forged') {
        return problem('invalid-token', 401, 'The sign-in token was refused: its signature does not match.');
      }
      return remember(json(newSession(JSON.parse(atob(claims!)).name, 'sso'), 201));
    }
    if (path === '/sessions/current' && request.method === 'DELETE') {
      sessions.delete(request.headers.get('authorization')!.replace('Bearer ', ''));
      return new Response(null, { status: 204 });
    }
    if (path === '/users/me/data') {
      const who = user(request);
      if (!who) return problem('unauthorized', 401);
      const comments = kith.comments.filter((c) => c.author?.id === who.id && !c.deleted).map(strip);
      return json({
        user: {
          id: who.id,
          kind: 'guest',
          name: who.name,
          email: null,
          avatarUrl: null,
          since: new Date(0).toISOString(),
        },
        comments,
        reactions: [],
        answers: [],
        reports: [],
      });
    }
    if (path === '/users/me' && request.method === 'DELETE') {
      const who = user(request);
      if (!who) return problem('unauthorized', 401);
      // As the reference server erases: tombstones (or, waiting, gone), and every session of theirs.
      const theirs = kith.comments.filter((c) => c.author?.id === who.id);
      for (const comment of theirs) {
        if (comment.status === 'pending') {
          kith.comments.splice(kith.comments.indexOf(comment), 1);
          const rejected = { ...strip(comment), markdown: '', html: '', deleted: true, author: null };
          emit(comment.threadKey, 'comment.deleted', { comment: rejected }, who.id);
        } else {
          Object.assign(comment, { markdown: '', html: '', deleted: true, author: null });
          emit(comment.threadKey, 'comment.deleted', { comment: strip(comment) });
        }
      }
      for (const [token, session] of sessions) if (session.id === who.id) sessions.delete(token);
      return json({ comments: theirs.length, reactions: 0, answers: 0, reports: 0 });
    }
    if (path === '/preview') {
      if (!String(body.markdown).trim()) return problem('validation-failed', 422, 'The comment is empty.');
      return json({ html: render(body.markdown) });
    }
    if ((m = path.match(/^\/threads\/([^/]+)\/events$/))) {
      const thread = decodeURIComponent(m[1]!);
      let entry: (typeof streams extends Set<infer T> ? T : never) | undefined;
      const after = Number(
        request.headers.get('last-event-id') ?? url.searchParams.get('lastEventId') ?? eventId,
      );
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          const encoder = new TextEncoder();
          controller.enqueue(encoder.encode(`retry: 1000\nid: ${after}\n: connected\n\n`));
          entry = {
            thread,
            moderator: writer?.moderator === true,
            userId: writer?.id,
            push: (id, type, data) =>
              controller.enqueue(
                encoder.encode(`id: ${id}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`),
              ),
            end: () => controller.close(),
          };
          // What was missed first, as the reference server sends it.
          if (after + 1 < prunedBefore) {
            controller.enqueue(encoder.encode('event: reset\ndata: {"reason":"events-expired"}\n\n'));
          }
          for (const { id, thread: of, type, data, waitingBy } of log) {
            if (id > after && of === thread && hears(entry, waitingBy)) entry.push(id, type, data);
          }
          streams.add(entry);
          request.signal.addEventListener('abort', () => streams.delete(entry!));
        },
        cancel() {
          if (entry) streams.delete(entry);
        },
      });
      return new Response(stream, { headers: { 'content-type': 'text/event-stream' } });
    }
    if ((m = path.match(/^\/threads\/([^/]+)\/event(\/rsvp|\/attendees)?$/))) {
      const thread = decodeURIComponent(m[1]!);
      const who = user(request);
      if (!events.has(thread)) return problem('event-not-found', 404, 'This page has no event.');
      if (m[2] === '/attendees') {
        const everyone = [...events.get(thread)!.answers.entries()]
          .filter(([, a]) => a.response === 'going' && !a.waiting)
          .map(([id, a]) => ({ id, name: a.name, avatarUrl: null, guests: a.guests }));
        const from = Number(url.searchParams.get('cursor') ?? 0);
        const limit = Number(url.searchParams.get('limit') ?? 50);
        const next = from + limit < everyone.length ? String(from + limit) : null;
        return json({ items: everyone.slice(from, from + limit), nextCursor: next });
      }
      if (m[2] === '/rsvp' && request.method === 'PUT') {
        if (!who) return problem('unauthorized', 401);
        const view = eventView(thread)!;
        if (view.status === 'cancelled') return problem('event-cancelled', 409, 'The event is cancelled.');
        if (!view.rsvp.open) return problem('rsvp-closed', 409, 'The event has started.');
        if ((body.guests ?? 0) > view.maxGuests) return problem('validation-failed', 422, 'Too many guests.');
        const refused = answer(thread, who.id, who.name, body);
        if (refused) return refused;
        return json(eventView(thread, who.id));
      }
      return json({ ...eventView(thread, who?.id), position: String(eventId) });
    }
    if ((m = path.match(/^\/threads\/([^/]+)\/comments$/)) && request.method === 'POST') {
      const thread = decodeURIComponent(m[1]!);
      const who = user(request);
      if (!who) return problem('unauthorized', 401);
      if (kith.closed.has(thread))
        return problem('thread-closed', 403, 'This thread no longer takes comments.');
      if (!String(body.markdown).trim()) return problem('validation-failed', 422, 'The comment is empty.');
      if (body.parentId) {
        const parent = kith.comments.find((c) => c.id === body.parentId && c.status === 'published');
        if (!parent) return problem('parent-not-found', 404, 'The comment being replied to does not exist.');
        if (parent.deleted) return problem('comment-deleted', 409, 'The comment was deleted.');
      }
      if (site.proofOfWork !== 'none') {
        const refused = await proofProblem(request.headers.get('kith-proof'), spentProofs);
        if (refused) return refused;
      }
      if ([...body.markdown].length > site.limits.commentMaxLength) {
        return problem(
          'validation-failed',
          422,
          `The comment is longer than ${site.limits.commentMaxLength} characters.`,
        );
      }
      const comment = kith.add(thread, body.markdown, {
        parentId: body.parentId,
        author: who.name,
        status: site.moderation === 'pre' ? 'pending' : 'published',
      });
      return remember(json(strip(comment), 201));
    }
    if ((m = path.match(/^\/threads\/([^/]+)$/))) {
      const thread = decodeURIComponent(m[1]!);
      const sort = (url.searchParams.get('sort') ?? 'new') as Sort;
      const limit = Number(url.searchParams.get('limit') ?? site.limits.pageSize);
      const offset = Number(url.searchParams.get('cursor')?.slice(1) ?? 0);
      const tops = kith.comments
        .filter((c) => c.threadKey === thread && c.depth === 0 && c.status === 'published')
        .sort(order[sort]);
      const page = tops.slice(offset, offset + limit);
      const who = user(request);
      return json({
        thread: meta(thread),
        sort,
        position: String(eventId),
        comments: page.map((c) => ({ ...strip(c), replies: repliesOf(c, 0, 3) })),
        nextCursor: offset + limit < tops.length ? `o${offset + limit}` : null,
        viewer: who
          ? {
              userId: who.id,
              reactions: Object.fromEntries(
                [...mine]
                  .filter(([k]) => k.startsWith(`${who.id}|`))
                  .map(([k, v]) => [k.split('|')[1], [...v]]),
              ),
              pending: kith.comments
                .filter(
                  (c) =>
                    c.threadKey === thread &&
                    c.status === 'pending' &&
                    (c.author?.id === who.id || who.moderator),
                )
                .map(strip),
            }
          : null,
      });
    }
    if ((m = path.match(/^\/comments\/([^/]+)\/replies$/))) {
      const root = kith.comments.find((c) => c.id === m![1]);
      if (!root) return problem('comment-not-found', 404);
      return json(repliesOf(root, Number(url.searchParams.get('cursor')?.slice(1) ?? 0)));
    }
    if ((m = path.match(/^\/comments\/([^/]+)\/reports$/)) && request.method === 'POST') {
      const comment = kith.comments.find((c) => c.id === m![1]);
      const who = user(request);
      if (!who) return problem('unauthorized', 401);
      if (!comment) return problem('comment-not-found', 404);
      if (comment.author?.name === who.name)
        return problem('forbidden', 403, 'You cannot report your own comment.');
      kith.reports = kith.reports.filter((r) => !(r.comment === comment.id && r.by === who.name));
      kith.reports.push({ comment: comment.id, by: who.name, reason: body.reason });
      return new Response(null, { status: 204 });
    }
    if ((m = path.match(/^\/comments\/([^/]+)\/reactions$/))) {
      const comment = kith.comments.find((c) => c.id === m![1]);
      const who = user(request);
      if (!who) return problem('unauthorized', 401);
      if (!comment) return problem('comment-not-found', 404);
      const set = mine.get(`${who.id}|${comment.id}`) ?? new Set<string>();
      const on = body.active ?? !set.has(body.reaction);
      if (on !== set.has(body.reaction)) {
        comment.reactions[body.reaction] = (comment.reactions[body.reaction] ?? 0) + (on ? 1 : -1);
        if (!comment.reactions[body.reaction]) delete comment.reactions[body.reaction];
        if (on) set.add(body.reaction);
        else set.delete(body.reaction);
      }
      mine.set(`${who.id}|${comment.id}`, set);
      emit(comment.threadKey, 'reaction.changed', { commentId: comment.id, reactions: comment.reactions });
      return remember(json({ commentId: comment.id, reactions: comment.reactions, mine: [...set] }));
    }
    if ((m = path.match(/^\/admin\/comments\/([^/]+?)(\/approve)?$/))) {
      const who = user(request);
      if (!who) return problem('unauthorized', 401);
      if (!who.moderator) return problem('forbidden', 403, 'Only the site’s moderators may do this.');
      const comment = kith.comments.find((c) => c.id === m![1]);
      if (!comment) return problem('comment-not-found', 404);
      if (m[2]) {
        comment.status = 'published';
        emit(comment.threadKey, 'comment.created', { comment: strip(comment) });
        return remember(json(strip(comment)));
      }
      if (comment.status === 'pending') {
        kith.comments.splice(kith.comments.indexOf(comment), 1);
        const rejected = { ...strip(comment), markdown: '', html: '', deleted: true, author: null };
        emit(comment.threadKey, 'comment.deleted', { comment: rejected }, comment.author!.id);
      } else {
        Object.assign(comment, { markdown: '', html: '', deleted: true, author: null });
        emit(comment.threadKey, 'comment.deleted', { comment: strip(comment) });
      }
      return new Response(null, { status: 204 });
    }
    if ((m = path.match(/^\/comments\/([^/]+)$/))) {
      const comment = kith.comments.find((c) => c.id === m![1]);
      if (!comment) return problem('comment-not-found', 404);
      if (request.method === 'GET') return json(strip(comment));
      const who = user(request);
      if (!who) return problem('unauthorized', 401);
      if (comment.author?.id !== who.id)
        return problem('forbidden', 403, 'Only the author may change this comment.');
      const waitingBy = comment.status === 'pending' ? who.id : undefined;
      if (request.method === 'PATCH') {
        Object.assign(comment, {
          markdown: body.markdown,
          html: render(body.markdown),
          editedAt: new Date().toISOString(),
        });
        emit(comment.threadKey, 'comment.edited', { comment: strip(comment) }, waitingBy);
      } else {
        Object.assign(comment, { markdown: '', html: '', deleted: true, author: null });
        emit(comment.threadKey, 'comment.deleted', { comment: strip(comment) }, waitingBy);
      }
      return json(strip(comment));
    }
    return problem('not-found', 404);
  };
  servers.set(name, async (request, url) => {
    const response = await respond(request, url);
    await kith.answering?.(request);
    return response;
  });
  return kith;
}
