export const name = '0016-author-events';

export const sql = /* sql */ `
-- An event about a comment waiting for approval reaches its author too (as it arrives, is
-- edited, approved or rejected), not only the site's moderators.
ALTER TABLE events ADD COLUMN for_author text;
`;
