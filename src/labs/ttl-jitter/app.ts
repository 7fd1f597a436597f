// Lab: jittered TTLs, against a real Redis and a real PostgreSQL.
//
// Keys cached at the same moment with the same TTL also expire at the
// same moment, and every request for them then goes to the database
// at once: an avalanche. Here each hydration draws its own TTL, from
// TTL_SECONDS to TTL_SECONDS + JITTER_SECONDS, so a thousand products
// warmed in one burst expire spread over half a minute, and a product
// cached again after it expired draws a fresh TTL.
//
// Try it (`npm run lab -- ttl-jitter`):
//   curl -s -X POST http://127.0.0.1:3000/warm     # caches all products
//   curl -s http://127.0.0.1:3000/ttls             # seconds left -> how many keys
//   curl -i http://127.0.0.1:3000/products/7       # X-Cache: hit
import express, { type Express } from 'express';
import {
  connectDb,
  connectRedis,
  idParam,
  listen,
  type Db,
  type LabOptions,
  type Redis,
  type RunningLab,
} from '../shared/runtime.ts';

const TTL_SECONDS = 60;
const JITTER_SECONDS = 30;
const productKey = (id: number) => `product:${id}`;

const SELECT_PRODUCT = 'SELECT id, name, price_cents FROM products WHERE id = $1';
const SELECT_ALL = 'SELECT id, name, price_cents FROM products ORDER BY id';

interface Product {
  id: number;
  name: string;
  price_cents: number;
}

export interface JitterOptions {
  ttlSeconds?: number;
  jitterSeconds?: number;
  /** A number in [0, 1), as Math.random gives. */
  random?: () => number;
}

export function createApp(
  { redis, db }: { redis: Redis; db: Db },
  { ttlSeconds = TTL_SECONDS, jitterSeconds = JITTER_SECONDS, random = Math.random }: JitterOptions = {},
): Express {
  // Every hydration draws again: the TTL is ttlSeconds plus 0 to jitterSeconds whole seconds.
  const hydrate = (product: Product) => {
    const ttl = ttlSeconds + Math.floor(random() * (jitterSeconds + 1));
    const value = JSON.stringify(product);
    return redis.set(productKey(product.id), value, { expiration: { type: 'EX', value: ttl } }); // step: hydrate
  };

  const app = express();

  // Read: cache-aside, with the jittered hydration above.
  app.get('/products/:id', async (req, res) => {
    const id = idParam(req, res);
    if (id === null) return;
    const cached = await redis.get(productKey(id)); // step: read-cache
    if (cached !== null) return res.set('X-Cache', 'hit').json(JSON.parse(cached)); // step: cache-hit

    const { rows } = await db.query<Product>(SELECT_PRODUCT, [id]); // step: read-db
    const product = rows[0];
    if (product === undefined) return res.status(404).json({ error: `no product ${id}` }); // step: not-found

    await hydrate(product);
    return res.set('X-Cache', 'miss').json(product); // step: reply
  });

  // Warm-up: cache every product at once, as a deploy or a restart might.
  app.post('/warm', async (_req, res) => {
    const { rows } = await db.query<Product>(SELECT_ALL);
    await Promise.all(rows.map(hydrate));
    return res.json({ warmed: rows.length });
  });

  // How the TTLs are spread: seconds left -> number of product keys.
  app.get('/ttls', async (_req, res) => {
    const spread: Record<number, number> = {};
    for await (const keys of redis.scanIterator({ MATCH: 'product:*', COUNT: 100 })) {
      for (const key of keys) {
        const ttl = await redis.ttl(key);
        spread[ttl] = (spread[ttl] ?? 0) + 1;
      }
    }
    return res.json(spread);
  });

  return app;
}

/** `npm run lab -- ttl-jitter`: one app on `port`. */
export async function main({ redisUrl, databaseUrl, port }: LabOptions): Promise<RunningLab> {
  const redis = await connectRedis(redisUrl);
  const db = await connectDb(databaseUrl);
  const server = await listen(createApp({ redis, db }), port);
  return {
    urls: [server.url],
    stop: async () => {
      await server.close();
      await Promise.all([redis.close(), db.end()]);
    },
  };
}
