export const name = '0005-rsvp';

export const sql = /* sql */ `
-- A page's event (at most one per thread) and its readers' answers.
CREATE TABLE rsvp_events (
  thread_id bigint PRIMARY KEY REFERENCES threads(id) ON DELETE CASCADE,
  uid text NOT NULL UNIQUE,
  details jsonb NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  capacity integer CHECK (capacity IS NULL OR capacity > 0),
  max_guests integer NOT NULL DEFAULT 0,
  cancelled boolean NOT NULL DEFAULT false,
  sequence integer NOT NULL DEFAULT 0,
  -- Kept with every answer in the same transaction, under this row's lock: capacity is checked
  -- against it, so concurrent answers can never overbook.
  going_seats integer NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One order for the waitlist and the attendee list: first come, first served.
CREATE SEQUENCE rsvp_order;

CREATE TABLE rsvps (
  thread_id bigint NOT NULL REFERENCES rsvp_events(thread_id) ON DELETE CASCADE,
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  response text NOT NULL CHECK (response IN ('going', 'maybe', 'not-going')),
  guests integer NOT NULL DEFAULT 0,
  -- Set while going but waiting for a seat: the place in line.
  waitlist bigint,
  -- When the reader came to hold a seat (or answered, for the rest): the attendee list's order.
  since bigint NOT NULL DEFAULT nextval('rsvp_order'),
  PRIMARY KEY (thread_id, user_id)
);
CREATE INDEX rsvps_waitlist ON rsvps (thread_id, waitlist) WHERE waitlist IS NOT NULL;
CREATE INDEX rsvps_going ON rsvps (thread_id, since) WHERE response = 'going' AND waitlist IS NULL;
`;
