export const name = '0002-shares';

export const sql = /* sql */ `
CREATE TABLE share_counts (
  thread_id bigint NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
  network text NOT NULL,
  count integer NOT NULL DEFAULT 0,
  PRIMARY KEY (thread_id, network)
);

-- Who already counted, as a keyed hash that changes daily: no address or agent is stored.
CREATE TABLE share_clicks (
  thread_id bigint NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
  network text NOT NULL,
  visitor text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (thread_id, network, visitor)
);
CREATE INDEX share_clicks_created ON share_clicks (created_at);
`;
