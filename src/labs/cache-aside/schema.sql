-- The table behind the cache-aside lab: `npm run lab` runs this file before
-- the app starts. Every lab that has a users table creates this same
-- one, so the labs can share a database (DATABASE_URL). `version`
-- counts the committed updates.
CREATE TABLE IF NOT EXISTS users (
  id      integer PRIMARY KEY,
  name    text    NOT NULL,
  email   text    NOT NULL UNIQUE,
  version integer NOT NULL DEFAULT 1
);

INSERT INTO users (id, name, email) VALUES
  (1, 'Ada', 'ada@example.com'),
  (2, 'Grace', 'grace@example.com'),
  (3, 'Edsger', 'edsger@example.com')
ON CONFLICT (id) DO NOTHING;
