// Lab: write-through, against a real Redis and a real PostgreSQL.
//
// A write commits to PostgreSQL and then puts the new value in Redis
// itself (`SET … EX`), instead of deleting the key: the next read is a
// hit, and nothing acknowledged lives only in Redis. If Redis crashes,
// it comes back empty and reads load from PostgreSQL, which has every
// write. Reads are cache-aside, as in the cache-aside lab.
//
// Try it (`npm run lab -- write-through`):
//   curl -i -X PUT http://127.0.0.1:3000/users/1/email -H 'content-type: application/json' -d '{"email":"ada@new.example"}'
//   curl -i http://127.0.0.1:3000/users/1/email        # X-Cache: hit, already
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
const emailKey = (id: number) => `user:${id}:email`;
const ttl = { expiration: { type: 'EX', value: TTL_SECONDS } } as const;

const SELECT_EMAIL = 'SELECT email FROM users WHERE id = $1';
const UPDATE_EMAIL = 'UPDATE users SET email = $2, version = version + 1 WHERE id = $1 RETURNING version';

export function createApp({ redis, db }: { redis: Redis; db: Db }): Express {
  const app = express();
  app.use(express.json());

  // Read: cache-aside.
  app.get('/users/:id/email', async (req, res) => {
    const id = idParam(req, res);
    if (id === null) return;
    const cached = await redis.get(emailKey(id)); // step: read-cache
    if (cached !== null) return res.set('X-Cache', 'hit').json({ id, email: cached }); // step: cache-hit

    const { rows } = await db.query<{ email: string }>(SELECT_EMAIL, [id]); // step: read-db
    const email = rows[0]?.email;
    if (email === undefined) return res.status(404).json({ error: `no user ${id}` }); // step: not-found

    await redis.set(emailKey(id), email, ttl); // step: hydrate
    return res.set('X-Cache', 'miss').json({ id, email }); // step: reply
  });

  // Write: commit to PostgreSQL, then write the new value through to Redis.
  app.put('/users/:id/email', async (req, res) => {
    const id = idParam(req, res);
    if (id === null) return;
    const email = textField(req, res, 'email');
    if (email === null) return;

    const { rows } = await db.query<{ version: number }>(UPDATE_EMAIL, [id, email]); // step: write-db
    if (rows[0] === undefined) return res.status(404).json({ error: `no user ${id}` }); // step: write-failed

    await redis.set(emailKey(id), email, ttl); // step: through-set
    return res.json({ id, email, version: rows[0].version }); // step: write-reply
  });

  return app;
}

/** `npm run lab -- write-through`: one app on `port`. */
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
