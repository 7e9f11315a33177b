import {
  type Comment,
  createThreadStore,
  deviceStorage,
  draftSlot,
  hasUnsent,
  type KithError,
  type OutboxEntry,
  readDraft,
  type Sort,
  type StoredSession,
  sharedClient,
  type ThreadComment,
  type ThreadState,
  type ThreadStore,
  toKithError,
} from '@kith/core';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { KithConfig } from '../base/config.js';
import { getDefaults } from '../base/defaults.js';
import {
  type KithCountDetail,
  KithErrorEvent,
  KithEvent,
  KithLoadEvent,
  type KithLoadListeners,
} from '../base/events.js';
import { KithElement } from '../base/kith-element.js';
import { defineStrings, Localizer } from '../base/localize.js';
import { StoreController } from '../base/store-controller.js';
import { pageThreadKey } from '../base/thread-key.js';
import type { CommentEditor } from './editor.js';
import { memo } from './memo.js';
import { reactionEmoji } from './reactions.js';
import { safeHtml } from './sanitize.js';
import { type EditorSlot, slotKey } from './slot.js';
import { threadStyles } from './thread.styles.js';
import { exactTime, relativeTime } from './time.js';
import en from './translations/en.js';
import type { WritingView } from './writing.js';

export type { KithCountDetail, KithErrorDetail } from '../base/events.js';

const strings = defineStrings(en, {
  ar: () => import('./translations/ar.js'),
  de: () => import('./translations/de.js'),
  es: () => import('./translations/es.js'),
  fr: () => import('./translations/fr.js'),
  ja: () => import('./translations/ja.js'),
});

const permalinkPrefix = '#kith-comment-';

/** The words for each failure a reader can do something about. */
const errorTerms: Record<string, 'errorNetwork' | 'errorTimeout' | 'errorSignIn' | 'closed'> = {
  network: 'errorNetwork',
  timeout: 'errorTimeout',
  unauthorized: 'errorSignIn',
  'invalid-token': 'errorSignIn',
  'token-expired': 'errorSignIn',
  'thread-closed': 'closed',
};

