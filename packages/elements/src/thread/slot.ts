import { type Comment, draftSlot } from '@kith/core';

/** Where an editor is open: the thread's new comment, a reply to a comment, or an edit of one. */
export type EditorSlot =
  | { kind: 'new' }
  | { kind: 'reply'; parent: Comment }
  | { kind: 'edit'; comment: Comment };

/** The draft key of a slot (see Outbox.draft). */
export function slotKey(slot: EditorSlot): string {
  return slot.kind === 'edit'
    ? `edit:${slot.comment.id}`
    : draftSlot(slot.kind === 'reply' ? slot.parent.id : null);
}
