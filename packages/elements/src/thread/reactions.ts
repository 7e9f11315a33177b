/** How the protocol's common reaction keys are shown; other keys show as their name. */
export const reactionEmoji: Record<string, string> = {
  '+1': '👍',
  '-1': '👎',
  heart: '❤️',
  laugh: '😄',
  hooray: '🎉',
  eyes: '👀',
  rocket: '🚀',
  confused: '😕',
};
