// Lab: a Redis session store with sliding expiry, shared by two app
// instances, against a real Redis and a real PostgreSQL.
//
// Logging in creates a session: a Redis hash `session:<id>` that holds
// the user, and ends after SESSION_TTL_SECONDS without a request. Each
// request that finds its session pushes that end back (sliding expiry).
// The id travels in a cookie. The session lives in Redis, not in one
// instance's memory, so a request routed to the other instance finds
// it, and so does any instance after a restart.
//
// Try it (`npm run lab -- sessions`: instance A on :3000, B on :3001):
//   curl -i -c jar -X POST http://127.0.0.1:3000/login -H 'content-type: application/json' -d '{"email":"ada@example.com"}'
//   curl -i -b jar http://127.0.0.1:3001/me           # B knows Ada
//   redis-cli -u "$REDIS_URL" TTL "session:$(awk '/sid/ {print $7}' jar)"
//   curl -i -b jar -X POST http://127.0.0.1:3001/logout
//   curl -i -b jar http://127.0.0.1:3000/me           # 401
import { randomBytes } from 'node:crypto';
import express, { type Express, type Request } from 'express';
import {
  connectDb,
  connectRedis,
  listen,
  textField,
  type Db,
  type LabOptions,
  type Redis,
  type RunningLab,
} from '../shared/runtime.ts';

const SESSION_TTL_SECONDS = 30 * 60;
const COOKIE = 'sid';
const sessionKey = (id: string) => `session:${id}`;

const SELECT_USER = 'SELECT id, name FROM users WHERE email = $1';

/** The session id from the request's cookie, or null. */
function sessionIdOf(req: Request): string | null {
  const match = new RegExp(`(?:^|;\\s*)${COOKIE}=([A-Za-z0-9_-]+)`).exec(req.headers.cookie ?? '');
  return match?.[1] ?? null;
}

export function createApp(
  { redis, db }: { redis: Redis; db: Db },
  { instance = 'A', ttlSeconds = SESSION_TTL_SECONDS } = {},
): Express {
  // Sliding expiry: every use of a session pushes its end back. Login calls it too.
  const touch = (id: string) => redis.expire(sessionKey(id), ttlSeconds); // step: session-expire

  const app = express();
  app.use(express.json());
  app.use((_req, res, next) => {
    res.set('X-Instance', instance); // which instance answered
    next();
  });

  app.post('/login', async (req, res) => {
    const email = textField(req, res, 'email');
    if (email === null) return;
    // A real app checks a password hash here; the lab takes the email's word for it.
    const { rows } = await db.query<{ id: number; name: string }>(SELECT_USER, [email]);
    const user = rows[0];
    if (user === undefined) return res.status(401).json({ error: 'unknown email' });

    const id = randomBytes(24).toString('base64url'); // unguessable
    await redis.hSet(sessionKey(id), { userId: user.id, name: user.name }); // step: session-create
    await touch(id);
    res.cookie(COOKIE, id, { httpOnly: true, sameSite: 'lax', path: '/' });
    return res.json({ userId: user.id, name: user.name });
  });

  app.get('/me', async (req, res) => {
    const id = sessionIdOf(req);
    const session = id === null ? {} : await redis.hGetAll(sessionKey(id)); // step: session-read
    if (id === null || session.userId === undefined) return res.status(401).json({ error: 'not logged in' });

    await touch(id);
    return res.json({ userId: Number(session.userId), name: session.name });
  });

  app.post('/logout', async (req, res) => {
    const id = sessionIdOf(req);
    if (id !== null) await redis.del(sessionKey(id));
    res.clearCookie(COOKIE, { path: '/' });
    return res.status(204).end();
  });

  return app;
}

/** `npm run lab -- sessions`: instance A on `port`, B on `port + 1`, one Redis. */
export async function main({ redisUrl, databaseUrl, port }: LabOptions): Promise<RunningLab> {
  const redis = await connectRedis(redisUrl);
  const db = await connectDb(databaseUrl);
  const servers = await Promise.all(
    ['A', 'B'].map((instance, index) => listen(createApp({ redis, db }, { instance }), port + index)),
  );
  return {
    urls: servers.map((server) => server.url),
    stop: async () => {
      await Promise.all(servers.map((server) => server.close()));
      await Promise.all([redis.close(), db.end()]);
    },
  };
}
