import type { KithError } from '@kith/core';
import { defineStrings, type Localizer } from '../base/localize.js';
import en from './editor-translations/en.js';

/** The words of writing in a thread (the editor, the writer's own comments), loaded with the editor. */
export const writingStrings = defineStrings(en, {
  ar: () => import('./editor-translations/ar.js'),
  de: () => import('./editor-translations/de.js'),
  es: () => import('./editor-translations/es.js'),
  fr: () => import('./editor-translations/fr.js'),
  ja: () => import('./editor-translations/ja.js'),
});

// Failures only a write meets, in the reader's language rather than the server's `detail`.
const writeErrorTerms: Record<
  string,
  'editHeld' | 'editWindow' | 'gone' | 'notAllowed' | 'proofUnsupported' | 'blocked'
> = {
  'edit-held': 'editHeld',
  'edit-window-closed': 'editWindow',
  'comment-not-found': 'gone',
  'comment-deleted': 'gone',
  forbidden: 'notAllowed',
  'proof-unsupported': 'proofUnsupported',
  'user-blocked': 'blocked',
};

/**
 * Failures an editor shows beside its text: the thread's banner leaves them out, so a screen
 * reader hears each once.
 */
export const shownInEditor = new WeakSet<KithError>();

/** Why a write failed: its own words where writing has them, else the thread's (`otherwise`). */
export function writeErrorText(
  t: Localizer<typeof en>,
  error: KithError,
  otherwise: (error: KithError) => string,
): string {
  const term = writeErrorTerms[error.code];
  return term ? t.term(term) : otherwise(error);
}
