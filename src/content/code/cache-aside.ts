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

// 1. The TTL bounds how long a copy the code failed to delete can
//    be served. It is a safety net, not the invalidation.
const TTL_SECONDS = 30;
const emailKey = (userId: number) => `user:${userId}:email`;

/** Read: try the cache; on a miss, load the row and cache it. */
export async function getEmail(
  cache: Cache,
  db: UserTable,
  userId: number,
): Promise<string | null> {
  const key = emailKey(userId);
  const cached = await cache.get(key); // step: read-cache
  if (cached !== null) return cached; // step: cache-hit

  const email = await db.selectEmail(userId); // step: read-db
  // 2. A missing row is not cached here: see the penetration lesson.
  if (email === null) return null; // step: not-found

  await cache.set(key, email, { EX: TTL_SECONDS }); // step: hydrate
  return email; // step: reply
}

/** Write: commit to the database, then delete the cached copy. */
export async function updateEmail(
  cache: Cache,
  db: UserTable,
  userId: number,
  email: string,
): Promise<number> {
  // 3. The database first: it is the source of truth. If this
  //    throws, the cache still matches the old row.
  const v = await db.updateEmail(userId, email); // step: write-db
  // 4. Delete, don't SET the new value. Two racing writers' SETs
  //    can land in the wrong order and leave the older value
  //    cached; two DELs leave the key empty either way, and the
  //    next read loads whatever the database holds then.
  await cache.del(emailKey(userId)); // step: invalidate
  return v; // step: write-reply
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
  const v = await db.updateEmail(userId, email); // step: late-write-db
  return v; // step: late-write-reply
}
