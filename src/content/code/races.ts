// Cache-aside's stale-overwrite race, and three fixes. A reader
// that misses loads the row, and by the time it stores the row a
// writer may have committed a newer version and deleted the key: the
// reader puts the old version back. Each fix below changes how a
// reader looks up and fills, and what a writer does after its
// commit; the read and write paths stay the same. Redis, the
// database and the timer are passed in: the same code runs against
// real servers and against stand-ins in the tests. A `// step:`
// comment marks the line the Visual highlights.

export interface Cache {
  get(key: string): Promise<string | null>;
  set(
    key: string,
    value: string,
    options: { EX: number },
  ): Promise<unknown>;
  del(key: string): Promise<number>;
  hGet(key: string, field: string): Promise<string | null>;
  eval(
    script: string,
    options: { keys: string[]; arguments: string[] },
  ): Promise<unknown>;
}

export interface Row {
  value: string;
  /** Raised by the database at every commit: 1, 2, 3… */
  version: number;
}

export interface Database {
  select(key: string): Promise<Row | null>;
  /** Commits the new value and returns the new row. */
  update(key: string, value: string): Promise<Row>;
}

export interface Timer {
  after(ms: number, work: () => Promise<unknown>): void;
}

const TTL = '30'; // seconds

/** What a lookup found: a value, or a miss (with a lease, maybe). */
export interface Lookup {
  value: string | null;
  lease?: string;
}

/** The three places a fix can change. */
export interface RaceFix {
  lookUp(cache: Cache, key: string): Promise<Lookup>;
  fill(
    cache: Cache,
    key: string,
    row: Row,
    found: Lookup,
  ): Promise<void>;
  afterCommit(cache: Cache, key: string, row: Row): Promise<void>;
}

/** Read: cache-aside, with the fix deciding how to look and fill. */
export async function read(
  cache: Cache,
  db: Database,
  fix: RaceFix,
  key: string,
): Promise<string | null> {
  const found = await fix.lookUp(cache, key); // step: read-cache
  if (found.value !== null) return found.value; // step: cache-hit

  const row = await db.select(key); // step: read-db
  if (row === null) return null;
  await fix.fill(cache, key, row, found); // step: hydrate
  return row.value; // step: reply
}

/** Write: commit, then whatever the fix does to the cached copy. */
export async function write(
  cache: Cache,
  db: Database,
  fix: RaceFix,
  key: string,
  value: string,
): Promise<number> {
  const row = await db.update(key, value); // step: write-db
  await fix.afterCommit(cache, key, row);
  return row.version; // step: write-reply
}

function deleteKey(cache: Cache, key: string) {
  return cache.del(key); // step: invalidate
}

/** No fix: plain cache-aside. This is the one that races. */
export const noFix: RaceFix = {
  lookUp: async (cache, key) => ({ value: await cache.get(key) }),
  async fill(cache, key, row) {
    await cache.set(key, row.value, { EX: Number(TTL) });
  },
  async afterCommit(cache, key) {
    await deleteKey(cache, key);
  },
};

// 1. Compare versions. The copy is a hash holding the value and its
// version, and this script stores a version only over an older one
// or over nothing. The writer stores its version too (rather than
// deleting): a delete would leave nothing to compare against, and
// the late reader's older version would go in.
const SET_IF_NEWER = `
local held = tonumber(redis.call('HGET', KEYS[1], 'v'))
if held and held >= tonumber(ARGV[1]) then return 0 end
redis.call('HSET', KEYS[1], 'v', ARGV[1], 'value', ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[3])
return 1`;

function setIfNewer(cache: Cache, key: string, row: Row) {
  const args = [String(row.version), row.value, TTL];
  return cache.eval(SET_IF_NEWER, { keys: [key], arguments: args });
}

export const compareVersions: RaceFix = {
  async lookUp(cache, key) {
    return { value: await cache.hGet(key, 'value') };
  },
  async fill(cache, key, row) {
    await setIfNewer(cache, key, row);
  },
  async afterCommit(cache, key, row) {
    await setIfNewer(cache, key, row); // step: cas-set
  },
};

// 2. Delete twice. The second delete, DELAY_MS after the first,
// removes a stale copy that a slow reader stored in between. It is
// only as good as the delay: a reader slower than that still wins.
const DELAY_MS = 100;

export function deleteTwice(timer: Timer): RaceFix {
  return {
    ...noFix,
    async afterCommit(cache, key) {
      await deleteKey(cache, key);
      const again = () => cache.del(key); // step: delete-again
      timer.after(DELAY_MS, again); // step: schedule-delete-again
    },
  };
}

// 3. Leases ("Scaling Memcache at Facebook", NSDI 2013). A miss
// leaves a lease token in the key. A DEL removes the token with the
// key, so the fill that brings the token back is refused. Readers
// that find someone else's lease go to the database and store
// nothing (Facebook's readers wait briefly and look again).
const LEASE = 'lease:';
const LEASE_MS = '10000';

const GET_OR_LEASE = `
local value = redis.call('GET', KEYS[1])
if value then return value end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return ARGV[1]`;

const FILL_WITH_LEASE = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
return 1`;

export const leases: RaceFix = {
  async lookUp(cache, key) {
    const token = LEASE + crypto.randomUUID();
    const args = [token, LEASE_MS];
    const options = { keys: [key], arguments: args };
    const got = String(await cache.eval(GET_OR_LEASE, options));
    if (got === token) return { value: null, lease: token };
    if (got.startsWith(LEASE)) return { value: null }; // not ours
    return { value: got };
  },
  async fill(cache, key, row, found) {
    if (found.lease === undefined) return;
    const args = [found.lease, row.value, TTL];
    const options = { keys: [key], arguments: args };
    await cache.eval(FILL_WITH_LEASE, options);
  },
  async afterCommit(cache, key) {
    await deleteKey(cache, key);
  },
};
