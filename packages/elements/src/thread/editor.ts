import {
  type KithError,
  newIdempotencyKey,
  previewComment,
  type ThreadStore,
  type ThreadWriter,
  toKithError,
} from '@kith/core';
import { cleanDisplayName, hasVisibleText } from '@kith/protocol/display-name';
import { html, nothing, type ReactiveControllerHost } from 'lit';
import { Localizer } from '../base/localize.js';
import type en from './editor-translations/en.js';
import { fieldValue } from './field-value.js';
import { safeHtml } from './sanitize.js';
import { type EditorSlot, slotKey } from './slot.js';
import { shownInEditor, writingStrings } from './writing-strings.js';

// The writing half of the thread's store and the writer's own view come with the editor: a page
// that only reads loads none of them.
export { createThreadWriter } from '@kith/core';
export { WritingView } from './writing.js';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

export interface EditorOptions {
  locale(): string | undefined;
  /** The editor is done (posted, saved or cancelled). */
  close(): void;
  /** A failure in the thread's words. */
  error(error: KithError): string;
  /**
   * Renders of each top-level comment's subtree, by its id: the thread renders a comment again
   * only when one of its inputs changed, so an editor inside one counts its own changes here.
   */
  revisions: Record<string, number>;
}

let counter = 0;
const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * The thread's Markdown editor, loaded when the reader starts to write: write and preview (the
 * server's own rendering), guest sign-in in the same step as the first post, the draft saved on
 * every keystroke, Ctrl/⌘+Enter to post, Escape to close a reply or edit.
 */
export class CommentEditor {
  readonly #id = `kith-editor-${++counter}`;
  readonly #key: string;
  readonly #localize: Localizer<typeof en>;
  #text: string;
  #previewing = false;
  #preview: string | null = null;
  #busy = false;
  #error = '';
  #signInKey = newIdempotencyKey();
  private store: ThreadStore;

  constructor(
    private host: Host,
    private writer: ThreadWriter,
    readonly slot: EditorSlot,
    private options: EditorOptions,
  ) {
    this.store = writer.store;
    this.#localize = new Localizer(host, writingStrings, options.locale);
    void this.#localize.load();
    this.#key = slotKey(slot);
    const draft = writer.outbox.draft(this.store.key, this.#key);
    this.#text = draft || (slot.kind === 'edit' ? slot.comment.markdown : '');
  }

  #el<T extends HTMLElement>(selector: string): T | null {
    return this.host.renderRoot.querySelector<T>(`#${this.#id} ${selector}`);
  }

  /** Shows the saved draft again (a refused post's text) with the reason, and focuses it. */
  restore(message: string): void {
    this.#text = this.writer.outbox.draft(this.store.key, this.#key);
    this.#fail(message);
  }

  /** Focus into the editor: the name field when a guest must give one first, else the text. */
  focus(): void {
    const name = this.#el<HTMLInputElement>('input[name="name"]');
    (name && !name.value ? name : this.#el<HTMLTextAreaElement>('textarea'))?.focus();
  }

  #update(): void {
    const { slot } = this;
    const comment = slot.kind === 'reply' ? slot.parent : slot.kind === 'edit' ? slot.comment : null;
    if (comment) {
      const root = comment.rootId ?? comment.id;
      this.options.revisions[root] = (this.options.revisions[root] ?? 0) + 1;
    }
    this.host.requestUpdate();
  }

