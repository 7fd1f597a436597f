// Caching with a TTL under a memory limit. The read path is the
// cache-aside one; what is new is the TTL on every fill, what a
// `TTL` reply means, the two maxmemory settings, and a fill that a
// full Redis refuses. A `// step:` comment marks the line the
// Visual highlights at that step. At the end: exact LRU next to
// the sampled choice Redis makes.

export interface Cache {
  get(key: string): Promise<string | null>;
  set(
    key: string,
    value: string,
    options: { EX: number },
  ): Promise<unknown>;
  /** Seconds left; -1 without a TTL; -2 when there is no key. */
  ttl(key: string): Promise<number>;
  configSet(parameter: string, value: string): Promise<unknown>;
}

export interface ProfileTable {
  selectProfile(userId: number): Promise<string | null>;
}

export type EvictionPolicy =
  | 'noeviction'
  | 'allkeys-lru'
  | 'allkeys-lfu'
  | 'allkeys-random'
  | 'volatile-lru'
  | 'volatile-lfu'
  | 'volatile-random'
  | 'volatile-ttl';

const TTL_SECONDS = 300;
const profileKey = (userId: number) => `user:${userId}:profile`;

/**
 * 1. Both settings at runtime, as `CONFIG SET` takes them. Redis
 *    starts with maxmemory 0 (no limit on 64-bit systems) and
 *    noeviction; put them in redis.conf too, or a restart
 *    forgets them.
 */
export async function limitMemory(
  cache: Cache,
  maxmemory: string,
  policy: EvictionPolicy,
): Promise<void> {
  await cache.configSet('maxmemory', maxmemory);
  await cache.configSet('maxmemory-policy', policy);
}

export async function getProfile(
  cache: Cache,
  db: ProfileTable,
  userId: number,
  onFillError: (error: unknown) => void,
): Promise<string | null> {
  const key = profileKey(userId);
  // 2. An expired key reads as a miss: Redis deletes it here, on
  //    access, if its background sweep has not done so already.
  const cached = await cache.get(key); // step: read-cache
  if (cached !== null) return cached; // step: cache-hit

  const profile = await db.selectProfile(userId); // step: read-db
  if (profile === null) return null; // step: not-found

  // 3. EX sets the TTL in the same command as the value. A plain
  //    SET would store the key with no TTL at all, and it would
  //    also drop any TTL the key had.
  const ttl = { EX: TTL_SECONDS };
  try {
    await cache.set(key, profile, ttl); // step: hydrate
  } catch (error) {
    // 4. A full Redis under noeviction refuses the SET with "OOM
    //    command not allowed when used memory > 'maxmemory'". The
    //    row is still right, so the read must not fail: report the
    //    error and answer.
    onFillError(error);
  }
  return profile; // step: reply
}

/** What a `TTL key` reply means. */
export async function describeTtl(
  cache: Cache,
  key: string,
): Promise<string> {
  const seconds = await cache.ttl(key);
  // 5. -2 does not say why: never set, deleted, expired or evicted.
  if (seconds === -2) return `${key} does not exist`;
  if (seconds === -1) return `${key} never expires`;
  return `${key} expires in ${seconds} s`;
}

/**
 * 6. Exact LRU: a Map keeps insertion order, so moving a key to the
 *    end on every read keeps the least recently used one first. It
 *    costs an ordered structure touched on every access; Redis
 *    keeps a 24-bit access clock per key instead, and samples.
 */
export class ExactLru<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly maxKeys: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Stores the value; returns the key evicted for it, if any. */
  set(key: string, value: V): string | undefined {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size <= this.maxKeys) return undefined;
    const oldest = this.entries.keys().next().value;
    if (oldest !== undefined) this.entries.delete(oldest);
    return oldest;
  }
}

/**
 * 7. Redis's idea, without its 16-slot pool of candidates kept
 *    between evictions: look at `samples` random keys (the
 *    maxmemory-samples setting, 5 by default) and evict the one
 *    idle longest. The oldest key overall may not be in the sample.
 */
export function sampledLruVictim(
  lastAccessMs: ReadonlyMap<string, number>,
  samples: number,
  random: () => number,
): string | undefined {
  const keys = [...lastAccessMs.keys()];
  let victim: string | undefined;
  let oldest = Infinity;
  for (let i = 0; i < samples && keys.length > 0; i++) {
    const key = keys[Math.floor(random() * keys.length)]!;
    const at = lastAccessMs.get(key)!;
    if (at < oldest) [victim, oldest] = [key, at];
  }
  return victim;
}
