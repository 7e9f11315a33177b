export const name = '0007-proofs';

export const sql = /* sql */ `
-- Proofs of work already spent on a comment, until their challenge expires (each is good once).
CREATE TABLE used_proofs (
  site_id text NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
  nonce text NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (site_id, nonce)
);
CREATE INDEX used_proofs_expires ON used_proofs (expires_at);
`;
