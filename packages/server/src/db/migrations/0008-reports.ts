export const name = '0008-reports';

export const sql = /* sql */ `
-- Readers' reports of comments, one per reader and comment, until the owner acts on them.
CREATE TABLE reports (
  id bigserial PRIMARY KEY,
  comment_seq bigint NOT NULL REFERENCES comments(seq) ON DELETE CASCADE,
  site_id text NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  user_id text NOT NULL,
  reason text NOT NULL,
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (comment_seq, user_id)
);
CREATE INDEX reports_site ON reports (site_id, comment_seq);
`;
