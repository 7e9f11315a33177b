export const name = '0010-webhooks';

export const sql = /* sql */ `
-- Webhook deliveries, written in the transaction of what they report, so none is lost or sent for
-- a write that rolled back; delivered, retried with backoff, or given up on by any instance.
CREATE TABLE webhook_deliveries (
  id bigserial PRIMARY KEY,
  site_id text NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  message_id text NOT NULL UNIQUE,
  type text NOT NULL,
  body text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  next_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz,
  failed_at timestamptz,
  last_status integer,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_at)
  WHERE delivered_at IS NULL AND failed_at IS NULL;
CREATE INDEX webhook_deliveries_site ON webhook_deliveries (site_id, id);
`;
