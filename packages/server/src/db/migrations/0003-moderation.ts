export const name = '0003-moderation';

// The moderation queue: a site's comments awaiting approval, oldest first.
export const sql = /* sql */ `
CREATE INDEX comments_pending ON comments (site_id, seq) WHERE status = 'pending';
`;
