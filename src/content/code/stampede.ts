// Four ways to keep a hot key's expiry from sending every reader to
// the database at once. Cache, database, time and chance are passed
// in: the same code runs against Redis and against stand-ins in the
// tests. A `// step:` comment marks the line the Visual highlights.

export interface Cache {
  /**
   * GET and PTTL in one round trip: the value and the ms it has
   * left. With node-redis: client.multi().get(k).pTTL(k).exec().
   */
  getWithTtl(
    key: string,
  ): Promise<{ value: string; ttlMs: number } | null>;
  /** SET: "OK", or null when NX finds the key taken. */
  set(
    key: string,
    value: string,
    options: { EX: number } | { NX: true; PX: number },
  ): Promise<string | null>;
  eval(
    script: string,
    options: { keys: string[]; arguments: string[] },
  ): Promise<unknown>;
}

export interface Database {
  /** The slow query behind the hot key. */
  load(key: string): Promise<string | null>;
}

/** Time and chance, passed in so tests can control them. */
export interface Runtime {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Uniform in (0, 1]: XFetch takes its logarithm. */
  random(): number;
}

export const realRuntime: Runtime = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => 1 - Math.random(),
};

// The Visual's numbers. A real hot key would keep its value longer
// than a second; the lock must always outlive the load.
const TTL_SECONDS = 1;
const LOCK_TTL_MS = 500;
const RETRY_DELAY_MS = 60;
const MAX_RETRIES = 5;
const BETA = 1;
const STALE_SECONDS = 2;

const lockKey = (key: string) => `lock:${key}`;

/**
 * What is cached, as JSON: the value, and Δ, the ms its last load
 * took (XFetch needs it). The Visual shows only the value.
 */
interface Entry {
  value: string;
  deltaMs: number;
}

interface Found extends Entry {
  ttlMs: number;
}

async function lookUp(
  cache: Cache,
  key: string,
): Promise<Found | null> {
  const found = await cache.getWithTtl(key); // step: read-cache
  if (found === null) return null;
  const entry = JSON.parse(found.value) as Entry;
  return { ...entry, ttlMs: found.ttlMs };
}

/** Runs the query, times it, and caches the value with Δ. */
async function loadAndFill(
  cache: Cache,
  db: Database,
  rt: Runtime,
  key: string,
  ttlSeconds = TTL_SECONDS,
): Promise<string | null> {
  const started = rt.now();
  const value = await db.load(key); // step: read-db
  if (value === null) return null;
  const entry: Entry = { value, deltaMs: rt.now() - started };
  const json = JSON.stringify(entry);
  await cache.set(key, json, { EX: ttlSeconds }); // step: hydrate
  return value; // step: reply
}

/** No protection: every reader that misses runs the query. */
export async function getUnprotected(
  cache: Cache,
  db: Database,
  rt: Runtime,
  key: string,
): Promise<string | null> {
  const found = await lookUp(cache, key);
  if (found !== null) return found.value;
  return loadAndFill(cache, db, rt, key);
}

// Deletes the lock only if it still holds our token. One script runs
// atomically; a GET then a DEL could delete a lock that expired and
// was taken by another reader in between.
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1]
then return redis.call('DEL', KEYS[1]) else return 0 end`;

function releaseLock(cache: Cache, lock: string, token: string) {
  const options = { keys: [lock], arguments: [token] };
  return cache.eval(RELEASE, options); // step: unlock
}

/**
 * 1. The lock: one reader loads, the others wait and look again.
 * NX sets the lock only if nobody holds it; PX frees it by itself
 * if its holder dies. The token is this reader's, for the release.
 */
export async function getWithLock(
  cache: Cache,
  db: Database,
  rt: Runtime,
  key: string,
): Promise<string | null> {
  const lock = lockKey(key);
  const token = crypto.randomUUID();
  for (let attempt = 0; ; attempt++) {
    const found = await lookUp(cache, key);
    if (found !== null) return found.value; // step: cache-hit

    const options = { NX: true, PX: LOCK_TTL_MS } as const;
    const taken = await cache.set(lock, token, options); // step: lock
    if (taken === 'OK') {
      try {
        return await loadAndFill(cache, db, rt, key);
      } finally {
        await releaseLock(cache, lock, token);
      }
    }
    // Waited long enough: load without the lock rather than fail.
    if (attempt === MAX_RETRIES) break;
    await rt.sleep(RETRY_DELAY_MS * 2 ** attempt); // step: lock-wait
  }
  return loadAndFill(cache, db, rt, key);
}

/**
 * 2. Single-flight: in one process, misses on a key share the load
 * the first of them started. Each app node still runs its own.
 */
export function singleFlightReader(
  cache: Cache,
  db: Database,
  rt: Runtime,
) {
  const inFlight = new Map<string, Promise<string | null>>();
  const startLoad = (key: string) => {
    const load = loadAndFill(cache, db, rt, key).finally(() =>
      inFlight.delete(key),
    );
    inFlight.set(key, load);
    return load;
  };
  return async (key: string): Promise<string | null> => {
    const found = await lookUp(cache, key);
    if (found !== null) return found.value;
    return inFlight.get(key) ?? startLoad(key); // step: single-flight
  };
}

/**
 * 3. XFetch (Vattani, Chierichetti and Lowenstein, VLDB 2015): a hit
 * recomputes early when now − Δ·β·ln(rand) ≥ expiry, that is when
 * −Δ·β·ln(rand) reaches past the time left. Likelier near the expiry,
 * and earlier for slow loads (large Δ).
 */
export async function getXFetch(
  cache: Cache,
  db: Database,
  rt: Runtime,
  key: string,
): Promise<string | null> {
  const found = await lookUp(cache, key);
  if (found === null) return loadAndFill(cache, db, rt, key);
  const lead = -found.deltaMs * BETA * Math.log(rt.random());
  if (lead < found.ttlMs) return found.value; // step: xfetch
  return loadAndFill(cache, db, rt, key);
}

/**
 * 4. Stale-while-revalidate: keys live STALE_SECONDS past their TTL.
 * A stale value is returned at once, and one reader refreshes it.
 */
export async function getStaleWhileRevalidate(
  cache: Cache,
  db: Database,
  rt: Runtime,
  key: string,
): Promise<string | null> {
  const ttl = TTL_SECONDS + STALE_SECONDS;
  const found = await lookUp(cache, key);
  if (found === null) return loadAndFill(cache, db, rt, key, ttl);
  if (found.ttlMs > STALE_SECONDS * 1000) return found.value;
  // Not awaited. If it fails, the next stale read tries again.
  const job = refresh(cache, db, rt, key, ttl); // step: serve-stale
  job.catch(() => undefined);
  return found.value;
}

/** Refreshes a stale key in the background, if no one else is. */
async function refresh(
  cache: Cache,
  db: Database,
  rt: Runtime,
  key: string,
  ttl: number,
): Promise<void> {
  const lock = lockKey(key);
  const token = crypto.randomUUID();
  const options = { NX: true, PX: STALE_SECONDS * 1000 } as const;
  if ((await cache.set(lock, token, options)) !== 'OK') return;
  try {
    await loadAndFill(cache, db, rt, key, ttl); // step: refresh
  } finally {
    await releaseLock(cache, lock, token);
  }
}
