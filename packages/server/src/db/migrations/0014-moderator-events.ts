export const name = '0014-moderator-events';

export const sql = /* sql */ `
-- Events only the site's moderators receive on a thread's stream: a comment waiting for approval
-- arrives, is edited, withdrawn or rejected.
ALTER TABLE events ADD COLUMN for_moderators boolean NOT NULL DEFAULT false;
`;
