import type { Comment } from '@kith/protocol';
import { atom } from 'nanostores';
import { type KithClient, newIdempotencyKey } from '../client.js';
import { type KithError, toKithError } from '../errors.js';
import { myData } from '../my-data.js';
import { type KeyValueStorage, readJson, writeJson } from '../storage.js';
import { draftKey, draftSlot, outboxKey, readDraft } from './drafts.js';
import { Prover } from './prover.js';

/**
 * Whether `comment` could be the one `entry` posts: the same text, as the server keeps it, in the
 * same place. (Whose it is, and when, the caller knows.)
 */
export function postedBy(entry: OutboxEntry, comment: Comment): boolean {
  return (
    comment.threadKey === entry.threadKey &&
    comment.parentId === entry.parentId &&
    comment.markdown === entry.markdown.replace(/\r\n?/g, '\n')
  );
}

/** A comment on its way to the server. Kept on the device until the server has it. */
export interface OutboxEntry {
  /** The Idempotency-Key: the same on every attempt, across reloads, so it posts once. */
  key: string;
  threadKey: string;
  parentId: string | null;
  markdown: string;
  createdAt: string;
  /** The user id of who wrote it, where someone was signed in: it is sent under their name alone. */
  author?: string | undefined;
  /** Why the last attempt failed while the entry waits to be sent again. */
  lastError?: { code: string; message: string; retryAfter?: number | undefined } | undefined;
}

export interface OutboxListener {
  /** The server has the comment (first attempt or a retry; never twice). */
  sent?(entry: OutboxEntry, comment: Comment): void;
  /** The server refused it for good (validation, closed thread...): the text is back in the draft. */
  refused?(entry: OutboxEntry, error: KithError): void;
}

/**
 * How long an entry's Idempotency-Key surely still makes a repeat harmless: the server keeps one
 * a day (docs/protocol.md), less a margin for the device's clock.
 */
const keyRemembered = 20 * 3_600_000;
/** How far the device's clock may be from the server's when telling a landed comment by its time. */
const clockSlack = 15 * 60_000;

/**
 * The text without U+0000, which the protocol refuses: pasted text can carry it, and a reader could
 * not find the character the server names.
 */
export const withoutNul = (text: string) => text.replaceAll('\u0000', '');

const isProofProblem = (error: KithError) =>
  error.code === 'proof-required' || error.code === 'proof-invalid';

/**
 * Drafts and unsent comments for one site, kept on the device. A comment that cannot be sent
 * (offline, a 5xx, a timeout, a rate limit, an expired session) stays queued and is sent again
 * when the network returns or after a backoff, with the same Idempotency-Key: never lost, never
 * posted twice. A comment the server refuses outright is taken out and its text restored as the
 * draft, so the writer can fix it.
 */
export class Outbox {
  readonly $entries = atom<OutboxEntry[]>([]);
  /** Proofs of work for the comments, where the site asks for them. */
  readonly prover: Prover;
  readonly #key: string;
  readonly #listeners = new Set<OutboxListener>();
  #sending: Promise<void> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #failures = 0;
  #paused = false;
  /** Who is signed in now (their user id): the writer tells it from the reader's session. */
  reader: () => string | undefined = () => undefined;

