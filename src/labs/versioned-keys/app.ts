// Lab: versioned keys, against a real Redis and a real PostgreSQL.
//
// The cached copy's key names the row's version: `user:1:email:v3`. A
// pointer key, `user:1:email:version`, says which version is current. A
// write commits (the row's version goes up) and moves the pointer; it
// never deletes anything. Readers follow the pointer, so they cannot
// find an old copy once the pointer has moved, and the old copies age
// out by their TTL. The pointer only ever moves forward (a Lua script),
// so two writers finishing in the wrong order cannot move it back.
//
// Try it (`npm run lab -- versioned-keys`):
//   curl -i http://127.0.0.1:3000/users/1/email      # X-Cache: miss, version 1
//   curl -i -X PUT http://127.0.0.1:3000/users/1/email -H 'content-type: application/json' -d '{"email":"ada@new.example"}'
//   curl -i http://127.0.0.1:3000/users/1/email      # a miss: version 2
//   redis-cli -u "$REDIS_URL" KEYS 'user:1:*'        # v1 is still there, unused
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
const emailKey = (id: number, version: number) => `user:${id}:email:v${version}`;
const versionKey = (id: number) => `user:${id}:email:version`;

const SELECT_USER = 'SELECT email, version FROM users WHERE id = $1';
const UPDATE_EMAIL = 'UPDATE users SET email = $2, version = version + 1 WHERE id = $1 RETURNING version';
// Sets the pointer to ARGV[1] unless it already points at that version or a newer one.
const RAISE_VERSION =
  "if tonumber(redis.call('GET', KEYS[1]) or '0') < tonumber(ARGV[1]) then " +
  "redis.call('SET', KEYS[1], ARGV[1]) return 1 end return 0";

export function createApp({ redis, db }: { redis: Redis; db: Db }): Express {
  const app = express();
  app.use(express.json());

  // Read: the current version from the pointer, then that version's copy.
  app.get('/users/:id/email', async (req, res) => {
    const id = idParam(req, res);
    if (id === null) return;
    const current = await redis.get(versionKey(id)); // step: read-version
    if (current !== null) {
      const version = Number(current);
      const cached = await redis.get(emailKey(id, version)); // step: read-cache
      if (cached !== null) return res.set('X-Cache', 'hit').json({ id, email: cached, version }); // step: cache-hit
    }

    const { rows } = await db.query<{ email: string; version: number }>(SELECT_USER, [id]); // step: read-db
    const user = rows[0];
    if (user === undefined) return res.status(404).json({ error: `no user ${id}` }); // step: not-found

    const ttl = { expiration: { type: 'EX', value: TTL_SECONDS } } as const;
    await redis.set(emailKey(id, user.version), user.email, ttl); // step: hydrate
    // No pointer yet? Record this version, unless a writer got there first (NX).
    await redis.set(versionKey(id), String(user.version), { condition: 'NX' });
    return res.set('X-Cache', 'miss').json({ id, ...user }); // step: reply
  });

  // Write: commit, then move the pointer forward. Nothing is deleted.
  app.put('/users/:id/email', async (req, res) => {
    const id = idParam(req, res);
    if (id === null) return;
    const email = textField(req, res, 'email');
    if (email === null) return;

    const { rows } = await db.query<{ version: number }>(UPDATE_EMAIL, [id, email]); // step: write-db
    const version = rows[0]?.version;
    if (version === undefined) return res.status(404).json({ error: `no user ${id}` });

    await redis.eval(RAISE_VERSION, { keys: [versionKey(id)], arguments: [String(version)] }); // step: bump-version
    return res.json({ id, email, version }); // step: write-reply
  });

  return app;
}

/** `npm run lab -- versioned-keys`: one app on `port`. */
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
