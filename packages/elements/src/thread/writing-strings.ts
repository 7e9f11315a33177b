import { defineStrings } from '../base/localize.js';
import en from './editor-translations/en.js';

/** The words of writing in a thread (the editor, the writer's own comments), loaded with the editor. */
export const writingStrings = defineStrings(en, {
  ar: () => import('./editor-translations/ar.js'),
  de: () => import('./editor-translations/de.js'),
  es: () => import('./editor-translations/es.js'),
  fr: () => import('./editor-translations/fr.js'),
  ja: () => import('./editor-translations/ja.js'),
});