  constructor(
    private client: KithClient,
    private storage: KeyValueStorage,
  ) {
    this.#key = outboxKey(client);
    this.prover = new Prover(client);
    this.$entries.set(this.#read());
    globalThis.addEventListener?.('online', this.#onOnline);
    globalThis.addEventListener?.('storage', this.#stored);
  }

  #onOnline = () => {
    this.#failures = 0;
    void this.flush();
  };

  listen(listener: OutboxListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The saved draft for a thread's new comment (`new`), a reply (`reply:<id>`) or an edit (`edit:<id>`). */
  draft(threadKey: string, slot: string): string {
    return readDraft(this.storage, this.client, threadKey, slot);
  }

  saveDraft(threadKey: string, slot: string, text: string): void {
    writeJson(this.storage, draftKey(this.client, threadKey, slot), text.trim() ? text : undefined);
  }

  /**
   * Changes the queue. The reader's other tabs of the site queue and send through the same
   * storage: each change starts from what is stored, so no tab's change undoes another's (a
   * comment queued in one tab was dropped from the device when another, opened earlier, queued
   * or sent one), and the other tabs hear of it (`#stored`).
   */
  #change(update: (entries: OutboxEntry[]) => OutboxEntry[]): void {
    const entries = update(this.#kept ? this.#read() : this.$entries.get());
    writeJson(this.storage, this.#key, entries.length ? entries : undefined);
    // A storage that is full, or refuses writes, keeps an older queue (or none): from then on this
    // tab's own copy is the queue, or the next change would drop what it could not store.
    const keys = (list: OutboxEntry[]) => list.map((e) => e.key).join();
    this.#kept = keys(this.#read()) === keys(entries);
    this.$entries.set(entries);
  }

  /** Whether the storage holds the queue as this tab last wrote it. */
  #kept = true;

  #read = (): OutboxEntry[] => readJson<OutboxEntry[]>(this.storage, this.#key) ?? [];

  /**
   * Another tab changed the queue: show it. What that tab queued, this one sends too the next time
   * it sends (the network back, a post, a retry), so a comment outlives the tab it was written in.
   * Not at once: each send changes the queue, and tabs answering each other would never stop.
   */
  #stored = (event: StorageEvent) => {
    if (event.key !== this.#key && event.key !== null) return;
    this.$entries.set(this.#read());
  };

  #without = (key: string) => this.#change((entries) => entries.filter((e) => e.key !== key));

  /** Queues a comment and starts sending; the draft is cleared once it is safely queued. */
  post(threadKey: string, markdown: string, parentId: string | null = null): OutboxEntry {
    const entry: OutboxEntry = {
      key: newIdempotencyKey(),
      threadKey,
      parentId,
      markdown: withoutNul(markdown),
      createdAt: new Date().toISOString(),
      author: this.reader(),
    };
    this.#change((entries) => [...entries, entry]);
    this.saveDraft(threadKey, draftSlot(parentId), '');
    this.#paused = false;
    void this.flush();
    return entry;
  }

  /** Takes a queued comment back (the writer cancelled it); its text goes back to the draft. */
  cancel(key: string): void {
    const entry = this.$entries.get().find((e) => e.key === key);
    if (!entry) return;
    this.#restore(entry);
    this.#without(key);
  }

  #restore(entry: OutboxEntry): void {
    this.appendDraft(entry.threadKey, draftSlot(entry.parentId), entry.markdown);
  }

  /** Puts `text` before whatever draft the slot already holds, so neither is lost. */
  appendDraft(threadKey: string, slot: string, text: string): void {
    const current = this.draft(threadKey, slot);
    this.saveDraft(threadKey, slot, current ? `${text}\n\n${current}` : text);
  }

  /** Sends every queued comment, oldest first; called on its own when the network returns. */
  flush(): Promise<void> {
    this.#sending ??= (async () => {
      // Yield first: the `finally` below must run after #sending is assigned, even with nothing to send.
      await null;
      clearTimeout(this.#timer);
      try {
        for (let entry = this.$entries.get()[0]; entry && !this.#paused; entry = this.$entries.get()[0]) {
          if (!(await this.#send(entry))) break;
        }
      } finally {
        this.#sending = undefined;
      }
    })();
    return this.#sending;
  }

  #create(entry: OutboxEntry, proof: string | undefined): Promise<Comment> {
    return this.client.createComment(
      entry.threadKey,
      entry.parentId ? { markdown: entry.markdown, parentId: entry.parentId } : { markdown: entry.markdown },
      { idempotencyKey: entry.key, proof },
    );
  }

  /**
   * The reader's comment that this entry made, if it landed with its answer lost and the server
   * has since forgotten the entry's Idempotency-Key (it keeps one a day): the same text in the
   * same place, written after the entry was queued (give or take the clocks' difference).
   */
  async #landed(entry: OutboxEntry): Promise<Comment | undefined> {
    const { comments } = await myData(this.client);
    const queued = Date.parse(entry.createdAt) - clockSlack;
    return comments.find((c) => postedBy(entry, c) && Date.parse(c.createdAt) >= queued);
  }

  /** Posts with a proof of work where one is needed; asked for one unexpectedly, solves one and tries once more. */
  async #post(entry: OutboxEntry): Promise<Comment> {
    // Past the key's day, a repeat would post again: look first for the one that landed.
    const landed = Date.now() - Date.parse(entry.createdAt) > keyRemembered && (await this.#landed(entry));
    if (landed) return landed;
    try {
      return await this.#create(entry, await this.prover.take());
    } catch (thrown) {
      const error = await toKithError(thrown);
      if (!isProofProblem(error)) throw error;
      this.prover.needed = true;
      return this.#create(entry, await this.prover.take());
    }
  }

  /** True when the entry left the queue (sent or refused); false when it waits for a retry. */
  async #send(entry: OutboxEntry): Promise<boolean> {
    const reader = this.reader();
    if (entry.author && reader && reader !== entry.author) {
      // Someone else signed in on this device since (or the same guest anew): never sent under
      // their name. The text goes back to its draft.
      this.cancel(entry.key);
      return true;
    }
    try {
      const comment = await this.#post(entry);
      this.#failures = 0;
      this.#without(entry.key);
      for (const listener of this.#listeners) listener.sent?.(entry, comment);
      return true;
    } catch (thrown) {
      const error = await toKithError(thrown);
      // A proof refused twice in a row is the server's or the clock's doing, not the text's: kept.
      if (error.transient || error.status === 401 || isProofProblem(error)) {
        this.#failures += 1;
        const lastError = { code: error.code, message: error.message, retryAfter: error.retryAfter };
        this.#change((entries) => entries.map((e) => (e.key === entry.key ? { ...e, lastError } : e)));
        if (error.status === 401) {
          this.#paused = true; // until the reader signs in again (post() or resume() restarts)
        } else {
          const backoff = Math.min(60_000, 2_000 * 2 ** Math.min(this.#failures - 1, 5));
          this.#timer = setTimeout(
            () => void this.flush(),
            Math.max(backoff, (error.retryAfter ?? 0) * 1000),
          );
        }
        return false;
      }
      this.#without(entry.key);
      this.#restore(entry);
      for (const listener of this.#listeners) listener.refused?.(entry, error);
      return true;
    }
  }

  /** Sends again now (a Retry button; after signing in again). */
  resume(): Promise<void> {
    this.#paused = false;
    this.#failures = 0;
    return this.flush();
  }

  /** Stops timers and listeners (tests, teardown). */
  dispose(): void {
    clearTimeout(this.#timer);
    globalThis.removeEventListener?.('online', this.#onOnline);
    globalThis.removeEventListener?.('storage', this.#stored);
  }
}
