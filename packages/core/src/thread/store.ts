import type {
  Comment,
  CommentPage,
  Site,
  Sort,
  ThreadEventMap,
  ThreadMeta,
  TopLevelComment,
} from '@kith/protocol';
import { atom } from 'nanostores';
import { clientHttp, type KithClient } from '../client.js';
import { type KithError, toKithError } from '../errors.js';
import { type EventStreamOptions, openEventStream } from './event-stream.js';
import type { SessionStore } from './session.js';

/** A top-level comment with the replies loaded so far (any depth, oldest first). */
export interface ThreadComment extends Comment {
  replies: Comment[];
  /** More replies to load; null when all are here. */
  repliesCursor: string | null;
}

export interface ThreadState {
  /** `loading` until the first page is here; `error` if it could not be had (see `error`). */
  status: 'loading' | 'ready' | 'error';
  error: KithError | null;
  /** The site's capabilities and limits (reactions offered, edit window, comment length). */
  site: Site | null;
  meta: ThreadMeta | null;
  sort: Sort;
  comments: ThreadComment[];
  nextCursor: string | null;
  /** A page or a reply list is loading: its id (`more`, or a comment id). */
  loading: string | null;
  /** New top-level comments by others, held back until the reader asks (never moving the page). */
  incoming: Comment[];
  /** The reader's own reactions, by comment id. */
  mine: Record<string, string[]>;
  /** The reader's own comments awaiting moderation. */
  pending: Comment[];
  /** The live stream: `off` until connected, `open`, or `reconnecting` after a drop. */
  live: 'off' | 'open' | 'reconnecting';
  /** The comment a permalink points at, once it is loaded. */
  focused: string | null;
}

/** A top-level comment as the server sends it, in the store's shape. */
export const threadComment = ({ replies, ...comment }: TopLevelComment): ThreadComment => ({
  ...comment,
  replies: replies.comments,
  repliesCursor: replies.nextCursor,
});

/** A top-level comment just written: no replies yet. */
const alone = (comment: Comment): ThreadComment => ({ ...comment, replies: [], repliesCursor: null });

/** `comments`, then those of a page not among them yet. */
const withPage = (comments: ThreadComment[], page: TopLevelComment[]): ThreadComment[] => [
  ...comments,
  ...page.filter((c) => !comments.some((d) => d.id === c.id)).map(threadComment),
];

/** A top-level comment with the next page of its replies (each reply once). */
const withReplies = (root: ThreadComment, page: CommentPage): ThreadComment => ({
  ...root,
  replies: [...root.replies, ...page.comments.filter((c) => !root.replies.some((r) => r.id === c.id))],
  repliesCursor: page.nextCursor,
});

const initial = (sort: Sort): ThreadState => ({
  status: 'loading',
  error: null,
  site: null,
  meta: null,
  sort,
  comments: [],
  nextCursor: null,
  loading: null,
  incoming: [],
  mine: {},
  pending: [],
  live: 'off',
  focused: null,
});

/**
 * One thread's state for an element to render: pages of comments, replies loaded on demand,
 * sort, counts and the live stream. No DOM: any view can subscribe to `$state`. The reader's
 * writes go through a `ThreadWriter` on this store, a separate module, so a page that only reads
 * never loads the code for writing.
 */
export class ThreadStore {
  readonly $state;
  #generation = 0;
  #closeStream: (() => void) | undefined;
  /** The live stream's options, made with the first page (which says where the stream starts). */
  #stream: EventStreamOptions | undefined;
  /** `connect` was asked for (the stream opens once the first page is here). */
  #live: boolean | undefined;
  /** Pages of top-level comments loaded, the first included (a reset reads as many again). */
  #pages = 1;
  /**
   * The top-level comment `focus` pinned first (it was on no page read); read again with the
   * thread until the sort changes.
   */
  pinned: string | undefined;
  /** Who hears each `reset` (see `onReset`). */
  readonly #resetListeners = new Set<(reason: string) => void>();

  constructor(
    readonly client: KithClient,
    readonly key: string,
    readonly session: SessionStore,
    options: { sort?: Sort } = {},
  ) {
    this.$state = atom<ThreadState>(initial(options.sort ?? 'new'));
  }

