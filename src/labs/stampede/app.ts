// Lab: a stampede guard, against a real Redis and a real PostgreSQL.
//
// When a popular key expires, every request that misses at that moment
// runs the same expensive query: a stampede. Two guards, one inside the
// other. Single-flight: requests in the same process that miss the same
// key share one load (a Map of promises). A lock in Redis (`SET … NX
// PX`): of all processes, only the one that takes the lock queries the
// database; the others wait a little and read the cache again. The lock
// expires by itself should its holder die, and is released only by its
// holder (a token, checked in a Lua script).
//
// Try it (`npm run lab -- stampede`: instance A on :3000, B on :3001):
//   curl -i http://127.0.0.1:3000/products/1          # slow: a miss (0.3 s query)
//   curl -i http://127.0.0.1:3001/products/1          # fast: a hit
//   redis-cli -u "$REDIS_URL" DEL product:1         # as if it expired; then 20 at once:
//   for i in $(seq 10); do curl -s -o /dev/null http://127.0.0.1:3000/products/1 & curl -s -o /dev/null http://127.0.0.1:3001/products/1 & done; wait
import { randomUUID } from 'node:crypto';
import express, { type Express } from 'express';
import {
  connectDb,
  connectRedis,
  idParam,
  listen,
  sleep,
  type Db,
  type LabOptions,
  type Redis,
  type RunningLab,
} from '../shared/runtime.ts';

const TTL_SECONDS = 30;
const LOCK_MS = 3000;
const RETRY_MS = 50;
const MAX_WAITS = 100;
const productKey = (id: number) => `product:${id}`;
// SET … NX PX: only if nobody holds the lock, and for LOCK_MS at most.
const LOCK_OPTIONS = { condition: 'NX', expiration: { type: 'PX', value: LOCK_MS } } as const;
const CACHE_OPTIONS = { expiration: { type: 'EX', value: TTL_SECONDS } } as const;

// pg_sleep stands in for an expensive query: a report over millions of rows.
const SELECT_PRODUCT = 'SELECT id, name, price_cents FROM products, pg_sleep(0.3) WHERE id = $1';
// Deletes the lock only if it still holds our token: it may have expired and been taken since.
const UNLOCK = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

type Product = { id: number; name: string; price_cents: number };

export function createApp({ redis, db }: { redis: Redis; db: Db }, instance = 'A'): Express {
  const inFlight = new Map<string, Promise<Product | null>>();

  // Only the holder of the lock queries the database; the others wait for the cache to fill.
  async function loadWithLock(id: number): Promise<Product | null> {
    const key = productKey(id);
    const lockKey = `lock:${key}`;
    const token = randomUUID();
    for (let wait = 0; wait < MAX_WAITS; wait++) {
      const locked = await redis.set(lockKey, token, LOCK_OPTIONS); // step: lock
      if (locked === 'OK') {
        try {
          const filled = await redis.get(key); // filled while we took the lock?
          if (filled !== null) return JSON.parse(filled) as Product;
          const { rows } = await db.query<Product>(SELECT_PRODUCT, [id]); // step: read-db
          const product = rows[0] ?? null;
          if (product !== null) await redis.set(key, JSON.stringify(product), CACHE_OPTIONS); // step: hydrate
          return product;
        } finally {
          await redis.eval(UNLOCK, { keys: [lockKey], arguments: [token] }); // step: unlock
        }
      }
      await sleep(RETRY_MS); // step: lock-wait
      const cached = await redis.get(key);
      if (cached !== null) return JSON.parse(cached) as Product;
    }
    throw new Error(`${key}: still locked after ${(MAX_WAITS * RETRY_MS) / 1000} s`);
  }

  // Single-flight: the requests of this process that miss the same key share one load.
  function loadOnce(id: number): Promise<Product | null> {
    const key = productKey(id);
    let load = inFlight.get(key); // step: single-flight
    if (load === undefined) {
      load = loadWithLock(id).finally(() => inFlight.delete(key));
      inFlight.set(key, load);
    }
    return load;
  }

  const app = express();
  app.get('/products/:id', async (req, res) => {
    const id = idParam(req, res);
    if (id === null) return;
    res.set('X-Instance', instance);
    const cached = await redis.get(productKey(id)); // step: read-cache
    if (cached !== null) return res.set('X-Cache', 'hit').json(JSON.parse(cached)); // step: cache-hit

    const product = await loadOnce(id);
    if (product === null) return res.status(404).json({ error: `no product ${id}` }); // step: not-found
    return res.set('X-Cache', 'miss').json(product); // step: reply
  });
  return app;
}

/** `npm run lab -- stampede`: instance A on `port`, B on `port + 1`, one Redis. */
export async function main({ redisUrl, databaseUrl, port }: LabOptions): Promise<RunningLab> {
  const redis = await connectRedis(redisUrl);
  const db = await connectDb(databaseUrl);
  const servers = await Promise.all(
    ['A', 'B'].map((instance, index) => listen(createApp({ redis, db }, instance), port + index)),
  );
  return {
    urls: servers.map((server) => server.url),
    stop: async () => {
      await Promise.all(servers.map((server) => server.close()));
      await Promise.all([redis.close(), db.end()]);
    },
  };
}
