// Lab: pub/sub invalidation of local caches, across two app instances,
// against a real Redis and a real PostgreSQL.
//
// Each instance keeps its own in-process copy of what it read (a Map),
// in front of Redis: the fastest read there is, and the one that goes
// stale, since a write through one instance cannot touch the memory of
// the others. So a write commits, deletes the Redis key and PUBLISHes
// the key on a channel every instance subscribes to, and each instance
// drops its copy when the message arrives. Pub/sub is fire-and-forget:
// an instance that is disconnected at that moment never hears of it,
// which is why the local copies also expire (LOCAL_TTL_MS).
//
// Try it (`npm run lab -- pubsub-invalidation`: instance A on :3000, B on :3001):
//   curl -i http://127.0.0.1:3000/users/1/email      # A: X-Cache: miss
//   curl -i http://127.0.0.1:3001/users/1/email      # B: X-Cache: redis
//   curl -i http://127.0.0.1:3001/users/1/email      # B: X-Cache: local
//   curl -i -X PUT http://127.0.0.1:3000/users/1/email -H 'content-type: application/json' -d '{"email":"ada@new.example"}'
//   curl -i http://127.0.0.1:3001/users/1/email      # B: the new email
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
const LOCAL_TTL_MS = 60_000;
const CHANNEL = 'cache-invalidations';
const emailKey = (id: number) => `user:${id}:email`;

const SELECT_EMAIL = 'SELECT email FROM users WHERE id = $1';
const UPDATE_EMAIL = 'UPDATE users SET email = $2, version = version + 1 WHERE id = $1 RETURNING version';

export interface Instance {
  app: Express;
  /** This instance's local copies: key -> email and when the copy expires. */
  copies: Map<string, { email: string; expires: number }>;
}

/**
 * One app instance. `subscriber` is a Redis connection of its own: a connection that has
 * subscribed can do nothing else.
 */
export async function createInstance(
  { redis, subscriber, db }: { redis: Redis; subscriber: Redis; db: Db },
  name: string,
): Promise<Instance> {
  const copies: Instance['copies'] = new Map();
  const keepLocal = (key: string, email: string) => {
    copies.set(key, { email, expires: Date.now() + LOCAL_TTL_MS });
    return email;
  };

  // Every instance listens, the writer too: its own copy goes the same way.
  const dropLocalCopy = (key: string) => copies.delete(key); // step: on-invalidate
  await subscriber.subscribe(CHANNEL, dropLocalCopy); // step: subscribe

  const app = express();
  app.use(express.json());
  app.use((_req, res, next) => {
    res.set('X-Instance', name); // which instance answered
    next();
  });

  // Read: the local copy, else Redis, else PostgreSQL; keep what was found.
  app.get('/users/:id/email', async (req, res) => {
    const id = idParam(req, res);
    if (id === null) return;
    const key = emailKey(id);
    const local = copies.get(key);
    if (local !== undefined && local.expires > Date.now())
      return res.set('X-Cache', 'local').json({ id, email: local.email }); // step: local-hit

    const cached = await redis.get(key); // step: read-cache
    if (cached !== null) return res.set('X-Cache', 'redis').json({ id, email: keepLocal(key, cached) }); // step: cache-hit

    const { rows } = await db.query<{ email: string }>(SELECT_EMAIL, [id]); // step: read-db
    const email = rows[0]?.email;
    if (email === undefined) return res.status(404).json({ error: `no user ${id}` }); // step: not-found

    await redis.set(key, email, { expiration: { type: 'EX', value: TTL_SECONDS } }); // step: hydrate
    return res.set('X-Cache', 'miss').json({ id, email: keepLocal(key, email) }); // step: reply
  });

  // Write: commit, delete the Redis key, tell every instance to drop its copy.
  app.put('/users/:id/email', async (req, res) => {
    const id = idParam(req, res);
    if (id === null) return;
    const email = textField(req, res, 'email');
    if (email === null) return;

    const { rows } = await db.query<{ version: number }>(UPDATE_EMAIL, [id, email]); // step: write-db
    if (rows[0] === undefined) return res.status(404).json({ error: `no user ${id}` });

    await redis.del(emailKey(id)); // step: invalidate
    await redis.publish(CHANNEL, emailKey(id)); // step: publish
    return res.json({ id, email, version: rows[0].version }); // step: write-reply
  });

  return { app, copies };
}

/** `npm run lab -- pubsub-invalidation`: instance A on `port`, B on `port + 1`. */
export async function main({ redisUrl, databaseUrl, port }: LabOptions): Promise<RunningLab> {
  const redis = await connectRedis(redisUrl);
  const db = await connectDb(databaseUrl);
  const instances = await Promise.all(
    ['A', 'B'].map(async (name, index) => {
      const subscriber = await connectRedis(redisUrl);
      const { app } = await createInstance({ redis, subscriber, db }, name);
      return { subscriber, server: await listen(app, port + index) };
    }),
  );
  return {
    urls: instances.map(({ server }) => server.url),
    stop: async () => {
      await Promise.all(instances.map(({ server }) => server.close()));
      await Promise.all([redis.close(), db.end(), ...instances.map(({ subscriber }) => subscriber.close())]);
    },
  };
}