  /** Merges a change into `$state` (the writer records its outcomes here). */
  patch(patch: Partial<ThreadState>): void {
    this.$state.set({ ...this.#now, ...patch });
  }

  /** A comment shown or held by this store (top-level, reply, incoming or pending), by id. */
  find(id: string): Comment | undefined {
    const state = this.#now;
    for (const top of state.comments) {
      if (top.id === id) return top;
      const reply = top.replies.find((r) => r.id === id);
      if (reply) return reply;
    }
    return state.incoming.find((c) => c.id === id) ?? state.pending.find((c) => c.id === id);
  }

  /** The state as it is now. */
  get #now(): ThreadState {
    return this.$state.get();
  }

  /**
   * Tells `listener` the reason each time the stream says to reload (`reset`), just before the
   * thread does: the writer reads the reader's session again on `viewer-changed`. Returns the
   * function that stops it.
   */
  onReset(listener: (reason: string) => void): () => void {
    this.#resetListeners.add(listener);
    return () => this.#resetListeners.delete(listener);
  }

  /**
   * Loads (or reloads) the first page in the current sort, then the next ones up to `pages`, and
   * below each comment still there as many replies as the reader had opened: a reload after
   * `reset` reads as far as the reader had read before it shows anything, so the page never
   * shrinks under them.
   */
  async load(pages = 1): Promise<void> {
    const generation = ++this.#generation;
    const { sort, comments: had } = this.#now;
    const token = this.client.token;
    // The stream pauses while the thread is read, and starts again from where its first page was
    // read once it is shown: what happens meanwhile is neither missed nor counted twice.
    this.#pause();
    this.patch({ status: this.#now.meta ? this.#now.status : 'loading', loading: 'first' });
    try {
      const [first, site] = await Promise.all([
        this.client.getThread(this.key, { sort }),
        this.#now.site ?? this.client.getSite(),
      ]);
      let page = first;
      let comments = first.comments.map(threadComment);
      let mine = first.viewer?.reactions ?? {};
      let read = 1;
      for (; read < pages && page.nextCursor; read++) {
        page = await this.client.getThread(this.key, { sort, cursor: page.nextCursor });
        comments = withPage(comments, page.comments);
        mine = { ...mine, ...page.viewer?.reactions };
      }
      // Still on no page read: the pinned comment, read again (left out if it cannot be had).
      const pin = this.pinned;
      if (pin && !comments.some((c) => c.id === pin))
        await import('./permalink.js')
          .then(async ({ readRoot }) => comments.unshift(await readRoot(this, pin)))
          .catch(() => {});
      // The replies the reader had opened below comments still here (bounded: each read brings a
      // reply at least, or the comment has no more).
      for (const { id, replies } of had) {
        const i = comments.findIndex((c) => c.id === id);
        for (
          let n = 0, top = comments[i];
          n < replies.length && top?.repliesCursor && top.replies.length < replies.length;
          n++
        )
          top = comments[i] = withReplies(
            top,
            await this.client.getReplies(id, { cursor: top.repliesCursor }),
          );
      }
      if (generation !== this.#generation) return;
      this.patch({
        status: 'ready',
        error: null,
        site,
        // As of the first page, which the stream goes on from.
        meta: first.thread,
        comments,
        nextCursor: page.nextCursor,
        incoming: [],
        mine,
        pending: first.viewer?.pending ?? [],
        loading: null,
      });
      this.#pages = read;
      // Kept: the stream records in them where it is, so the next one resumes from there.
      (this.#stream ??= {
        headers: clientHttp(this.client).headers,
        onOpen: () => this.patch({ live: 'open' }),
        onDrop: () => this.patch({ live: 'reconnecting' }),
        onEvent: (event) => this.#apply(event.type as keyof ThreadEventMap, JSON.parse(event.data)),
      }).lastEventId = first.position;
    } catch (thrown) {
      if (generation !== this.#generation) return;
      const error = await toKithError(thrown);
      if (error.status === 401) {
        this.session.expire();
        // Reading needs no session: a token the server no longer takes (expired, or signed out
        // by another element meanwhile) is dropped and the page read again without it.
        if (token) return this.load(pages);
      }
      this.patch({ status: this.#now.meta ? 'ready' : 'error', error, loading: null });
    } finally {
      // From the first page read, or (nothing read was shown) from where it paused.
      if (this.#live && generation === this.#generation) this.connect();
    }
  }

  /** The next change of state. */
  #changed(): Promise<void> {
    return new Promise((resolve) => {
      const stop = this.$state.listen(() => {
        stop();
        resolve();
      });
    });
  }

  /**
   * The next page of top-level comments (skipping any already shown). Asked for while replies load
   * or the thread is read again, it is read in its turn rather than dropped; asked for twice, once.
   */
  async loadMore(): Promise<void> {
    while (this.#now.loading) {
      if (this.#now.loading === 'more') return;
      await this.#changed();
    }
    const state = this.#now;
    if (!state.nextCursor) return;
    const generation = this.#generation;
    this.patch({ loading: 'more', error: null });
    try {
      const page = await this.client.getThread(this.key, { sort: state.sort, cursor: state.nextCursor });
      if (generation !== this.#generation) return;
      const now = this.#now;
      this.patch({
        comments: withPage(now.comments, page.comments),
        // Held back as new (oldest first, say, before the last page was read): now in its place.
        incoming: now.incoming.filter((c) => !page.comments.some((p) => p.id === c.id)),
        nextCursor: page.nextCursor,
        mine: { ...now.mine, ...page.viewer?.reactions },
        meta: page.thread,
        loading: null,
      });
      this.#pages++;
    } catch (thrown) {
      this.#failed(generation, thrown);
    }
  }

  /** The next replies below a top-level comment; in its turn, as `loadMore`. */
  async loadReplies(rootId: string): Promise<void> {
    while (this.#now.loading) {
      if (this.#now.loading === rootId) return;
      await this.#changed();
    }
    const root = this.#now.comments.find((c) => c.id === rootId);
    if (!root?.repliesCursor) return;
    const generation = this.#generation;
    this.patch({ loading: rootId, error: null });
    try {
      const page = await this.client.getReplies(rootId, { cursor: root.repliesCursor });
      // Unless the thread is being read again meanwhile (see `load`): its answer stands.
      if (generation === this.#generation)
        this.patch({
          loading: null,
          comments: this.#now.comments.map((r) => (r.id === rootId ? withReplies(r, page) : r)),
        });
    } catch (thrown) {
      this.#failed(generation, thrown);
    }
  }

  /** A further page or replies could not be read: said, unless the thread is being read again. */
  async #failed(generation: number, thrown: unknown): Promise<void> {
    const error = await toKithError(thrown);
    if (generation === this.#generation) this.patch({ loading: null, error });
  }

  /** Changes the order and loads its first page. */
  setSort(sort: Sort): Promise<void> {
    if (sort === this.#now.sort && this.#now.status === 'ready') return Promise.resolve();
    this.patch({ sort, comments: [], nextCursor: null, incoming: [] });
    this.pinned = undefined;
    return this.load();
  }

  /** Shows the held-back new comments in their place. */
  showIncoming(): void {
    const state = this.#now;
    if (state.incoming.length === 0) return;
    const arrivals = state.incoming.map(alone);
    // Newest first in `new` and `top`, where a fresh comment would rank anyway; last in `old`.
    const comments =
      state.sort === 'old' ? [...state.comments, ...arrivals] : [...arrivals.reverse(), ...state.comments];
    this.patch({ comments, incoming: [] });
  }

  /**
   * Shows a comment the server returned or announced: swapped in where it is shown, else added
   * where it belongs. `sent`: the reader's own, just posted, shown at once; others' new top-level
   * comments wait in `incoming`.
   */
  upsert(comment: Comment, sent?: boolean): void {
    let state = this.#now;
    // One the reader saw waiting (their own, or anyone's for a moderator), now approved.
    const waited = state.pending.some((c) => c.id === comment.id);
    // The reader's own comment may arrive on the stream before the answer to its POST; one they
    // saw waiting is shown in place too, not behind "new comments".
    const own =
      sent ||
      waited ||
      (comment.author !== null && comment.author.id === this.session.$session.get()?.user.id);
    // No longer waiting: now one of the thread's.
    if (comment.status === 'published' && waited) {
      this.patch({ pending: state.pending.filter((c) => c.id !== comment.id) });
      state = this.#now;
    }
    const existing = this.find(comment.id);
    if (existing) {
      this.replace(comment);
      return;
    }
    if (comment.status === 'pending') {
      this.patch({ pending: [...state.pending, comment] });
      return;
    }
    const meta = state.meta && {
      ...state.meta,
      commentCount: state.meta.commentCount + 1,
      topLevelCount: state.meta.topLevelCount + (comment.depth === 0 ? 1 : 0),
    };
    if (comment.depth === 0) {
      if (own) {
        const top = alone(comment);
        const comments = state.sort === 'old' ? [...state.comments, top] : [top, ...state.comments];
        this.patch({ comments, meta });
      } else {
        this.patch({ incoming: [...state.incoming, comment], meta });
      }
      return;
    }
    // A reply: under its root when that is on the page, and counted on its ancestors.
    this.patch({
      meta,
      comments: state.comments.map((root) => {
        if (root.id !== comment.rootId) return root;
        const replies = root.replies.map((r) =>
          r.id === comment.parentId ? { ...r, replyCount: r.replyCount + 1 } : r,
        );
        return {
          ...root,
          replyCount: root.replyCount + 1,
          // Appended only when the list is complete; otherwise it arrives with "load replies".
          replies: root.repliesCursor && !own ? replies : [...replies, comment],
        };
      }),
    });
  }

  /** Swaps in the comment's new version (an edit, new reaction counts) wherever it is shown. */
  replace(comment: Comment, also: Partial<Pick<ThreadState, 'meta' | 'pending'>> = {}): void {
    const state = this.#now;
    const swap = (c: Comment) => (c.id === comment.id ? { ...c, ...comment } : c);
    this.patch({
      ...also,
      comments: state.comments.map((root) =>
        root.id === comment.id ? { ...root, ...comment } : { ...root, replies: root.replies.map(swap) },
      ),
      incoming: state.incoming.map(swap),
      pending: (also.pending ?? state.pending).map(swap),
    });
  }

  /** Shows a comment as deleted (its replies stay) and counts it out. */
  remove(comment: Comment): void {
    const state = this.#now;
    const was = this.find(comment.id);
    if (was && !was.deleted) {
      // A comment still awaiting moderation was never counted.
      const counted = was.status === 'published' ? 1 : 0;
      const meta = state.meta && {
        ...state.meta,
        commentCount: Math.max(0, state.meta.commentCount - counted),
      };
      this.replace(comment, { meta, pending: state.pending.filter((c) => c.id !== comment.id) });
    }
  }

  /**
   * Brings a permalinked comment onto the page: loads its top-level comment (pinned first when it
   * is not on a loaded page, and kept there when the thread is read again) and that comment's
   * replies until the target is among them. Its code loads on first use.
   */
  focus(id: string): Promise<boolean> {
    // Its code may not be had (offline, say): then the comment is not found this time.
    return import('./permalink.js').then(
      (permalink) => permalink.focus(this, id),
      () => false,
    );
  }

  /**
   * Follows the thread live, from where the first page was read (so it opens once that page is
   * here); resumes after drops from the last event seen. With the reader's
   * session, the stream also carries their own comments' news while they wait for approval, and
   * for a moderator everyone's (`reconnect` when the reader changes).
   */
  connect(): void {
    this.#live = true;
    // Opened once the first page is here (which sets `#stream`), from where that page was read,
    // and not while the thread is read again (see `load`): nothing written between is missed.
    if (this.#stream && this.#now.loading !== 'first')
      this.#closeStream ??= openEventStream(this.client.eventsUrl(this.key), this.#stream);
  }

  /** Connects again, with the reader's session as it is now, missing nothing (if connected). */
  reconnect(): void {
    if (this.#closeStream) {
      this.disconnect();
      this.connect();
    }
  }

  disconnect(): void {
    this.#live = false;
    this.#pause();
    this.patch({ live: 'off' });
  }

  /** Closes the stream; `connect` (or the next load, if connected) opens it again. */
  #pause(): void {
    this.#closeStream?.();
    this.#closeStream = undefined;
  }

  #apply<K extends keyof ThreadEventMap>(type: K, data: ThreadEventMap[K]): void {
    switch (type) {
      case 'comment.created':
        this.upsert((data as ThreadEventMap['comment.created']).comment);
        break;
      case 'comment.edited':
        this.replace((data as ThreadEventMap['comment.edited']).comment);
        break;
      case 'comment.deleted':
        this.remove((data as ThreadEventMap['comment.deleted']).comment);
        break;
      case 'reaction.changed': {
        const { commentId, reactions } = data as ThreadEventMap['reaction.changed'];
        const target = this.find(commentId);
        if (target) this.replace({ ...target, reactions });
        break;
      }
      case 'thread.updated':
        this.patch({ meta: (data as ThreadEventMap['thread.updated']).thread });
        break;
      case 'reset':
        // Missed events are gone, or the reader changed (signed out, a moderator's right taken
        // away or given): start again from fresh pages, as the reader is now.
        for (const listener of this.#resetListeners) listener((data as ThreadEventMap['reset']).reason);
        void this.load(this.#pages);
        break;
    }
  }

  /** Stops the stream. */
  dispose(): void {
    this.disconnect();
  }
}
