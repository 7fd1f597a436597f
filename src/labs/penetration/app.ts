// Lab: cache penetration, and two defences, against a real Redis and a
// real PostgreSQL.
//
// Requests for ids that exist nowhere miss the cache every time (there
// is nothing to cache) and all reach the database: a scraper or an
// attacker can walk past the cache. Two defences, in order:
// - A Bloom filter of every id that exists, kept in Redis as a bitmap.
//   It answers "certainly not" or "maybe": a "certainly not" is turned
//   away before Redis's cache or PostgreSQL is asked.
// - Null caching: when the database has no row (a "maybe" that was
//   wrong, or a row deleted since, which a Bloom filter cannot forget),
//   a marker is cached for a short while, so the next request for that
//   id stops at Redis.
//
// Try it (`npm run lab -- penetration`):
//   curl -i http://127.0.0.1:3000/products/5          # X-Cache: miss, then hit
//   curl -i http://127.0.0.1:3000/products/123456     # X-Cache: bloom, 404
//   curl -i -X DELETE http://127.0.0.1:3000/products/5
//   curl -i http://127.0.0.1:3000/products/5          # 404, X-Cache: miss
//   curl -i http://127.0.0.1:3000/products/5          # 404, X-Cache: null
import { createHash } from 'node:crypto';
import express, { type Express } from 'express';
import {
  connectDb,
  connectRedis,
  idParam,
  listen,
  textField,
  type Db,
  type LabOptions,
  type Redis,
  type RunningLab,
} from '../shared/runtime.ts';

const TTL_SECONDS = 60;
const NULL_TTL_SECONDS = 30; // short: a row created meanwhile shows up soon
const NULL_MARKER = '__null__';
const productKey = (id: number) => `product:${id}`;

// 65,536 bits (8 KiB) and 5 hashes: about 2 false "maybe"s in a million at 1,000 ids.
const BLOOM_KEY = 'bloom:products';
const BLOOM_BITS = 2 ** 16;
const BLOOM_HASHES = 5;

const SELECT_PRODUCT = 'SELECT id, name, price_cents FROM products WHERE id = $1';

type Product = { id: number; name: string; price_cents: number };

/** The filter's bits for an id: SHA-256 gives eight 32-bit numbers; the first five pick the bits. */
function bloomBits(id: number): number[] {
  const digest = createHash('sha256').update(productKey(id)).digest();
  return Array.from({ length: BLOOM_HASHES }, (_, i) => digest.readUInt32BE(4 * i) % BLOOM_BITS);
}

export async function addToFilter(redis: Redis, ids: readonly number[]): Promise<void> {
  const batch = redis.multi();
  for (const id of ids) for (const bit of bloomBits(id)) batch.setBit(BLOOM_KEY, bit, 1);
  await batch.exec();
}

/** Builds the filter from every id in the table (at startup). */
export async function buildFilter({ redis, db }: { redis: Redis; db: Db }): Promise<number> {
  const { rows } = await db.query<{ id: number }>('SELECT id FROM products');
  await redis.del(BLOOM_KEY);
  const ids = rows.map((row) => row.id);
  await addToFilter(redis, ids);
  return rows.length;
}

/** False: the id was never added. True: it may have been. (The GETBITs travel as one pipeline.) */
async function mightExist(redis: Redis, id: number): Promise<boolean> {
  const bits = await Promise.all(bloomBits(id).map((bit) => redis.getBit(BLOOM_KEY, bit)));
  return bits.every((bit) => bit === 1);
}

export function createApp({ redis, db }: { redis: Redis; db: Db }): Express {
  const app = express();
  app.use(express.json());

  app.get('/products/:id', async (req, res) => {
    const id = idParam(req, res);
    if (id === null) return;
    const key = productKey(id);
    const notFound = (how: string) => {
      res.set('X-Cache', how);
      return res.status(404).json({ error: `no product ${id}` });
    };
    if (!(await mightExist(redis, id))) return notFound('bloom'); // step: bloom-check

    const cached = await redis.get(key); // step: read-cache
    if (cached === NULL_MARKER) return notFound('null'); // step: null-hit
    if (cached !== null) return res.set('X-Cache', 'hit').json(JSON.parse(cached)); // step: cache-hit

    const { rows } = await db.query<Product>(SELECT_PRODUCT, [id]); // step: read-db
    const product = rows[0];
    if (product === undefined) {
      await redis.set(key, NULL_MARKER, { expiration: { type: 'EX', value: NULL_TTL_SECONDS } }); // step: null-cache
      return notFound('miss'); // step: not-found
    }
    await redis.set(key, JSON.stringify(product), { expiration: { type: 'EX', value: TTL_SECONDS } }); // step: hydrate
    return res.set('X-Cache', 'miss').json(product); // step: reply
  });

  // A new product: into the table, into the filter, and no null marker left behind.
  app.post('/products', async (req, res) => {
    const name = textField(req, res, 'name');
    if (name === null) return;
    const { rows } = await db.query<{ id: number }>(
      'INSERT INTO products (name, price_cents) VALUES ($1, 0) RETURNING id',
      [name],
    );
    const id = (rows[0] as { id: number }).id;
    await addToFilter(redis, [id]);
    await redis.del(productKey(id));
    return res.status(201).json({ id, name, price_cents: 0 });
  });

  // Deleting a product leaves its bits in the filter: null caching covers it.
  app.delete('/products/:id', async (req, res) => {
    const id = idParam(req, res);
    if (id === null) return;
    await db.query('DELETE FROM products WHERE id = $1', [id]);
    await redis.del(productKey(id));
    return res.status(204).end();
  });

  return app;
}

/** `npm run lab -- penetration`: builds the filter, then one app on `port`. */
export async function main({ redisUrl, databaseUrl, port }: LabOptions): Promise<RunningLab> {
  const redis = await connectRedis(redisUrl);
  const db = await connectDb(databaseUrl);
  await buildFilter({ redis, db });
  const server = await listen(createApp({ redis, db }), port);
  return {
    urls: [server.url],
    stop: async () => {
      await server.close();
      await Promise.all([redis.close(), db.end()]);
    },
  };
}
