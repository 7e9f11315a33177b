import type { EditorStrings } from './en.js';

const strings: EditorStrings = {
  nameLabel: 'Dein Name',
  emailLabel: 'E-Mail (freiwillig, wird nie gezeigt)',
  write: 'Schreiben',
  preview: 'Vorschau',
  nothingToPreview: 'Noch nichts für die Vorschau.',
  previewing: 'Vorschau wird geladen…',
  post: 'Kommentar senden',
  postReply: 'Antwort senden',
  save: 'Speichern',
  cancel: 'Abbrechen',
  commentLabel: 'Dein Kommentar',
  replyLabel: (name) => `Antwort an ${name}`,
  editLabel: 'Kommentar bearbeiten',
  hint: (keys) => `Markdown geht: **fett**, *kursiv*, [Links](https://…), \`Code\`. ${keys} sendet.`,
  tooLong: (max) => `Das sind mehr als die ${max} Zeichen, die ein Kommentar haben darf.`,
  charactersLeft: (count, formatted) => (count === 1 ? 'Noch 1 Zeichen' : `Noch ${formatted} Zeichen`),
  empty: 'Schreib zuerst etwas.',
  nameRequired: 'Gib einen Namen ein, um zu schreiben.',
  signInRequired: 'Melde dich auf dieser Website an, um zu kommentieren. Dein Entwurf bleibt erhalten.',
  posting: 'Wird gesendet…',
};

export default strings;
