// Lab: cache-aside, against a real Redis and a real PostgreSQL.
//
// A read looks in Redis first. On a miss it loads the row from
// PostgreSQL, copies it into Redis with a TTL (`SET … EX`) and replies.
// A write commits to PostgreSQL first, then deletes the cached copy, so
// the next read loads the new row. Each `// step:` comment marks the
// line the lesson's Visual highlights at that step.
//
// Try it (`npm run lab -- cache-aside`):
//   curl -i http://127.0.0.1:3000/users/1/email        # X-Cache: miss
//   curl -i http://127.0.0.1:3000/users/1/email        # X-Cache: hit
//   curl -i -X PUT http://127.0.0.1:3000/users/1/email -H 'content-type: application/json' -d '{"email":"ada@new.example"}'
//   curl -i http://127.0.0.1:3000/users/1/email        # a miss again
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

const SELECT_EMAIL = 'SELECT email FROM users WHERE id = $1';
const UPDATE_EMAIL = 'UPDATE users SET email = $2, version = version + 1 WHERE id = $1 RETURNING version';

export function createApp({ redis, db }: { redis: Redis; db: Db }): Express {
  const app = express();
  app.use(express.json());

  // Read: try Redis; on a miss, load the row and cache it.
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

  // Write: commit to PostgreSQL, then delete the cached copy.
  app.put('/users/:id/email', async (req, res) => {
    const id = idParam(req, res);
    if (id === null) return;
    const email = textField(req, res, 'email');
    if (email === null) return;

    const { rows } = await db.query<{ version: number }>(UPDATE_EMAIL, [id, email]); // step: write-db
    if (rows[0] === undefined) return res.status(404).json({ error: `no user ${id}` });

    await redis.del(emailKey(id)); // step: invalidate
    return res.json({ id, email, version: rows[0].version }); // step: write-reply
  });

  return app;
}

/** `npm run lab -- cache-aside`: one app on `port`. */
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
