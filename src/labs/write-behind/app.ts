// Lab: write-behind, with a flush worker, against a real Redis and a
// real PostgreSQL.
//
// A write goes to Redis only: the new value and an entry on a queue (a
// Redis list), in one MULTI, and the client hears "accepted" at once.
// A flush worker drains the queue into PostgreSQL every few seconds, a
// batch per transaction, and takes the entries off the queue only once
// they are committed. Writes are fast, but until the flush the only copy
// of a write is in Redis's memory: if Redis crashes first, the write is
// gone, although the client was told it was accepted. (This lab's Redis
// keeps nothing on disk, like most caches; persistence would narrow that
// window, not close it.)
//
// Try it (`npm run lab -- write-behind`):
//   curl -i -X PUT http://127.0.0.1:3000/users/1/email -H 'content-type: application/json' -d '{"email":"ada@new.example"}'
//   curl -s http://127.0.0.1:3000/users/1/email         # the new email, from Redis
//   psql "$DATABASE_URL" -c 'SELECT * FROM users'       # the old one, until the flush
//   redis-cli -u "$REDIS_URL" LRANGE write-behind:queue 0 -1
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

const TTL_SECONDS = 30;
const QUEUE = 'write-behind:queue';
const BATCH = 100;
const FLUSH_EVERY_MS = 5000;
const emailKey = (id: number) => `user:${id}:email`;

const SELECT_EMAIL = 'SELECT email FROM users WHERE id = $1';
const UPDATE_EMAIL = 'UPDATE users SET email = $2, version = version + 1 WHERE id = $1';

export function createApp({ redis, db }: { redis: Redis; db: Db }): Express {
  const app = express();
  app.use(express.json());

  // Read: cache-aside. A written key has no TTL: until it is flushed it is the only copy.
  app.get('/users/:id/email', async (req, res) => {
    const id = idParam(req, res);
    if (id === null) return;
    const cached = await redis.get(emailKey(id)); // step: read-cache
    if (cached !== null) return res.set('X-Cache', 'hit').json({ id, email: cached }); // step: cache-hit

    const { rows } = await db.query<{ email: string }>(SELECT_EMAIL, [id]); // step: read-db
    const email = rows[0]?.email;
    if (email === undefined) return res.status(404).json({ error: `no user ${id}` }); // step: not-found

    await redis.set(emailKey(id), email, { expiration: { type: 'EX', value: TTL_SECONDS } }); // step: hydrate
    return res.set('X-Cache', 'miss').json({ id, email }); // step: reply
  });

  // Write: Redis only, value and queue entry together; PostgreSQL later.
  app.put('/users/:id/email', async (req, res) => {
    const id = idParam(req, res);
    if (id === null) return;
    const email = textField(req, res, 'email');
    if (email === null) return;

    await redis.multi().set(emailKey(id), email).rPush(QUEUE, JSON.stringify({ id, email })).exec(); // step: behind-set
    return res.status(202).json({ id, email, accepted: true }); // step: behind-ack
  });

  return app;
}

/**
 * One flush: the oldest queued writes, committed in one transaction, then taken off the queue.
 * A crash before LTRIM writes them again on the next flush, which is harmless: each is the
 * whole new value. (The lab assumes one flusher, so the queue's order is the order of commits.)
 */
export async function flushOnce({ redis, db }: { redis: Redis; db: Db }): Promise<number> {
  const entries = await redis.lRange(QUEUE, 0, BATCH - 1); // step: flush
  if (entries.length === 0) return 0;
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    for (const entry of entries) {
      const { id, email } = JSON.parse(entry) as { id: number; email: string };
      await client.query(UPDATE_EMAIL, [id, email]); // step: flush-write
    }
    await client.query('COMMIT'); // step: flush-commit
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
  await redis.lTrim(QUEUE, entries.length, -1); // step: flush-trim
  return entries.length;
}

/** The flush worker: `flushOnce` every `everyMs`, never two at a time. */
export function startFlusher(deps: { redis: Redis; db: Db }, everyMs = FLUSH_EVERY_MS) {
  let running = Promise.resolve();
  const flush = async () => {
    try {
      const count = await flushOnce(deps);
      if (count > 0) console.log(`write-behind: flushed ${count} write(s)`);
    } catch (error) {
      console.error(`write-behind: flush failed: ${(error as Error).message}`);
    }
  };
  const timer = setInterval(() => (running = running.then(flush)), everyMs);
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}

/** `npm run lab -- write-behind`: one app on `port` and its flush worker. */
export async function main({ redisUrl, databaseUrl, port }: LabOptions): Promise<RunningLab> {
  const redis = await connectRedis(redisUrl);
  const db = await connectDb(databaseUrl);
  const server = await listen(createApp({ redis, db }), port);
  const flusher = startFlusher({ redis, db });
  return {
    urls: [server.url],
    stop: async () => {
      await server.close();
      await flusher.stop();
      await flushOnce({ redis, db }); // a clean shutdown flushes what is left
      await Promise.all([redis.close(), db.end()]);
    },
  };
}
