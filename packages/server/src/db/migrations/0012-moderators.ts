export const name = '0012-moderators';

export const sql = /* sql */ `
-- The site's own users it names moderators (in their sign-in token, or when it mints their
-- session): they approve and remove comments in the thread with their session. Set at each sign-in.
ALTER TABLE users ADD COLUMN moderator boolean NOT NULL DEFAULT false;
`;
