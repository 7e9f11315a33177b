import {
  type Comment,
  draftSlot,
  type KithError,
  type OutboxEntry,
  type ReportReason,
  type ThreadState,
  type ThreadWriter,
} from '@kith/core';
import { html, nothing, type ReactiveControllerHost } from 'lit';
import { withName } from '../base/isolate.js';
import { Localizer } from '../base/localize.js';
import { followSiteSignIn } from '../base/site-sign-in.js';
import type { CommentEditor } from './editor.js';
import { adoptEditorStyles } from './editor.styles.js';
import type { EditorSlot } from './slot.js';
import { shownInEditor, writeErrorText, writingStrings } from './writing-strings.js';

// The protocol's reasons, in the order offered.
const reasonTerms = {
  spam: 'reasonSpam',
  abuse: 'reasonAbuse',
  'off-topic': 'reasonOffTopic',
  other: 'reasonOther',
} as const satisfies Record<ReportReason, string>;

/** What the thread element lends the writing view. */
export interface WritingHooks {
  locale(): string | undefined;
  /** Opens (or finds) the editor of a slot and focuses it. */
  openEditor(slot: EditorSlot): Promise<CommentEditor | undefined>;
  /** Says `message` in the thread's live region. */
  announce(message: string): void;
  /** Moves focus to a comment once it is rendered. */
  focusComment(id: string): void;
  /** A failure in the thread's words. */
  errorText(error: KithError): string;
  /** The reader's comment reached the server (the element fires `kith-comment`). */
  sent(comment: Comment): void;
}

/**
 * What a writer sees besides the editor, loaded with it: their comments on the way (with "Send
 * now" and "Cancel" while they wait), Edit and Delete on their own comments (Delete asks first),
 * who they comment as, and what follows when the outbox sends or refuses a comment.
 */
export class WritingView {
  /** The comment whose deletion (its id), report (`report:<id>`) or removal (`remove:<id>`) is being chosen. */
  confirming: string | null = null;
  readonly #localize: Localizer<typeof writingStrings.en>;
  /** Comments the reader reported while this page is open. */
  readonly #reported = new Set<string>();
  /** The reader's own comments they are deleting here. */
  readonly #deleting = new Set<string>();
  readonly #unlisten: () => void;
  readonly #unlistenState: () => void;

  constructor(
    private host: ReactiveControllerHost & HTMLElement,
    readonly writer: ThreadWriter,
    private hooks: WritingHooks,
  ) {
    this.#localize = new Localizer(host, writingStrings, hooks.locale);
    adoptEditorStyles(host.shadowRoot);
    const { store, outbox } = writer;
    followSiteSignIn(store.session);
    // A moderator's stream brings others' comments waiting for approval: each arrival is said,
    // but not what a page (re)load brings, which waited already. The author's own stream brings
    // what became of theirs (approved, or rejected), also when they wrote it in another tab.
    let before = store.$state.get();
    this.#unlistenState = store.$state.listen((state) => {
      const me = store.session.$session.get();
      const loading = before.status !== 'ready' || before.loading === 'first';
      const arrived = state.pending.some(
        (c) => !before.pending.some((b) => b.id === c.id) && c.author?.id !== me?.user.id,
      );
      if (arrived && me?.moderator && !loading) hooks.announce(this.#t.term('arrivedWaiting'));
      for (const gone of before.pending) {
        const mine = gone.author?.id === me?.user.id && !this.#deleting.has(gone.id);
        if (!mine || loading || state.pending.some((c) => c.id === gone.id)) continue;
        // Approval takes it out of the waiting list, then into the thread: told once both are done.
        queueMicrotask(() =>
          hooks.announce(this.#t.term(store.find(gone.id) ? 'yoursApproved' : 'yoursRemoved')),
        );
      }
      before = state;
    });
    this.#unlisten = outbox.listen({
      sent: (entry, comment) => {
        if (entry.threadKey !== store.key) return;
        hooks.sent(comment);
        // Held for moderation: said, so nobody wonders why others do not see it.
        hooks.announce(this.#t.term(comment.status === 'pending' ? 'held' : 'posted'));
        hooks.focusComment(comment.id);
      },
      refused: async (entry, error) => {
        if (entry.threadKey !== store.key) return;
        // The text is back in the draft: show it in its editor, with why it was refused.
        const answered = ['parent-not-found', 'comment-deleted'].includes(error.code)
          ? undefined
          : entry.parentId
            ? (store.find(entry.parentId) ??
              (await store.client.getComment(entry.parentId).catch(() => undefined)))
            : undefined;
        const parent = answered?.deleted ? undefined : answered;
        if (entry.parentId && !parent) {
          // The comment it answered is gone: the text becomes a new comment's draft.
          const orphan = draftSlot(entry.parentId);
          outbox.appendDraft(store.key, 'new', outbox.draft(store.key, orphan));
          outbox.saveDraft(store.key, orphan, '');
        }
        const editor = await hooks.openEditor(parent ? { kind: 'reply', parent } : { kind: 'new' });
        editor?.restore(entry.parentId && !parent ? this.#t.term('parentGone') : this.errorText(error));
      },
    });
    void outbox.flush(); // anything left unsent from an earlier visit
  }

