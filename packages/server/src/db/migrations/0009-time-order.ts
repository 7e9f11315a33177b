export const name = '0009-time-order';

export const sql = /* sql */ `
-- Threads list comments in the order they were written, not the order they reached this
-- database: an imported comment from 2019 sorts before one posted here today. seq breaks ties.
DROP INDEX comments_top_new;
DROP INDEX comments_top_score;
DROP INDEX comments_subtree;
CREATE INDEX comments_top_time ON comments (thread_id, created_at, seq) WHERE parent_id IS NULL;
CREATE INDEX comments_top_score ON comments (thread_id, score, created_at, seq) WHERE parent_id IS NULL;
CREATE INDEX comments_subtree ON comments (root_id, created_at, seq);
`;
