// Cache-aside for a user's email. Cache and database are small
// interfaces: the same code runs against Redis and PostgreSQL and
// against in-memory stand-ins in the tests. A `// step:` comment
// marks the line the Visual highlights at that step.

export interface Cache {
  get(key: string): Promise<string | null>;
  set(
    key: string,
    value: string,
    options: { EX: number },
  ): Promise<unknown>;
  del(key: string): Promise<number>;
}

export interface UserTable {
  selectEmail(userId: number): Promise<string | null>;
  /** Commits the new email and returns the row's new version. */
  updateEmail(userId: number, email: string): Promise<number>;
}

const TTL_SECONDS = 30;
const emailKey = (userId: number) => `user:${userId}:email`;

/** Read: try the cache; on a miss, load the row and cache it. */
export async function getEmail(
  cache: Cache,
  db: UserTable,
  userId: number,
): Promise<string | null> {
  const cached = await cache.get(emailKey(userId)); // step: read-cache
  if (cached !== null) return cached; // step: cache-hit

  const email = await db.selectEmail(userId); // step: read-db
  if (email === null) return null; // step: not-found

  await cache.set(emailKey(userId), email, { EX: TTL_SECONDS }); // step: hydrate
  return email; // step: reply
}

/** Write: commit to the database, then delete the cached copy. */
export async function updateEmail(
  cache: Cache,
  db: UserTable,
  userId: number,
  email: string,
): Promise<number> {
  const version = await db.updateEmail(userId, email); // step: write-db
  await cache.del(emailKey(userId)); // step: invalidate
  return version; // step: write-reply
}

/**
 * The wrong order, to show what goes wrong: a read that runs
 * between these two awaits misses, loads the old row and caches
 * it again, after the delete and before the update.
 */
export async function updateEmailDeleteFirst(
  cache: Cache,
  db: UserTable,
  userId: number,
  email: string,
): Promise<number> {
  await cache.del(emailKey(userId)); // step: early-invalidate
  const version = await db.updateEmail(userId, email); // step: late-write-db
  return version; // step: late-write-reply
}
