// Lab: a transactional outbox, with a relay that publishes the cache
// invalidations, against a real Redis and a real PostgreSQL.
//
// Committing a change and then telling the cache are two writes to two
// systems: a process that dies between them leaves the cache stale for
// good. So the write puts the change and an outbox row (the key to
// invalidate) in one transaction: both commit, or neither. A relay
// polls the outbox, publishes each pending invalidation to Redis (here
// Redis is the only subscriber, so publishing is a DEL of the key) and
// marks the row published. A relay that dies before it publishes leaves
// the row pending, and the next relay delivers it; one that dies after
// publishing but before marking delivers it twice, which a DEL allows.
//
// Try it (`npm run lab -- outbox`; the relay polls every second):
//   curl -i http://127.0.0.1:3000/users/1/email       # X-Cache: miss
//   curl -i -X PUT http://127.0.0.1:3000/users/1/email -H 'content-type: application/json' -d '{"email":"ada@new.example"}'
//   psql "$DATABASE_URL" -c 'SELECT * FROM outbox'
//   curl -i http://127.0.0.1:3000/users/1/email       # the new email
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

const TTL_SECONDS = 300;
const RELAY_EVERY_MS = 1000;
const BATCH = 100;
const emailKey = (id: number) => `user:${id}:email`;

const SELECT_EMAIL = 'SELECT email FROM users WHERE id = $1';
const UPDATE_EMAIL = 'UPDATE users SET email = $2, version = version + 1 WHERE id = $1 RETURNING version';
const INSERT_OUTBOX = 'INSERT INTO outbox (cache_key) VALUES ($1)';
// SKIP LOCKED: two relays never claim the same rows.
const CLAIM_PENDING =
  'SELECT id, cache_key FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED';
const MARK_PUBLISHED = 'UPDATE outbox SET published_at = now() WHERE id = ANY($1)';

export function createApp({ redis, db }: { redis: Redis; db: Db }): Express {
  const app = express();
  app.use(express.json());

  // Read: cache-aside. The TTL is long: the outbox, not expiry, keeps the copy right.
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

  // Write: the change and its outbox row in one transaction. The cache is not touched here.
  app.put('/users/:id/email', async (req, res) => {
    const id = idParam(req, res);
    if (id === null) return;
    const email = textField(req, res, 'email');
    if (email === null) return;

    const client = await db.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ version: number }>(UPDATE_EMAIL, [id, email]); // step: outbox-write
      if (rows[0] === undefined) {
        await client.query('ROLLBACK');
        return res.status(404).json({ error: `no user ${id}` });
      }
      await client.query(INSERT_OUTBOX, [emailKey(id)]);
      await client.query('COMMIT');
      return res.json({ id, email, version: rows[0].version }); // step: write-reply
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  });

  return app;
}

/**
 * One pass of the relay: claim the pending rows, publish their invalidations, mark them, commit.
 * If anything fails the transaction rolls back and the rows stay pending for the next pass.
 */
export async function relayOnce({ redis, db }: { redis: Redis; db: Db }): Promise<number> {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ id: string; cache_key: string }>(CLAIM_PENDING, [BATCH]); // step: relay-claim
    for (const row of rows) await redis.del(row.cache_key); // step: publish-invalidation
    await client.query(MARK_PUBLISHED, [rows.map((row) => row.id)]); // step: relay-mark
    await client.query('COMMIT');
    return rows.length;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

/** The relay: `relayOnce` every `everyMs`, never two at a time. */
export function startRelay(deps: { redis: Redis; db: Db }, everyMs = RELAY_EVERY_MS) {
  let running = Promise.resolve();
  const relay = async () => {
    try {
      const count = await relayOnce(deps);
      if (count > 0) console.log(`outbox relay: published ${count} invalidation(s)`);
    } catch (error) {
      console.error(`outbox relay: ${(error as Error).message}; the rows stay pending`);
    }
  };
  const timer = setInterval(() => (running = running.then(relay)), everyMs);
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}

/** `npm run lab -- outbox`: one app on `port` and the relay. */
export async function main({ redisUrl, databaseUrl, port }: LabOptions): Promise<RunningLab> {
  const redis = await connectRedis(redisUrl);
  const db = await connectDb(databaseUrl);
  const server = await listen(createApp({ redis, db }), port);
  const relay = startRelay({ redis, db });
  return {
    urls: [server.url],
    stop: async () => {
      await server.close();
      await relay.stop();
      await Promise.all([redis.close(), db.end()]);
    },
  };
}
