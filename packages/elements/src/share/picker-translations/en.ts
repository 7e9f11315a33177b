/** English: the Mastodon server picker's strings (loaded with the picker). */
const strings = {
  share: 'Share',
  mastodonServer: 'Your Mastodon server',
  mastodonHint: 'For example mastodon.social',
  mastodonInvalid: 'Enter a server name such as mastodon.social',
  mastodonHub: 'Not sure? Choose on the share page',
  cancel: 'Cancel',
};

export type PickerStrings = typeof strings;
export default strings;
