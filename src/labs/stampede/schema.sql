-- The table behind the stampede lab: `npm run lab` runs this file before
-- the app starts. Every lab that has a products table creates this
-- same one, so the labs can share a database (DATABASE_URL): a
-- thousand products, ids 1 to 1000. The app makes its
-- query slow on purpose (SELECT_PRODUCT in app.ts).
CREATE TABLE IF NOT EXISTS products (
  id          serial  PRIMARY KEY,
  name        text    NOT NULL,
  price_cents integer NOT NULL
);

INSERT INTO products (id, name, price_cents)
  SELECT n, 'Product ' || n, 100 * n FROM generate_series(1, 1000) AS n
ON CONFLICT (id) DO NOTHING;

-- New products are numbered after the seeded ones.
SELECT setval('products_id_seq', GREATEST((SELECT max(id) FROM products), 1));
