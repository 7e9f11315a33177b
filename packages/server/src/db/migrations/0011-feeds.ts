export const name = '0011-feeds';

export const sql = /* sql */ `
-- Atom feeds list a thread's or a site's latest published comments, replies included.
CREATE INDEX comments_thread_time ON comments (thread_id, created_at, seq) WHERE status = 'published';
CREATE INDEX comments_site_time ON comments (site_id, created_at, seq) WHERE status = 'published';
`;
