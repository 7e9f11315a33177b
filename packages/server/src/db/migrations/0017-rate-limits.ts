export const name = '0017-rate-limits';

export const sql = /* sql */ `
-- Rate-limit windows shared by every instance on one PostgreSQL database (an embedded database
-- has one process, which counts in memory). Unlogged: no WAL for counters that may be lost in a
-- crash, which at worst lets a reader start a window afresh.
CREATE UNLOGGED TABLE rate_limits (
  bucket text PRIMARY KEY,
  hits integer NOT NULL,
  reset_at timestamptz NOT NULL
);
`;
