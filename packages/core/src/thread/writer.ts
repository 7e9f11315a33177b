import type { Comment, ErasedUser, MyData, ReportRequest } from '@kith/protocol';
import { perClient } from '../clients.js';
import { toKithError } from '../errors.js';
import { approveComment, blockUser, removeComment } from '../moderation.js';
import { eraseMe, myData } from '../my-data.js';
import { reportComment } from '../report.js';
import { deviceStorage, type KeyValueStorage } from '../storage.js';
import { followOtherTabs } from './other-tabs.js';
import { Outbox, type OutboxEntry, postedBy, withoutNul } from './outbox.js';
import { proofAsked } from './prover.js';
import type { SessionStore } from './session.js';
import type { ThreadState, ThreadStore } from './store.js';

/** The client's drafts and unsent comments, shared by every element on the page. */
export const outboxFor = perClient(
  (client, storage: KeyValueStorage = deviceStorage()) => new Outbox(client, storage),
);

/**
 * The reader's writes to one thread: posting (through the outbox: never lost, never twice),
 * editing, deleting and reacting, each shown in the thread's store once the server has it.
 * Apart from `ThreadStore` so that a page that only reads never loads it: `<kith-thread>` loads
 * it when the reader starts to write, is signed in, or has something left to send.
 */
export class ThreadWriter {
  readonly #unlisten: () => void;
  readonly #unlistenSession: () => void;
  readonly #unlistenReset: () => void;
  readonly #unlistenSignOut: () => void;
  readonly #unfollowTabs: () => void;