/**
 * A comment thread: read, reply, react, edit, delete and report, live. Nothing is lost: drafts are kept
 * as the reader types and a comment that cannot be sent waits on the device until it can (see
 * `@kith/core/thread`). The editor is loaded only when the reader starts to write.
 *
 * The thread is the `thread` attribute, else the path of `href`, else the page's canonical URL,
 * else its address, the same key `<kith-comment-count>` uses.
 *
 * Keyboard: Tab moves through comments and their actions; in the editor, Ctrl+Enter (⌘+Enter)
 * posts and Escape closes a reply or edit.
 *
 * @summary Comments for a page, private by default and styleable without iframes.
 *
 * @event {KithCountDetail} kith-load - The first page arrived; `detail` is `{ thread, count }`.
 * @event {KithErrorDetail} kith-error - Loading or a write failed; `detail.error` is a `KithError`.
 * @event {KithCommentDetail} kith-comment - The reader's comment reached the server; `detail` is the `Comment`.
 *
 * @csspart base - Everything the element shows.
 * @csspart header - The heading and the sort buttons.
 * @csspart heading - The heading with the comment count.
 * @csspart sort - The group of sort buttons (each is `sort-button`).
 * @csspart sort-button - A sort button; the current one has `aria-pressed="true"`.
 * @csspart write - The button that opens the editor.
 * @csspart editor - The editor (loaded on first use).
 * @csspart list - The list of top-level comments.
 * @csspart comment - Each comment (an `article`); also `comment-focused`, `comment-pending`, `comment-sending`.
 * @csspart comment-header - A comment's author, avatar and time.
 * @csspart avatar - The avatar (initials, or the author's picture with `avatars`).
 * @csspart author - The author's name.
 * @csspart time - The time, linking to the comment (its permalink).
 * @csspart edited - The "(edited)" mark.
 * @csspart status - "Awaiting moderation", "Sending…", "Reported" and the like.
 * @csspart replying-to - "Replying to @name", shown past the indentation cap.
 * @csspart body - The comment's text.
 * @csspart actions - Reply, edit, delete, report and the reactions; also the delete and report choices.
 * @csspart action - Each action button.
 * @csspart reaction - Each reaction button (`aria-pressed` when it is the reader's).
 * @csspart replies - The list of replies below a comment.
 * @csspart more - The "load more comments" and "show more replies" buttons.
 * @csspart incoming - The "Show N new comments" button.
 * @csspart closed - The "Comments are closed" note.
 * @csspart empty - The "Be the first to comment" note.
 * @csspart skeleton - The placeholder shown while loading.
 * @csspart error - An error message with its retry button (`retry`).
 * @csspart retry - The retry button.
 *
 * @cssproperty [--kith-thread-gap=1rem] - Space between comments.
 * @cssproperty [--kith-thread-indent=1.5rem] - Indentation of each reply level.
 * @cssproperty [--kith-thread-avatar-size=2rem] - Avatar size.
 * @cssproperty [--kith-thread-highlight=color-mix(in srgb, var(--kith-color-accent) 12%, transparent)] - Background of the permalinked comment.
 * @cssproperty [--kith-thread-font-size=1em] - Base font size: the surrounding text's, by default.
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface below only narrows listeners
export class KithThread extends KithElement {
  static override styles = [...KithElement.styles, threadStyles];

  static override properties: PropertyDeclarations = {
    thread: { reflect: true },
    href: {},
    sort: { reflect: true },
    maxDepth: { attribute: 'max-depth', type: Number },
    avatars: { type: Boolean },
    // On unless live="false": a boolean attribute could not be turned off once on by default.
    live: { converter: { fromAttribute: (value: string | null) => value !== 'false' } },
    editors: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
  };

  /** The thread key; see the element's description for the default. */
  thread?: string;

  /** A URL whose path is the thread key. */
  href?: string;

  /** `new` (the default, also for a value it does not know), `old` or `top`. */
  sort: Sort = 'new';

  /** `sort`, or newest first for a value the server would refuse (a site owner's slip). */
  get #sort(): Sort {
    return /^(old|top)$/.test(this.sort) ? this.sort : 'new';
  }

  /** Reply levels indented; deeper replies are shown in place, marked "Replying to" and the name. */
  maxDepth = 3;

  /** Show authors' pictures. Off by default: no request leaves for an avatar host. */
  avatars = false;

  /** Follow the thread live (Server-Sent Events); `live="false"` turns it off. On by default. */
  live = true;

  protected readonly localize = new Localizer(this, strings, () => this.config.locale);

  /** Open editors by slot key; undefined while the editor chunk loads. */
  private editors = new Map<string, CommentEditor | undefined>();
  private announcement = '';

  #store: ThreadStore | undefined;
  #state = new StoreController<ThreadState>(this);
  #session = new StoreController<StoredSession | null>(this);
  #outbox = new StoreController<OutboxEntry[]>(this);
  #editorModule: Promise<typeof import('./editor.js')> | undefined;
  /** The writer's own comments and actions (it comes with the editor's chunk), once loaded. */
  #view: WritingView | undefined;
  /** Bumped by an editor inside a top-level comment, which then renders again (see the memo). */
  #revisions: Record<string, number> = {};
  #writing: Promise<WritingView | undefined> | undefined;
  /** What the thread said when the editor's chunk could not be had, until it is. */
  #chunkError: KithError | undefined;
  #lastError: KithError | null = null;
  #loadedOnce = false;
  #incomingSeen = 0;
  /** Counts minutes, so relative times are rendered again. */
  #minute = 0;
  #ticker: ReturnType<typeof setInterval> | undefined;

  /** The thread key this element shows. */
  get threadKey(): string {
    return this.thread || pageThreadKey(this.href);
  }

  /** The thread's store (state, outbox and session), for scripts and tests. */
  get store(): ThreadStore | undefined {
    return this.#store;
  }

  protected override configChanged(next: KithConfig, previous: KithConfig): void {
    super.configChanged(next, previous);
    // Another theme or language (a page's dark switch, say) keeps the thread, its open editors
    // and the pages read: only another server or site reads it anew.
    if (next.server !== previous.server || next.site !== previous.site) this.#connect();
  }

  #connect(): void {
    this.#store?.dispose();
    this.#view?.dispose();
    this.#view = this.#writing = undefined;
    this.#outbox.store = undefined;
    // Editors write to the thread they were opened on; their drafts stay saved for it.
    this.editors = new Map();
    const { server, site } = this.config;
    if (!server || !site) {
      if (this.isConnected) console.warn('<kith-thread> needs `server` and `site` (see docs/site-owner.md).');
      this.#store = undefined;
      return;
    }
    const client = sharedClient({ server, site });
    const store = createThreadStore(client, this.threadKey, { sort: this.#sort });
    this.#store = store;
    this.#state.store = store.$state;
    this.#session.store = store.session.$session;
    this.#loadedOnce = false;
    void store.load();
    if (this.live && this.isConnected) store.connect();
    // The code for writing loads when there is writing to do: a draft left from an earlier visit
    // (its editor opens with it), comments still to send, or a signed-in reader (or one the site
    // signs in) who may react, edit or delete. A reader who only reads never loads it.
    const storage = deviceStorage();
    if (readDraft(storage, client, store.key, 'new')) void this.#openEditor({ kind: 'new' }, false);
    else if (hasUnsent(storage, client) || store.session.$session.get() || getDefaults().sso)
      void this.#write();
  }

  /**
   * The writing view and its writer, loading the editor's chunk (which carries both) the first
   * time. Undefined if the chunk cannot be had (offline, say): the thread says so, and the
   * reader's next step tries again.
   */
  #write(): Promise<WritingView | undefined> {
    const store = this.#store!;
    this.#editorModule ??= import('./editor.js');
    return (this.#writing ??= this.#editorModule
      .then(({ createThreadWriter, WritingView }) => {
        const view = new WritingView(this, createThreadWriter(store), {
          locale: () => this.config.locale,
          openEditor: (slot) => this.#openEditor(slot),
          announce: (message) => void this.#announce(message),
          focusComment: (id) => void this.updateComplete.then(() => this.#focusComment(id, false)),
          errorText: (error) => this.#readErrorText(error),
          sent: (comment) => this.dispatchEvent(new KithCommentEvent(comment)),
        });
        if (store === this.#store) {
          this.#view = view;
          this.#outbox.store = view.writer.outbox.$entries;
          if (store.$state.get().error === this.#chunkError) store.patch({ error: null });
        } else {
          view.dispose(); // the thread changed while the chunk loaded: it hears nothing more
        }
        return view;
      })
      .catch(async (thrown) => {
        this.#editorModule = undefined;
        if (store === this.#store) {
          this.#writing = undefined;
          store.patch({ error: (this.#chunkError = await toKithError(thrown)) });
        }
        return undefined;
      }));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.live) this.#store?.connect();
    // Relative times stay true.
    this.#ticker = setInterval(() => {
      this.#minute += 1;
      this.requestUpdate();
    }, 60_000);
    window.addEventListener('hashchange', this.#onHash);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#store?.disconnect();
    clearInterval(this.#ticker);
    window.removeEventListener('hashchange', this.#onHash);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.#store && (changed.has('thread') || changed.has('href')) && this.#store.key !== this.threadKey) {
      this.#connect();
    }
    if (changed.has('sort') && this.#store && this.#state.value?.sort !== this.#sort)
      void this.#store.setSort(this.#sort);
    if (changed.has('live') && this.#store) {
      if (this.live) this.#store.connect();
      else this.#store.disconnect();
    }
    // Signed in elsewhere on the page (the event card, say): "Commenting as …" shows at once.
    if (this.#session.value && !this.#writing) void this.#write();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const state = this.#state.value;
    if (!state) return;
    if (state.status === 'ready' && !this.#loadedOnce) {
      this.#loadedOnce = true;
      this.dispatchEvent(new KithLoadEvent({ thread: this.threadKey, count: state.meta?.commentCount ?? 0 }));
      this.#onHash();
    }
    if (state.error && state.error !== this.#lastError) this.dispatchEvent(new KithErrorEvent(state.error));
    this.#lastError = state.error;
    if (state.incoming.length > this.#incomingSeen) {
      void this.#announce(
        this.localize.term(
          'incomingAnnounced',
          state.incoming.length,
          this.localize.number(state.incoming.length),
        ),
      );
    }
    this.#incomingSeen = state.incoming.length;
  }

  #onHash = () => {
    const id = location.hash.startsWith(permalinkPrefix) ? location.hash.slice(permalinkPrefix.length) : '';
    if (!id || !this.#store) return;
    void this.#store.focus(decodeURIComponent(id)).then(async (found) => {
      if (!found) return;
      await this.updateComplete;
      this.#focusComment(id, true);
    });
  };

  #focusComment(id: string, scroll: boolean): void {
    const article = this.renderRoot.querySelector<HTMLElement>(`#kith-comment-${CSS.escape(id)}`);
    if (!article) return;
    article.focus({ preventScroll: !scroll });
    if (scroll) article.scrollIntoView({ block: 'center' });
  }

  async #announce(message: string): Promise<void> {
    // Cleared first, so the same message is announced again.
    this.announcement = '';
    await this.updateComplete;
    this.announcement = message;
  }

  /** A failure in the reader's words: writing's own (with its chunk) or the thread's. */
  #errorText(error: KithError, banner = false): string {
    return this.#view?.errorText(error, banner) ?? this.#readErrorText(error);
  }

  #readErrorText(error: KithError): string {
    const t = this.localize;
    if (error.code === 'rate-limited') return t.term('errorRateLimited', error.retryAfter ?? 0);
    const key = errorTerms[error.code];
    if (key) return t.term(key);
    // The server's own explanation (problem+json `detail`) where it gave one.
    return error.status >= 500 ? t.term('errorServer') : error.problem?.detail || t.term('errorGeneric');
  }

  /** Opens an editor (loading its chunk the first time) and moves focus into it. */
  async #openEditor(slot: EditorSlot, focus = true): Promise<CommentEditor | undefined> {
    if (!this.#store) return;
    const key = slotKey(slot);
    if (!this.editors.has(key)) {
      this.editors = new Map(this.editors).set(key, undefined);
      const view = await this.#write();
      // Not loaded: the way in comes back, beside what the thread says of it.
      if (!view) {
        this.#closeEditor(key, slot, focus);
        return;
      }
      const { CommentEditor } = await this.#editorModule!;
      const editor = new CommentEditor(this, view.writer, slot, {
        locale: () => this.config.locale,
        close: () => this.#closeEditor(key, slot),
        error: (error) => this.#errorText(error),
        revisions: this.#revisions,
      });
      this.editors = new Map(this.editors).set(key, editor);
    }
    if (focus) {
      await this.updateComplete;
      this.editors.get(key)?.focus();
    }
    return this.editors.get(key);
  }

  #closeEditor(key: string, slot: EditorSlot, focus = true): void {
    const next = new Map(this.editors);
    next.delete(key);
    this.editors = next;
    // Focus goes back to where the reader was (if it was there: an editor opened with the page
    // for a draft takes none).
    const back = slot.kind === 'new' ? undefined : slot.kind === 'reply' ? slot.parent.id : slot.comment.id;
    if (focus)
      void this.updateComplete.then(() => {
        if (back) this.#focusComment(back, false);
        else this.renderRoot.querySelector<HTMLElement>('[part="write"]')?.focus();
      });
  }

  #retry = () => {
    void this.#store?.load();
  };

  async #react(comment: Comment, reaction: string): Promise<void> {
    if (!this.#session.value) {
      await this.#openEditor({ kind: 'new' });
      return;
    }
    try {
      await (await this.#write())?.writer.react(comment.id, reaction);
    } catch (error) {
      void this.#announce(this.#errorText(error as KithError));
    }
  }

  // ---- rendering ----

  #avatar(comment: Comment) {
    const author = comment.author;
    if (this.avatars && author?.avatarUrl) {
      return html`<img part="avatar" src=${author.avatarUrl} alt="" loading="lazy" referrerpolicy="no-referrer" />`;
    }
    const initials = (author?.name ?? '?')
      .split(/\s+/)
      .slice(0, 2)
      .map((word) => [...word][0] ?? '')
      .join('')
      .toUpperCase();
    // A steady colour per author, from their id.
    let hue = 0;
    for (const ch of author?.id ?? '') hue = (hue * 31 + ch.charCodeAt(0)) % 360;
    // `.style` (the CSSOM), which a strict Content-Security-Policy allows, unlike a style attribute.
    return html`<span part="avatar" aria-hidden="true" .style=${`--_hue:${hue}`}>${initials}</span>`;
  }

  #comment(
    comment: Comment,
    state: ThreadState,
    children: TemplateResult | typeof nothing,
    replyingTo?: string,
  ) {
    const t = this.localize;
    const focused = state.focused === comment.id;
    const pending = comment.status === 'pending';
    const name = comment.deleted ? t.term('deletedAuthor') : (comment.author?.name ?? '?');
    const headingId = `kith-author-${comment.id}`;
    const exact = exactTime(t, comment.createdAt);
    const parts = `comment${focused ? ' comment-focused' : ''}${pending ? ' comment-pending' : ''}`;
    const open = (slot: EditorSlot) => this.editors.get(slotKey(slot));
    const editing = this.editors.has(`edit:${comment.id}`);
    return html`<article part=${parts} id="kith-comment-${comment.id}" tabindex="-1" aria-labelledby=${headingId}>
      <header part="comment-header">
        ${comment.deleted ? nothing : this.#avatar(comment)}
        <bdi part="author" id=${headingId}>${name}</bdi>
        <a part="time" href="${permalinkPrefix}${comment.id}" data-exact=${exact}
          ><time datetime=${comment.createdAt} title=${exact} lang=${t.lang()}
            >${relativeTime(t, comment.createdAt)}</time
          ><span class="visually-hidden">, ${t.term('permalink')}</span></a
        >
        ${comment.editedAt && !comment.deleted ? html`<span part="edited">${t.term('edited')}</span>` : nothing}
      </header>
      ${pending ? (this.#view?.pending(comment) ?? html`<p part="status">${t.term('pending')}</p>`) : nothing}
      ${replyingTo ? html`<p part="replying-to">${t.term('replyingTo', replyingTo)}</p>` : nothing}
      ${
        editing
          ? (open({ kind: 'edit', comment })?.render() ?? nothing)
          : comment.deleted
            ? html`<p part="body" class="deleted">${t.term('deleted')}</p>`
            : html`<div part="body" dir="auto" lang=${t.around()} ${safeHtml(comment.html)}></div>`
      }
      ${comment.deleted || pending ? nothing : this.#actions(comment, state)}
      ${this.editors.has(draftSlot(comment.id)) ? (open({ kind: 'reply', parent: comment })?.render() ?? nothing) : nothing}
      ${children}
    </article>`;
  }

  #actions(comment: Comment, state: ThreadState) {
    const t = this.localize;
    const mine = state.mine[comment.id] ?? [];
    const closed = state.meta?.closed;
    const confirmation = this.#view?.confirmation(comment);
    if (confirmation) return confirmation;
    return html`<div part="actions">
      ${(state.site?.features.reactions ? state.site.reactions : []).map((reaction) => {
        const count = comment.reactions[reaction] ?? 0;
        // Named by its emoji, which screen readers say in the reader's own language ("thumbs
        // up"), where the server's key ("+1", "hooray") would be English, or read as sums.
        const label = reactionEmoji[reaction] ?? reaction;
        return html`<button
          part="reaction"
          type="button"
          aria-pressed=${mine.includes(reaction)}
          aria-label=${t.term('react', label, count)}
          ?disabled=${closed}
          @click=${() => this.#react(comment, reaction)}
        >
          <span aria-hidden="true">${label}</span>${count ? html`<span aria-hidden="true">${t.number(count)}</span>` : nothing}
        </button>`;
      })}
      ${
        closed
          ? nothing
          : html`<button part="action" type="button" @click=${() => this.#openEditor({ kind: 'reply', parent: comment })}>
              ${t.term('reply')}
            </button>`
      }
      ${this.#view?.actions(comment, state) ?? nothing}
    </div>`;
  }

  /** A top-level comment and its replies: a tree indented up to `maxDepth`, then flat. */
  #root(root: ThreadComment, state: ThreadState, entries: OutboxEntry[]) {
    // The reader's own replies awaiting moderation sit where they will appear once approved.
    const replies = [...root.replies, ...state.pending.filter((c) => c.rootId === root.id)];
    const byParent = new Map<string, Comment[]>();
    for (const reply of replies) {
      const siblings = byParent.get(reply.parentId ?? root.id) ?? [];
      siblings.push(reply);
      byParent.set(reply.parentId ?? root.id, siblings);
    }
    const subtree = (parent: Comment, depth: number): TemplateResult | typeof nothing => {
      // Past the cap, every deeper reply is listed at the cap's level, in order.
      const flat: Comment[] = [];
      const collect = (id: string) => {
        for (const child of byParent.get(id) ?? []) {
          flat.push(child);
          collect(child.id);
        }
      };
      if (depth >= this.maxDepth) collect(parent.id);
      const children = depth >= this.maxDepth ? flat : (byParent.get(parent.id) ?? []);
      const sending = entries.filter((e) => e.parentId === parent.id);
      if (children.length === 0 && sending.length === 0) return nothing;
      return html`<ol part="replies">
        ${children.map(
          (child) =>
            html`<li>
              ${this.#comment(
                child,
                state,
                depth >= this.maxDepth ? nothing : subtree(child, depth + 1),
                depth >= this.maxDepth && child.parentId !== parent.id
                  ? replies.find((r) => r.id === child.parentId)?.author?.name
                  : undefined,
              )}
            </li>`,
        )}
        ${sending.map((entry) => html`<li>${this.#view?.sending(entry)}</li>`)}
      </ol>`;
    };
    const remaining = Math.max(0, root.replyCount - root.replies.length);
    const more =
      root.repliesCursor && remaining > 0
        ? html`<button
            part="more"
            type="button"
            ?disabled=${state.loading === root.id}
            @click=${() => this.#store?.loadReplies(root.id)}
          >
            ${this.localize.term('loadReplies', remaining, this.localize.number(remaining))}
          </button>`
        : nothing;
    return this.#comment(root, state, html`${subtree(root, 1)}${more}`);
  }

  #header(state: ThreadState | undefined) {
    const t = this.localize;
    const count = state?.meta?.commentCount;
    const sorts: [Sort, string][] = [
      ['new', t.term('sortNew')],
      ['old', t.term('sortOld')],
      ['top', t.term('sortTop')],
    ];
    return html`<header part="header">
      <h2 part="heading" id="kith-thread-heading">
        ${count === undefined ? t.term('comments') : t.term('commentCount', count, t.number(count))}
      </h2>
      <div part="sort" role="group" aria-label=${t.term('sortLabel')}>
        ${sorts.map(
          ([sort, label]) =>
            html`<button
              part="sort-button"
              type="button"
              aria-pressed=${(state?.sort ?? this.#sort) === sort}
              @click=${() => {
                this.sort = sort;
              }}
            >
              ${label}
            </button>`,
        )}
      </div>
    </header>`;
  }

  #composer(state: ThreadState) {
    const t = this.localize;
    if (state.meta?.closed) return html`<p part="closed">${t.term('closed')}</p>`;
    // Who the reader writes as, with Sign out and their data, above the editor as above the button.
    return html`<div class="composer">
      ${this.#view?.signedIn() ?? nothing}
      ${
        this.editors.has('new')
          ? (this.editors.get('new')?.render() ?? nothing)
          : html`<button part="write" type="button" @click=${() => this.#openEditor({ kind: 'new' })}>${t.term('writePlaceholder')}</button>`
      }
    </div>`;
  }

  #skeleton() {
    return html`<div part="skeleton" aria-hidden="true">
      ${[0, 1, 2].map(() => html`<div class="bone"><span></span><span></span><span></span></div>`)}
    </div>`;
  }

  override render() {
    const t = this.localize;
    const state = this.#state.value;
    const entries = (state && this.#view?.writer.unsent(state)) ?? [];
    // A failure an editor shows beside its text is not said again above the list.
    const banner = state?.error && state.status === 'ready' ? this.#errorText(state.error, true) : '';
    let content: unknown;
    if (!state || (state.status === 'loading' && !state.meta)) {
      content = html`${this.#skeleton()}<p class="visually-hidden">${t.term('loading')}</p>`;
    } else if (state.status === 'error') {
      content = html`<div part="error" role="alert">
        <p>${this.#errorText(state.error!)}</p>
        <button part="retry" type="button" @click=${this.#retry}>${t.term('retry')}</button>
      </div>`;
    } else {
      const topSending = entries.filter((e) => e.parentId === null);
      content = html`${this.#composer(state)}
        ${
          state.incoming.length
            ? html`<button part="incoming" type="button" @click=${() => this.#store?.showIncoming()}>
                ${t.term('incoming', state.incoming.length, t.number(state.incoming.length))}
              </button>`
            : nothing
        }
        ${
          state.comments.length === 0 && topSending.length === 0 && state.pending.length === 0
            ? html`<p part="empty">${state.meta?.closed ? nothing : t.term('empty')}</p>`
            : nothing
        }
        ${banner ? html`<div part="error" role="alert"><p>${banner}</p></div>` : nothing}
        <ol part="list" aria-labelledby="kith-thread-heading" aria-busy=${state.loading === 'more' || state.loading === 'first'}>
          ${topSending.map((entry) => html`<li>${this.#view?.sending(entry)}</li>`)}
          ${state.pending
            .filter((c) => c.depth === 0)
            .map((c) => html`<li>${this.#comment(c, state, nothing)}</li>`)}
          ${state.comments.map(
            // Re-rendered only when something it shows changed: loading a page renders only the page.
            (root) =>
              html`<li>${memo(
                [
                  root,
                  state.mine,
                  state.pending,
                  state.focused,
                  state.site,
                  state.meta?.closed,
                  state.loading === root.id,
                  this.editors,
                  this.#revisions[root.id],
                  this.#view,
                  this.#view?.confirming,
                  this.#session.value,
                  this.#outbox.value,
                  this.#minute,
                  t.lang(),
                  t.revision,
                  this.maxDepth,
                  this.avatars,
                ],
                () => this.#root(root, state, entries),
              )}</li>`,
          )}
        </ol>
        ${
          state.nextCursor
            ? html`<button part="more" type="button" ?disabled=${state.loading === 'more'} @click=${this.#loadMore}>
                ${t.term('loadMore')}
              </button>`
            : nothing
        }`;
    }
    return html`<section part="base" dir=${t.dir()} lang=${t.textLang()} aria-labelledby="kith-thread-heading">
      ${this.#header(state)} ${content}
      <div role="status" aria-live="polite" class="visually-hidden">${this.announcement}</div>
    </section>`;
  }

  #loadMore = async () => {
    const before = this.#state.value?.comments.length ?? 0;
    await this.#store?.loadMore();
    await this.updateComplete;
    // Focus moves to the first comment loaded, so keyboard readers continue where they were.
    const first = this.#state.value?.comments[before];
    if (first) this.#focusComment(first.id, false);
  };
}

/** `kith-comment`'s detail: the comment as the server stored it. */
export type KithCommentDetail = Comment;

/** The reader's comment reached the server; `detail` is the `Comment`. */
export class KithCommentEvent extends KithEvent<KithCommentDetail> {
  static readonly type = 'kith-comment';
  constructor(comment: Comment) {
    super(KithCommentEvent.type, comment);
  }
}

// Typed `kith-load` listeners (see KithLoadListeners): overloads only, nothing at run time.
export interface KithThread {
  addEventListener: KithLoadListeners<KithCountDetail>['addEventListener'];
  removeEventListener: KithLoadListeners<KithCountDetail>['removeEventListener'];
}

if (!customElements.get('kith-thread')) customElements.define('kith-thread', KithThread);

declare global {
  interface HTMLElementTagNameMap {
    'kith-thread': KithThread;
  }
  interface GlobalEventHandlersEventMap {
    'kith-comment': KithCommentEvent;
  }
}
