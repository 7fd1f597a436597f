-- The tables behind the outbox lab: the users (the same table as in
-- the other labs, so they can share a database), and the outbox the
-- relay reads. An outbox row is written in the same transaction as the
-- change it announces; `published_at` stays NULL until the relay has
-- delivered its invalidation.
CREATE TABLE IF NOT EXISTS users (
  id      integer PRIMARY KEY,
  name    text    NOT NULL,
  email   text    NOT NULL UNIQUE,
  version integer NOT NULL DEFAULT 1
);

CREATE TABLE IF NOT EXISTS outbox (
  id           bigserial   PRIMARY KEY,
  cache_key    text        NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz
);

CREATE INDEX IF NOT EXISTS outbox_pending ON outbox (id) WHERE published_at IS NULL;

INSERT INTO users (id, name, email) VALUES
  (1, 'Ada', 'ada@example.com'),
  (2, 'Grace', 'grace@example.com'),
  (3, 'Edsger', 'edsger@example.com')
ON CONFLICT (id) DO NOTHING;
