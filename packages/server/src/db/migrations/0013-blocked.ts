export const name = '0013-blocked';

export const sql = /* sql */ `
-- Commenters the owner or a moderator blocked: they read, but no longer post, react, report or
-- answer events.
ALTER TABLE users ADD COLUMN blocked_at timestamptz;
`;
