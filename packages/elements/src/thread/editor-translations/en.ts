/** English: the words of writing in a thread (the editor, the writer's own comments), loaded with the editor. */
const strings = {
  nameLabel: 'Your name',
  emailLabel: 'Email (optional, never shown)',
  write: 'Write',
  preview: 'Preview',
  nothingToPreview: 'Nothing to preview yet.',
  previewing: 'Loading the preview…',
  post: 'Post comment',
  postReply: 'Post reply',
  save: 'Save',
  cancel: 'Cancel',
  commentLabel: 'Your comment',
  replyLabel: (name: string) => `Reply to ${name}`,
  editLabel: 'Edit your comment',
  hint: (keys: string) => `Markdown works: **bold**, *italic*, [links](https://…), \`code\`. ${keys} posts.`,
  tooLong: (max: string) => `That is more than the ${max} characters a comment may have.`,
  charactersLeft: (count: number, formatted: string) =>
    count === 1 ? '1 character left' : `${formatted} characters left`,
  empty: 'Write something first.',
  nameRequired: 'Enter a name to post.',
  signInRequired: 'Sign in on this site to comment. Your draft is kept.',
  posting: 'Posting…',
  edit: 'Edit',
  delete: 'Delete',
  confirmDelete: 'Delete this comment? Its replies stay.',
  sending: 'Sending…',
  queued: 'Not sent yet. It will be sent when the connection is back.',
  proofUnsupported:
    'This site checks comments for bots, which needs a secure (https) page. Your text is kept.',
  sendNow: 'Send now',
  posted: 'Comment posted.',
  held: 'Comment sent. It will appear once the site approves it.',
  reviewedAll: 'Comments are reviewed before they appear.',
  reviewedFirst: 'A first comment is reviewed before it appears.',
  signedInAs: (name: string) => `Commenting as ${name}`,
  signOut: 'Sign out',
};

export type EditorStrings = typeof strings;
export default strings;