  constructor(
    readonly store: ThreadStore,
    readonly outbox: Outbox,
  ) {
    this.#unlisten = outbox.listen({
      sent: (entry, comment) => {
        if (entry.threadKey === store.key) store.upsert(comment, true);
      },
    });
    // The stream carries the reader's own comments waiting for approval, and a moderator's
    // everyone's: follow the reader signing in (the site's sign-in often lands after the stream
    // opened), out, or becoming a moderator.
    const reader = () => {
      const session = store.session.$session.get();
      return `${session?.user.id}|${session?.moderator}`;
    };
    // Comments still waiting as the reader signs out go back to their drafts: whoever signs in
    // next must not send them under their own name (nor anyone else, see Outbox).
    this.#unlistenSignOut = store.session.onSignOut(() => this.#keepUnsent());
    outbox.reader = () => store.session.$session.get()?.user.id;
    this.#unlistenReset = store.onReset((reason) => {
      if (reason === 'viewer-changed') void this.#refreshSession();
    });
    let before = reader();
    this.#unlistenSession = store.session.$session.listen(() => {
      if (reader() === before) return;
      before = reader();
      store.reconnect();
    });
    // Signed in, out or as someone else in another tab: so here too, as any sign-in here.
    this.#unfollowTabs = followOtherTabs(store.session);
  }

  get session(): SessionStore {
    return this.store.session;
  }

  /**
   * Starts the proof of work for the reader's next comment, where the site asks this reader for
   * one: call it when they start to write, so posting does not wait.
   */
  prepareProof(): void {
    const { prover } = this.outbox;
    const { site } = this.store.$state.get();
    // Not signed in yet: on a site that takes guests, the reader is about to be one.
    const kind = this.session.$session.get()?.user.kind ?? (site?.features.guests ? 'guest' : undefined);
    prover.needed = proofAsked(site?.proofOfWork, kind);
    prover.prepare();
  }

  /**
   * The reader's comments on their way to this thread, less those the thread already shows: the
   * stream's news of a comment can come before the answer to its POST, and a view that shows
   * these beside the thread's comments then shows each one once.
   */
  unsent(state: ThreadState = this.store.$state.get()): OutboxEntry[] {
    const entries = this.outbox.$entries.get().filter((e) => e.threadKey === this.store.key);
    const me = this.session.$session.get()?.user.id;
    // Most renders have nothing on its way: the thread is not gone through for them.
    if (!entries.length || !me) return entries;
    const shown = [...state.pending, ...state.comments.flatMap((c) => [c, ...c.replies])];
    return entries.filter((e) => !shown.some((c) => c.author?.id === me && postedBy(e, c)));
  }

  /** Posts a comment or reply through the outbox (kept until sent; see `Outbox`). */
  post(markdown: string, parentId: string | null = null): OutboxEntry {
    this.prepareProof();
    return this.outbox.post(this.store.key, markdown, parentId);
  }

  /** Edits the reader's own comment. */
  async edit(id: string, markdown: string): Promise<Comment> {
    const comment = await this.#write(() => this.store.client.editComment(id, withoutNul(markdown)));
    this.store.replace(comment);
    return comment;
  }

  /** Deletes the reader's own comment (its replies stay). */
  async delete(id: string): Promise<Comment> {
    const comment = await this.#write(() => this.store.client.deleteComment(id));
    this.store.remove(comment);
    return comment;
  }

  /** A moderator publishes a comment awaiting moderation: it takes its place in the thread at once. */
  async approve(id: string): Promise<Comment> {
    const comment = await this.#write(() => approveComment(this.store.client, id));
    this.store.upsert(comment, true);
    return comment;
  }

  /**
   * A moderator removes anyone's comment: one awaiting moderation is gone, a published one is
   * shown as deleted (its replies stay).
   */
  async remove(id: string): Promise<void> {
    const was = this.store.find(id);
    await this.#write(() => removeComment(this.store.client, id));
    if (was) this.store.remove({ ...was, deleted: true, markdown: '', html: '', author: null });
  }

  /** A moderator blocks a commenter (a comment's `author.id`) from writing, or lets them again. */
  block(userId: string, blocked = true): Promise<void> {
    return this.#write(() => blockUser(this.store.client, userId, blocked));
  }

  /** Reports someone else's comment to the site owner (see `reportComment`). */
  report(id: string, report: ReportRequest): Promise<void> {
    return this.#write(() => reportComment(this.store.client, id, report));
  }

  /** A copy of everything the site holds of the reader (see `myData`). */
  myData(): Promise<MyData> {
    return this.#write(() => myData(this.store.client));
  }

  /**
   * Erases the reader at their own request (see `eraseMe`), then signs them out here. Comments
   * still waiting in the outbox are not sent: each goes back to its draft, kept on this device.
   */
  async eraseMe(): Promise<ErasedUser> {
    const erased = await this.#write(() => eraseMe(this.store.client));
    this.#keepUnsent();
    this.session.expire();
    void this.store.load();
    return erased;
  }

  /** Toggles (or sets) one of the site's reactions; the count changes at once and is corrected by the answer. */
  async react(id: string, reaction: string, active?: boolean): Promise<void> {
    const target = this.store.find(id);
    if (!target) return;
    const mine = this.store.$state.get().mine[id] ?? [];
    const on = active ?? !mine.includes(reaction);
    const count = (target.reactions[reaction] ?? 0) + (on === mine.includes(reaction) ? 0 : on ? 1 : -1);
    this.#setReactions(
      id,
      { ...target.reactions, [reaction]: Math.max(0, count) },
      on ? [...new Set([...mine, reaction])] : mine.filter((r) => r !== reaction),
    );
    try {
      const result = await this.#write(() => this.store.client.react(id, reaction, on));
      this.#setReactions(id, result.reactions, result.mine);
    } catch (error) {
      this.#setReactions(id, target.reactions, mine); // rolled back; the error is in $state.error
      throw error;
    }
  }

  /** Sets a comment's reaction counts and the reader's own reactions on it. */
  #setReactions(id: string, reactions: Record<string, number>, mine: string[]): void {
    const target = this.store.find(id);
    if (target) this.store.replace({ ...target, reactions });
    this.store.patch({ mine: { ...this.store.$state.get().mine, [id]: mine } });
  }

  /**
   * Runs a write; a failure is recorded in the store's `$state.error` (forgetting a session the
   * server no longer takes) and rethrown as a `KithError`.
   */
  async #write<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (thrown) {
      const error = await toKithError(thrown);
      if (error.status === 401) this.session.expire();
      this.store.patch({ error });
      throw error;
    }
  }

  /**
   * Reads the reader's session again (the stream said the reader changed: a moderator's right
   * taken away or given since sign-in), so what they are offered matches what the server allows.
   * A token the server no longer takes is forgotten when the thread reloads.
   */
  async #refreshSession(): Promise<void> {
    const session = this.session.$session.get();
    const now = session && (await this.store.client.getSession().catch(() => undefined));
    if (!now || this.session.$session.get() !== session) return;
    const { moderator: _, sso, ...kept } = session;
    this.session.use({ ...kept, ...now }, sso);
  }

  /**
   * Takes the comments still waiting in the outbox out of it, each back to its draft on this
   * device: as the reader signs out or is erased, so they are never sent under anyone else.
   */
  #keepUnsent(): void {
    for (const entry of this.outbox.$entries.get()) this.outbox.cancel(entry.key);
  }

  /** Stops listening to the outbox (the outbox itself is shared and stays), the session and the store. */
  dispose(): void {
    this.#unlisten();
    this.#unlistenSession();
    this.#unlistenReset();
    this.#unlistenSignOut();
    this.#unfollowTabs();
  }
}

/** The writer for a thread's store, with the page's shared outbox. */
export function createThreadWriter(
  store: ThreadStore,
  outbox: Outbox = outboxFor(store.client),
): ThreadWriter {
  return new ThreadWriter(store, outbox);
}
