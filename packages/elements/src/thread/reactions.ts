/** How the reference server's reaction keys are shown (and 👎); other keys show as their name. */
export const reactionEmoji: Record<string, string> = {
  '+1': '👍',
  '-1': '👎',
  heart: '❤️',
  laugh: '😄',
  hooray: '🎉',
  eyes: '👀',
};
