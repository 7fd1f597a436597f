// Sessions behind a load balancer. The handlers talk to a
// SessionStore, so the same code runs with any store. The one in
// process memory is what breaks; the one in Redis is what every
// app node can share. A `// step:` comment marks the line the
// Visual highlights at that step.

/** What a request handler needs from a session store. */
export interface SessionStore {
  /** Starts a session for the user and returns its id. */
  create(userId: string): Promise<string>;
  /** The user a session belongs to, or null if there is none. */
  find(sessionId: string): Promise<string | null>;
  destroy(sessionId: string): Promise<void>;
}

/** An EXPIRE: on a connection, or queued inside a MULTI. */
interface Expirer {
  expire(key: string, seconds: number): unknown;
}

/** Commands queued in a MULTI; exec() runs them all at once. */
export interface SessionMulti extends Expirer {
  hSet(key: string, field: string, value: string): unknown;
  exec(): Promise<unknown>;
}

/** The Redis commands the store uses, as node-redis names them. */
export interface SessionCache extends Expirer {
  hGet(key: string, field: string): Promise<string | null>;
  del(key: string): Promise<number>;
  multi(): SessionMulti;
}

/** 30 minutes after the last request, a session ends. */
export const TTL_SECONDS = 30 * 60;
const sessionKey = (id: string) => `session:${id}`;

/** 122 random bits: nobody can guess another user's session. */
const newSessionId = () => crypto.randomUUID();

/**
 * Sliding expiry: every use of a session starts its 30 minutes
 * again. A session nobody uses expires on its own.
 */
function touch(target: Expirer, key: string): unknown {
  return target.expire(key, TTL_SECONDS); // step: session-expire
}

/** The store that breaks behind a load balancer (see the Visual). */
export function memorySessions(): SessionStore {
  const users = new Map<string, string>(); // gone on a crash
  return {
    async create(userId) {
      const id = newSessionId();
      users.set(id, userId);
      return id;
    },
    async find(sessionId) {
      return users.get(sessionId) ?? null;
    },
    async destroy(sessionId) {
      users.delete(sessionId);
    },
  };
}

/** One hash per session in Redis, shared by every app node. */
export function redisSessions(cache: SessionCache): SessionStore {
  return {
    async create(userId) {
      const id = newSessionId();
      // One MULTI: no crash can leave a session without expiry.
      const tx = cache.multi();
      tx.hSet(sessionKey(id), 'user', userId);
      touch(tx, sessionKey(id));
      await tx.exec();
      return id;
    },
    async find(sessionId) {
      const key = sessionKey(sessionId);
      const user = await cache.hGet(key, 'user');
      if (user !== null) await touch(cache, key);
      return user;
    },
    async destroy(sessionId) {
      await cache.del(sessionKey(sessionId));
    },
  };
}

/** What a handler answers: a status, a body, maybe a cookie. */
export interface Reply {
  status: number;
  body: string;
  setCookie?: string;
  location?: string;
}

/** Whoever has no session is sent to the login page. */
const toLogin: Reply = { status: 302, body: '', location: '/login' };

/** POST /login, once the password has been checked. */
export async function login(
  sessions: SessionStore,
  userId: string,
): Promise<Reply> {
  const id = await sessions.create(userId); // step: session-create
  // Only the id travels: the session's data stays on the server.
  const cookie = `sid=${id}; Path=/; HttpOnly; Secure; SameSite=Lax`;
  return { status: 200, body: `Hello, ${userId}`, setCookie: cookie };
}

/** GET /<page>: whose page is it? No session, no page. */
export async function page(
  sessions: SessionStore,
  sessionId: string | null,
  name: string,
): Promise<Reply> {
  if (sessionId === null) return toLogin;
  const user = await sessions.find(sessionId); // step: session-read
  if (user === null) return toLogin;
  return { status: 200, body: `/${name} for ${user}` };
}

/** POST /logout: end the session on every node at once. */
export async function logout(
  sessions: SessionStore,
  sessionId: string,
): Promise<Reply> {
  await sessions.destroy(sessionId);
  return {
    status: 200,
    body: 'Logged out',
    setCookie: 'sid=; Max-Age=0',
  };
}
