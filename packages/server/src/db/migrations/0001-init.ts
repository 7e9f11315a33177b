export const name = '0001-init';

export const sql = /* sql */ `
CREATE TABLE kith_meta (
  key text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE sites (
  id text PRIMARY KEY,
  name text NOT NULL,
  secret_hash text NOT NULL,
  origins text[] NOT NULL DEFAULT '{}',
  settings jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id text PRIMARY KEY,
  site_id text NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('guest', 'sso', 'owner')),
  external_id text,
  name text NOT NULL,
  email text,
  avatar_url text,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (site_id, kind, external_id)
);

CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  site_id text NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  user_id text NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE threads (
  id bigserial PRIMARY KEY,
  site_id text NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  key text NOT NULL,
  closed boolean NOT NULL DEFAULT false,
  comment_count integer NOT NULL DEFAULT 0,
  top_level_count integer NOT NULL DEFAULT 0,
  events_pruned_before bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (site_id, key)
);

CREATE TABLE comments (
  seq bigserial PRIMARY KEY,
  id text NOT NULL UNIQUE,
  site_id text NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  thread_id bigint NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
  parent_id text,
  root_id text,
  path text NOT NULL,
  depth integer NOT NULL,
  author_id text REFERENCES users(id) ON DELETE SET NULL,
  author jsonb,
  markdown text NOT NULL,
  html text NOT NULL,
  status text NOT NULL DEFAULT 'published' CHECK (status IN ('published', 'pending')),
  deleted boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  edited_at timestamptz,
  reactions jsonb NOT NULL DEFAULT '{}',
  score integer NOT NULL DEFAULT 0,
  reply_count integer NOT NULL DEFAULT 0
);
CREATE INDEX comments_top_new ON comments (thread_id, seq) WHERE parent_id IS NULL;
CREATE INDEX comments_top_score ON comments (thread_id, score, seq) WHERE parent_id IS NULL;
CREATE INDEX comments_subtree ON comments (root_id, seq);
CREATE INDEX comments_author ON comments (author_id, thread_id) WHERE status = 'pending';

CREATE TABLE reactions (
  comment_seq bigint NOT NULL REFERENCES comments(seq) ON DELETE CASCADE,
  user_id text NOT NULL,
  reaction text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (comment_seq, user_id, reaction)
);
CREATE INDEX reactions_user ON reactions (user_id);

CREATE TABLE events (
  id bigserial PRIMARY KEY,
  thread_id bigint NOT NULL REFERENCES threads(id) ON DELETE CASCADE,
  type text NOT NULL,
  data text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_thread ON events (thread_id, id);
CREATE INDEX events_created ON events (created_at);

CREATE TABLE idempotency (
  site_id text NOT NULL,
  actor text NOT NULL,
  key text NOT NULL,
  fingerprint text NOT NULL,
  status integer NOT NULL DEFAULT 0,
  body text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (site_id, actor, key)
);
CREATE INDEX idempotency_created ON idempotency (created_at);
`;
