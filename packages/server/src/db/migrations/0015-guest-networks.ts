export const name = '0015-guest-networks';

export const sql = /* sql */ `
-- The network a guest came from, as a keyed hash (never the address), kept for as long as their
-- first session: blocking the guest then also turns away new guests from that network for a while.
ALTER TABLE users ADD COLUMN network_key text;
CREATE INDEX users_network_kept ON users (created_at) WHERE network_key IS NOT NULL;

CREATE TABLE blocked_networks (
  site_id text NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  network_key text NOT NULL,
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  until timestamptz NOT NULL,
  PRIMARY KEY (site_id, network_key, user_id)
);
CREATE INDEX blocked_networks_user ON blocked_networks (user_id);
`;