  /** Why a write failed, in the reader's language ('' where an editor already says it). */
  errorText(error: KithError, banner = false): string {
    return banner && shownInEditor.has(error) ? '' : writeErrorText(this.#t, error, this.hooks.errorText);
  }

  /** The strings, loading the reader's language if it changed since (cheap once loaded). */
  get #t(): Localizer<typeof writingStrings.en> {
    void this.#localize.load();
    return this.#localize;
  }

  /**
   * Opens a choice in place of a comment's actions (`id` to delete, `report:<id>` to report) and
   * moves focus to its first button; closing it puts focus back on the comment.
   */
  #confirm(key: string | null): void {
    const closing = this.confirming;
    this.confirming = key;
    this.host.requestUpdate();
    if (key) {
      void this.host.updateComplete.then(() =>
        this.host.shadowRoot?.querySelector<HTMLElement>('[data-choice] button')?.focus(),
      );
    } else if (closing === 'erase') {
      void this.host.updateComplete.then(() =>
        this.host.shadowRoot?.querySelector<HTMLElement>('[data-erase]')?.focus(),
      );
    } else if (closing) this.hooks.focusComment(closing.replace(/^\w+:/, ''));
  }

  /** Whether the reader may still edit or delete the comment (their own, within the site's window). */
  #canChange(comment: Comment, state: ThreadState): boolean {
    const me = this.writer.session.$session.get()?.user.id;
    const window = (state.site?.limits.editWindowSeconds ?? 0) * 1000;
    return (
      !!me &&
      comment.author?.id === me &&
      !comment.deleted &&
      Date.now() - Date.parse(comment.createdAt) < window
    );
  }

  async #delete(comment: Comment): Promise<void> {
    this.#confirm(null);
    // The reader's own doing: not news to tell them when it leaves the waiting list.
    this.#deleting.add(comment.id);
    try {
      await this.writer.delete(comment.id);
    } catch (error) {
      this.hooks.announce(this.errorText(error as KithError));
    }
  }

  async #report(comment: Comment, reason: ReportReason): Promise<void> {
    try {
      await this.writer.report(comment.id, { reason });
      this.#reported.add(comment.id);
      this.hooks.announce(this.#t.term('reportedThanks'));
    } catch (error) {
      this.hooks.announce(this.errorText(error as KithError));
    }
    this.#confirm(null);
  }

  /**
   * A moderator approves (focus stays on the comment, now published) or removes a comment, and
   * with `block`, blocks its author from writing.
   */
  async #moderate(comment: Comment, approve: boolean, block = false): Promise<void> {
    // A rejected comment leaves the page: focus goes to the comment after it (or before), not the body.
    const articles = [...(this.host.shadowRoot?.querySelectorAll('article[id]') ?? [])];
    const at = articles.findIndex((a) => a.id === `kith-comment-${comment.id}`);
    const neighbour = (articles[at + 1] ?? articles[at - 1])?.id.replace('kith-comment-', '');
    this.#confirm(null);
    try {
      await (approve ? this.writer.approve(comment.id) : this.writer.remove(comment.id));
      if (block) await this.writer.block(comment.author!.id);
      this.hooks.announce(this.#t.term(approve ? 'approved' : block ? 'removedBlocked' : 'removed'));
      if (approve || comment.status !== 'pending') this.hooks.focusComment(comment.id);
      else if (neighbour) this.hooks.focusComment(neighbour);
    } catch (error) {
      this.hooks.announce(this.errorText(error as KithError));
    }
  }

  /**
   * In place of a comment's actions: "Delete this comment?" with Delete and Cancel, "Report this
   * comment as:" with the reasons and Cancel, or a moderator's "Remove this comment?" (for one
   * awaiting moderation, "Reject this comment?") with Remove, Remove and block (someone else's),
   * and Cancel.
   */
  confirmation(comment: Comment) {
    const t = this.#t;
    const cancel = html`<button part="action" type="button" @click=${() => this.#confirm(null)}>${t.term('cancel')}</button>`;
    if (this.confirming === comment.id) {
      return html`<div part="actions" role="group" aria-label=${t.term('confirmDelete')} data-choice>
        <span>${t.term('confirmDelete')}</span>
        <button part="action" type="button" @click=${() => this.#delete(comment)}>${t.term('delete')}</button>
        ${cancel}
      </div>`;
    }
    if (this.confirming === `remove:${comment.id}`) {
      const question = t.term(comment.status === 'pending' ? 'confirmReject' : 'confirmRemove');
      return html`<div part="actions" role="group" aria-label=${question} data-choice>
        <span>${question}</span>
        <button part="action" type="button" @click=${() => this.#moderate(comment, false)}>${t.term('remove')}</button>
        ${
          comment.author && comment.author.id !== this.writer.session.$session.get()?.user.id
            ? html`<button part="action" type="button" @click=${() => this.#moderate(comment, false, true)}>${t.term('removeAndBlock')}</button>`
            : nothing
        }
        ${cancel}
      </div>`;
    }
    if (this.confirming !== `report:${comment.id}`) return undefined;
    return html`<div part="actions" role="group" aria-label=${t.term('reportAs')} data-choice>
      <span>${t.term('reportAs')}</span>
      ${(Object.keys(reasonTerms) as ReportReason[]).map(
        (reason) =>
          html`<button part="action" type="button" @click=${() => this.#report(comment, reason)}>${t.term(reasonTerms[reason])}</button>`,
      )}
      ${cancel}
    </div>`;
  }

  /** A moderator's Remove, which asks first. */
  #removeButton(comment: Comment) {
    return html`<button part="action" type="button" @click=${() => this.#confirm(`remove:${comment.id}`)}>${this.#t.term('remove')}</button>`;
  }

  /**
   * The writer's actions on a comment: Edit and Delete on their own while they may still change
   * them; Report on others' (once reported, "Reported"); for a moderator, Remove on any other.
   */
  actions(comment: Comment, state: ThreadState) {
    const t = this.#t;
    if (this.#canChange(comment, state)) {
      return html`<button part="action" type="button" @click=${() => this.hooks.openEditor({ kind: 'edit', comment })}>
          ${t.term('edit')}
        </button>
        <button part="action" type="button" @click=${() => this.#confirm(comment.id)}>${t.term('delete')}</button>`;
    }
    const session = this.writer.session.$session.get();
    const me = session?.user.id;
    if (!me || comment.deleted || !comment.author) return nothing;
    if (session.moderator) return this.#removeButton(comment);
    if (comment.author.id === me) return nothing;
    return this.#reported.has(comment.id)
      ? html`<span part="status">${t.term('reported')}</span>`
      : html`<button part="action" type="button" @click=${() => this.#confirm(`report:${comment.id}`)}>${t.term('report')}</button>`;
  }

  /**
   * For a moderator, in place of "only you can see this" on a comment awaiting moderation: that it
   * waits, with Approve and Remove. Undefined for anyone else (the thread says it is theirs alone).
   */
  pending(comment: Comment) {
    if (!this.writer.session.$session.get()?.moderator) return undefined;
    const t = this.#t;
    return html`<p part="status">${t.term('awaiting')}</p>
      ${
        this.confirmation(comment) ??
        html`<div part="actions">
          <button part="action" type="button" @click=${() => this.#moderate(comment, true)}>${t.term('approve')}</button>
          ${this.#removeButton(comment)}
        </div>`
      }`;
  }

  /** A comment still on its way: the writer's own text, as typed (not yet rendered by the server). */
  sending(entry: OutboxEntry) {
    const t = this.#t;
    const { outbox, session } = this.writer;
    return html`<article part="comment comment-sending" aria-busy=${entry.lastError ? 'false' : 'true'}>
      <header part="comment-header">
        <bdi part="author">${session.$session.get()?.user.name ?? ''}</bdi>
      </header>
      <p part="body" class="plain" dir="auto">${entry.markdown}</p>
      <div part="actions">
        <span part="status" role=${entry.lastError ? 'alert' : nothing}>${entry.lastError ? t.term('queued') : t.term('sending')}</span>
        ${
          entry.lastError
            ? html`<button part="action" type="button" @click=${() => outbox.resume()}>${t.term('sendNow')}</button>
                <button part="action" type="button" @click=${() => outbox.cancel(entry.key)}>${t.term('cancel')}</button>`
            : nothing
        }
      </div>
    </article>`;
  }

  /**
   * "Commenting as …" with Sign out (the site's own sign-in signs out on the site), "Download my
   * data" and "Delete my comments and name", which asks first, above the write button.
   */
  signedIn() {
    const t = this.#t;
    const session = this.writer.session;
    const signedIn = session.$session.get();
    if (!signedIn) return nothing;
    const erasing = this.confirming === 'erase';
    return html`<p class="signed-in">
        ${withName((name) => t.term('signedInAs', name), signedIn.user.name)}
        ${
          signedIn.sso
            ? nothing
            : html`<button part="action" type="button" @click=${() => session.signOut()}>${t.term('signOut')}</button>`
        }
        <button part="action" type="button" @click=${() => this.#download()}>${t.term('downloadMine')}</button>
        ${
          erasing
            ? nothing
            : html`<button part="action" type="button" data-erase @click=${() => this.#confirm('erase')}>${t.term('eraseMe')}</button>`
        }
      </p>
      ${
        erasing
          ? html`<div part="actions" role="group" aria-label=${t.term('confirmErase')} data-choice>
              <span>${t.term('confirmErase')}</span>
              <button part="action" type="button" @click=${() => this.#eraseMe()}>${t.term('eraseAll')}</button>
              <button part="action" type="button" @click=${() => this.#confirm(null)}>${t.term('cancel')}</button>
            </div>`
          : nothing
      }`;
  }

  /** A copy of all the site holds of the reader, saved as a JSON file; said when done, or why not. */
  async #download(): Promise<void> {
    try {
      const data = await this.writer.myData();
      const file = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(file);
      link.download = `${this.writer.store.client.site}-my-data.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
      this.hooks.announce(this.#t.term('downloadedMine'));
    } catch (error) {
      this.hooks.announce(this.errorText(error as KithError));
    }
  }

  /** The reader's own request to be forgotten, once confirmed; said when done, or why not. */
  async #eraseMe(): Promise<void> {
    this.confirming = null;
    this.host.requestUpdate();
    try {
      await this.writer.eraseMe();
      this.hooks.announce(this.#t.term('erasedMe'));
    } catch (error) {
      this.hooks.announce(this.errorText(error as KithError));
    }
  }

  /** Stops listening to the outbox and lets go of the writer. */
  dispose(): void {
    this.#unlisten();
    this.#unlistenState();
    this.writer.dispose();
  }
}