  #onInput = (event: InputEvent) => {
    this.#text = (event.target as HTMLTextAreaElement).value;
    // Kept on every keystroke: a reload, a crash or a closed tab loses nothing.
    this.writer.outbox.saveDraft(this.store.key, this.#key, this.#text);
    // Where the site asks for a proof of work, it is solved while the reader writes.
    if (this.slot.kind !== 'edit') this.writer.prepareProof();
    if (this.#error) {
      this.#error = '';
      this.#update();
    } else if (this.#max() - [...this.#text].length < 200) this.#update();
  };

  #onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void this.#submit();
    } else if (event.key === 'Escape' && this.slot.kind !== 'new') {
      event.preventDefault();
      this.options.close();
    }
  };

  #max(): number {
    return this.store.$state.get().site?.limits.commentMaxLength ?? 10_000;
  }

  async #showPreview(on: boolean): Promise<void> {
    this.#previewing = on;
    this.#preview = null;
    this.#update();
    if (!on || !hasVisibleText(this.#text)) return;
    try {
      const { html } = await previewComment(this.store.client, this.#text);
      this.#preview = html;
    } catch (error) {
      const kithError = await toKithError(error);
      this.#error = this.options.error(kithError);
      shownInEditor.add(kithError);
      this.#previewing = false;
    }
    this.#update();
  }

  #fail(message: string, field = 'textarea'): void {
    this.#error = message;
    this.#busy = false;
    this.#update();
    void this.host.updateComplete.then(() => this.#el<HTMLElement>(field)?.focus());
  }

  async #submit(event?: Event): Promise<void> {
    event?.preventDefault();
    if (this.#busy) return;
    const t = this.#localize;
    const text = this.#text;
    if (!hasVisibleText(text)) return this.#fail(t.term('empty'));
    if ([...text].length > this.#max()) return this.#fail(t.term('tooLong', t.number(this.#max())));
    this.#busy = true;
    this.#error = '';
    this.#update();
    const { store, writer, slot } = this;
    try {
      if (!store.session.$session.get()) {
        if (store.$state.get().site?.features.guests === false) return this.#fail(t.term('signInRequired'));
        // As typed or pasted, less what no name holds (a bidi override, a control): '' if blank.
        const name = cleanDisplayName(this.#el<HTMLInputElement>('input[name="name"]')?.value ?? '');
        const email = this.#el<HTMLInputElement>('input[name="email"]')?.value.trim() ?? '';
        if (!name) return this.#fail(t.term('nameRequired'), 'input[name="name"]');
        await store.session.signInAsGuest(email ? { name, email } : { name }, this.#signInKey);
        this.#signInKey = newIdempotencyKey();
      }
      if (slot.kind === 'edit') {
        await writer.edit(slot.comment.id, text);
        writer.outbox.saveDraft(store.key, this.#key, '');
      } else {
        // From here the outbox owns the text: kept until the server has it (see Outbox).
        writer.post(text, slot.kind === 'reply' ? slot.parent.id : null);
        this.#text = '';
      }
      this.#busy = false;
      this.#previewing = false;
      if (slot.kind === 'new') this.#update();
      else this.options.close();
    } catch (error) {
      const kithError = await toKithError(error);
      const field = kithError.problem?.errors?.some((e) => e.pointer.includes('name'))
        ? 'input[name="name"]'
        : 'textarea';
      this.#fail(this.options.error(kithError), field);
      shownInEditor.add(kithError);
    }
  }

  render() {
    const t = this.#localize;
    void t.load(); // the reader's language may have changed since (cheap once loaded)
    const { slot } = this;
    const signedOut = !this.store.session.$session.get();
    // Sites may keep commenting to their own signed-in users (sessions minted with the site secret).
    const { site } = this.store.$state.get();
    const guests = site?.features.guests !== false;
    const moderation = site?.moderation ?? 'none';
    const left = this.#max() - [...this.#text].length;
    const label =
      slot.kind === 'new'
        ? t.term('commentLabel')
        : slot.kind === 'reply'
          ? t.term('replyLabel', slot.parent.author?.name ?? '')
          : t.term('editLabel');
    const errorId = `${this.#id}-error`;
    const hintId = `${this.#id}-hint`;
    return html`<form part="editor" id=${this.#id} aria-label=${label} lang=${t.textLang()} novalidate @submit=${(e: Event) => this.#submit(e)}>
      ${
        signedOut && !guests
          ? html`<p class="hint" role="note">${t.term('signInRequired')}</p>`
          : signedOut
            ? html`<div class="guest">
              <label>${t.term('nameLabel')}
                <input name="name" autocomplete="nickname" required maxlength="64" />
              </label>
              <label>${t.term('emailLabel')}
                <input name="email" type="email" autocomplete="email" maxlength="254" />
              </label>
            </div>`
            : nothing
      }
      <div class="tabs">
        <button type="button" aria-pressed=${this.#previewing ? 'false' : 'true'} @click=${() => this.#showPreview(false)}>
          ${t.term('write')}
        </button>
        <button type="button" aria-pressed=${this.#previewing ? 'true' : 'false'} @click=${() => this.#showPreview(true)}>
          ${t.term('preview')}
        </button>
      </div>
      ${
        this.#previewing
          ? html`<div class="preview" aria-live="polite" aria-busy=${this.#preview === null && hasVisibleText(this.#text) ? 'true' : 'false'}>
              ${
                !hasVisibleText(this.#text)
                  ? html`<p>${t.term('nothingToPreview')}</p>`
                  : this.#preview === null
                    ? html`<p>${t.term('previewing')}</p>`
                    : html`<div part="body" lang=${t.around()} ${safeHtml(this.#preview)}></div>`
              }
            </div>`
          : html`<textarea
              aria-label=${label}
              placeholder=${label}
              rows="4"
              ${fieldValue(this.#text)}
              lang=${t.around()}
              aria-invalid=${this.#error ? 'true' : 'false'}
              aria-describedby="${hintId}${this.#error ? ` ${errorId}` : ''}"
              @input=${this.#onInput}
              @keydown=${this.#onKeydown}
            ></textarea>`
      }
      <p class="hint" id=${hintId}>${t.term('hint', mac ? '⌘+Enter' : 'Ctrl+Enter')}${
        // Said before posting, so a comment that waits is no surprise (edits of published ones do not wait).
        slot.kind !== 'edit' && moderation !== 'none'
          ? ` ${t.term(moderation === 'pre' ? 'reviewedAll' : 'reviewedFirst')}`
          : ''
      }</p>
      ${
        left < 200
          ? html`<p class="left ${left < 0 ? 'over' : ''}" aria-live="polite">${t.term('charactersLeft', left, t.number(left))}</p>`
          : nothing
      }
      ${this.#error ? html`<p class="error" id=${errorId} role="alert">${this.#error}</p>` : nothing}
      <div class="buttons">
        ${
          slot.kind === 'new'
            ? nothing
            : html`<button type="button" @click=${() => this.options.close()}>${t.term('cancel')}</button>`
        }
        <button type="submit" class="primary" ?disabled=${this.#busy} aria-busy=${this.#busy ? 'true' : 'false'}>
          ${this.#busy ? t.term('posting') : slot.kind === 'edit' ? t.term('save') : slot.kind === 'reply' ? t.term('postReply') : t.term('post')}
        </button>
      </div>
    </form>`;
  }
}
