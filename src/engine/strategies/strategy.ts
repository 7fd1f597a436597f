/**
 * How the app nodes read, write and keep their caches coherent. Machines read this from their
 * input; they never branch on a scenario's name. Each part can be changed on its own, which is how
 * a lesson replays the same interleaving with a different strategy.
 */
export interface Strategy {
  read: ReadPath;
  write: WritePath;
  /** TTL given to a key when it is filled into Redis (`SET key value EX ttl`). */
  ttlSeconds: number;
  /**
   * Up to this many seconds, drawn per fill from the run's seeded random, are added to `ttlSeconds`,
   * so keys filled together do not all expire together (0: every fill gets exactly `ttlSeconds`).
   */
  ttlJitterSeconds: number;
  invalidation: Invalidation;
  localCache: LocalCache;
  raceFix: RaceFix;
  sessions: SessionStore;
  /**
   * What keeps many concurrent reads of one key that has just expired from all loading it from the
   * database (a stampede). Absent means `none`. Applies to `cache-aside` reads, where the app node loads.
   */
  stampede?: StampedeProtection | undefined;
  /**
   * What keeps reads of keys that exist nowhere (cache penetration) off the database. Absent means
   * `none`.
   */
  penetration?: PenetrationProtection | undefined;
}

/**
 * `cache-aside`: the app node asks Redis, and on a miss loads the row and fills the key itself.
 * `read-through`: the app node only asks the cache; on a miss the cache loads the row from the
 * database, stores it and answers.
 */
export type ReadPath = 'cache-aside' | 'read-through';

export type WritePath =
  /**
   * Writes go to the database; the cache is only invalidated. `after-commit`: commit, then DEL (the
   * safe order). `before-commit`: DEL, then commit (a read in between puts the old value back).
   */
  | { kind: 'write-around'; deleteKey: 'after-commit' | 'before-commit' }
  /** Commit to the database, then SET the new value in the cache; acknowledge after both. */
  | { kind: 'write-through' }
  /**
   * SET the value in the cache and acknowledge at once; the cache writes dirty keys to the database
   * every `flushIntervalMs`, at most `batchSize` per batch. What the cache loses before a flush is lost.
   */
  | { kind: 'write-behind'; flushIntervalMs: number; batchSize: number };

export type Invalidation =
  | { kind: 'none' }
  /**
   * After a write, the writer PUBLISHes `key version timestamp origin` on `channel`; every app node
   * subscribed drops the key from its local cache. `timestampCheck`: ignore a message older than
   * the local copy. `ignoreOwn`: the writer skips its own message (it already dropped the key).
   */
  | { kind: 'pubsub'; channel: string; timestampCheck: boolean; ignoreOwn: boolean }
  /**
   * The cache key carries the row's version (`user:42:email:v3`); a write bumps the version, so
   * readers look up a new key and the old one is never read again (it lingers until its TTL).
   */
  | { kind: 'versioned-keys' }
  /** After the commit the app node publishes an event to the broker itself (a dual write). */
  | { kind: 'publish-after-commit' }
  /** The commit also writes an outbox row in the same transaction; a relay publishes it. */
  | { kind: 'outbox' };

export type LocalCache =
  | { kind: 'off' }
  /** Each app node keeps an in-process copy (L1) of what it read, for `ttlSeconds`, in front of Redis (L2). */
  | { kind: 'l1'; ttlSeconds: number };

export type RaceFix =
  | { kind: 'none' }
  /** Fills and writes carry the row's version; the cache keeps a value only over an older one. */
  | { kind: 'version-cas' }
  /** The writer deletes the key again `delayMs` after the first delete. */
  | { kind: 'delayed-double-delete'; delayMs: number }
  /**
   * A miss hands the reader a lease token; a DEL of the key cancels outstanding leases; a fill
   * is accepted only with a valid lease ("Scaling Memcache at Facebook", NSDI 2013).
   */
  | { kind: 'lease' };

export type SessionStore =
  /** The session lives in the memory of the app node that created it. */
  | { kind: 'node-memory' }
  /** The session is a Redis hash `session:<id>`; every request pushes its expiry back (sliding). */
  | { kind: 'redis-hash'; slidingTtlSeconds: number };

export type StampedeProtection =
  /** Every read that misses loads the row itself: K concurrent misses make K database loads. */
  | { kind: 'none' }
  /**
   * A read that misses takes a lock in Redis (`SET lock:<key> <token> NX PX lockTtlMs`); the winner
   * loads, fills and releases it (a compare-and-delete, so it never deletes a lock that expired and
   * was taken by another reader). A loser waits and asks the cache again: the n-th wait is
   * `retryDelayMs × 2^(n−1)` (doubling backoff). If the key is still missing it tries the lock
   * again, so a lock whose holder is too slow or crashed expires and lets another reader load.
   * After `maxRetries` waits it stops waiting and loads the row itself.
   */
  | { kind: 'mutex'; lockTtlMs: number; retryDelayMs: number; maxRetries: number }
  /**
   * Inside one app node, concurrent misses on a key share one database load: the first loads,
   * the others wait for its row and all get it. Nodes do not coordinate: N nodes make up to N loads.
   */
  | { kind: 'single-flight' }
  /**
   * Probabilistic early expiration (XFetch; Vattani, Chierichetti and Lowenstein, VLDB 2015). The
   * fill stores Δ, the time the load took, beside the value; a read that hits recomputes early when
   * `now − Δ·β·ln(rand) ≥ expiry`, so one reader refreshes a hot key shortly before it expires.
   * β > 1 refreshes earlier, β < 1 later.
   */
  | { kind: 'xfetch'; beta: number }
  /**
   * Keys live `staleSeconds` past their TTL. A read in that window gets the stale value at once,
   * and one reader refreshes the key in the background (it takes a lock, as the mutex does, so
   * only one of them loads). After the window the key is gone and a read loads it as usual.
   */
  | { kind: 'stale-while-revalidate'; staleSeconds: number };

export type PenetrationProtection =
  /** A read of a key with no row asks the cache and the database every time. */
  | { kind: 'none' }
  /**
   * A read that finds no row caches a null marker for `ttlSeconds` (short: a row created meanwhile
   * stays hidden that long); reads of the key are answered "not found" from the cache until then.
   */
  | { kind: 'null-caching'; ttlSeconds: number }
  /**
   * Each app node keeps a Bloom filter of the database's keys, loaded when it starts, sized for
   * `expectedItems` keys at `falsePositiveRate`. A key the filter has never seen is answered
   * "not found" without asking the cache or the database; the rest (and a few false positives) go on.
   */
  | { kind: 'bloom-filter'; expectedItems: number; falsePositiveRate: number };

/** The strategy of the cache-aside lesson; scenarios spread it and change what they teach. */
export const CACHE_ASIDE: Strategy = {
  read: 'cache-aside',
  write: { kind: 'write-around', deleteKey: 'after-commit' },
  ttlSeconds: 30,
  ttlJitterSeconds: 0,
  invalidation: { kind: 'none' },
  localCache: { kind: 'off' },
  raceFix: { kind: 'none' },
  sessions: { kind: 'node-memory' },
  stampede: { kind: 'none' },
  penetration: { kind: 'none' },
};
