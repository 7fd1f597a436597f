// Coherence across app nodes. Each node keeps its own copy of what
// it reads (L1, a Map in its memory) in front of Redis (L2) and the
// database. A write through one node cannot reach the memory of the
// others, so it announces itself: PUBLISH on a channel every node
// subscribes to, with the row's new version. Redis, the subscriber
// connection, the database and the clock are passed in: the same
// code runs against real servers and against stand-ins in tests.
// A `// step:` comment marks the line the Visual highlights.

export interface Cache {
  get(key: string): Promise<string | null>;
  set(
    key: string,
    value: string,
    options: { EX: number } | { NX: true },
  ): Promise<string | null>;
  del(key: string): Promise<number>;
  eval(
    script: string,
    options: { keys: string[]; arguments: string[] },
  ): Promise<unknown>;
  publish(channel: string, message: string): Promise<number>;
}

/** Its own connection: in RESP2, a subscribed one does little else. */
export interface Subscriber {
  subscribe(
    channel: string,
    listener: (message: string) => void,
  ): Promise<unknown>;
}

export interface Row {
  value: string;
  /** Raised by the database at every commit: 1, 2, 3… */
  version: number;
}

export interface Database {
  select(key: string): Promise<Row | null>;
  /** Commits the new value and returns the row's new version. */
  update(key: string, value: string): Promise<number>;
}

export interface Clock {
  now(): number;
}

const TTL_SECONDS = 30; // the copy in Redis
const LOCAL_TTL_MS = 10_000; // each node's own copy: short

/**
 * How Redis names the cached copy of a row, and what a write does to
 * it. Two ways below: one key per row, or one key per version. Redis
 * holds the row as JSON, version included; the Visual shows only the
 * value.
 */
export interface Naming {
  /** The Redis key of the current copy; null: ask the database. */
  current(key: string): Promise<string | null>;
  fill(key: string, row: Row): Promise<void>;
  afterCommit(key: string, version: number): Promise<void>;
}

/** One key per row: `user:42:email`. A write deletes it. */
export function plainKeys(redis: Cache): Naming {
  return {
    current: (key) => Promise.resolve(key),
    async fill(key, row) {
      const json = JSON.stringify(row);
      await redis.set(key, json, { EX: TTL_SECONDS });
    },
    async afterCommit(key) {
      await redis.del(key); // step: invalidate
    },
  };
}

// Moves the pointer forward only: two writers that finish in the
// wrong order cannot move it back to the older version.
const RAISE = `local held = tonumber(redis.call('GET', KEYS[1]) or '0')
if held < tonumber(ARGV[1]) then
  redis.call('SET', KEYS[1], ARGV[1])
  return 1
end
return 0`;

/**
 * One key per version: `user:42:email:v2`, and a pointer key that
 * names the current version. A write moves the pointer and deletes
 * nothing: the old copy is never read again and ages out by its TTL.
 */
export function versionedKeys(redis: Cache): Naming {
  const pointer = (key: string) => `${key}:version`;
  const copyOf = (key: string, v: number) => `${key}:v${v}`;
  return {
    async current(key) {
      const v = await redis.get(pointer(key)); // step: read-version
      return v === null ? null : copyOf(key, Number(v));
    },
    async fill(key, row) {
      const copy = copyOf(key, row.version);
      const json = JSON.stringify(row);
      await redis.set(copy, json, { EX: TTL_SECONDS });
      // No pointer yet? Record this version, unless a writer did (NX).
      const version = String(row.version);
      await redis.set(pointer(key), version, { NX: true });
    },
    async afterCommit(key, version) {
      const keys = [pointer(key)];
      const options = { keys, arguments: [String(version)] };
      await redis.eval(RAISE, options); // step: bump-version
    },
  };
}

export interface NodeOptions {
  /** Names this node in its messages, for the logs. */
  id: string;
  redis: Cache;
  db: Database;
  clock: Clock;
  naming: Naming;
  /** Keep local copies (L1)? Without them, Redis is the only cache. */
  local: boolean;
  /** Where writes are announced; null: nobody is told. */
  channel: string | null;
  /** Needed when `channel` is set. */
  subscriber?: Subscriber;
}

interface LocalCopy extends Row {
  expires: number;
}

/** The version of a placeholder: a read of this node is under way. */
const PENDING = 0;

/** One app node: its local copies, its read path, its write path. */
export async function startNode(options: NodeOptions) {
  const { redis, db, clock, naming, channel } = options;
  const local = new Map<string, LocalCopy>();

  const usableCopy = (key: string): LocalCopy | null => {
    const copy = local.get(key);
    if (copy === undefined || copy.version === PENDING) return null;
    if (copy.expires > clock.now()) return copy;
    local.delete(key); // past its local TTL
    return null;
  };

  // A read first puts a placeholder in L1. A message that arrives
  // while it runs removes the placeholder, and then the read does not
  // keep what it found: that may be the version the message replaced.
  const holdPlace = (key: string): LocalCopy | null => {
    if (!options.local) return null;
    const placeholder = { value: '', version: PENDING, expires: 0 };
    local.set(key, placeholder);
    return placeholder;
  };

  const keep = (key: string, row: Row, place: LocalCopy | null) => {
    if (place !== null && local.get(key) === place) {
      const expires = clock.now() + LOCAL_TTL_MS;
      local.set(key, { ...row, expires });
    }
    return row.value;
  };

  /** No row: take the placeholder away again. */
  const forget = (key: string, place: LocalCopy | null) => {
    if (place !== null && local.get(key) === place) local.delete(key);
    return null;
  };

  // A message is "key version origin". Drop the local copy unless it
  // already holds that version or a newer one. Versions come from the
  // database, so the nodes' clocks do not matter.
  const onInvalidate = (message: string) => {
    const [key, version] = parse(message); // step: on-invalidate
    const held = local.get(key);
    if (held && held.version < version) local.delete(key);
  };
  const sub = options.subscriber;
  if (channel !== null && sub !== undefined) {
    await sub.subscribe(channel, onInvalidate); // step: subscribe
  }

  /** L1, then Redis (L2), then the database. */
  async function read(key: string): Promise<string | null> {
    const copy = usableCopy(key);
    if (copy !== null) return copy.value; // step: local-hit

    const place = holdPlace(key);
    const name = await naming.current(key);
    if (name !== null) {
      const json = await redis.get(name); // step: read-cache
      const cached = json === null ? null : (JSON.parse(json) as Row);
      if (cached) return keep(key, cached, place); // step: cache-hit
    }

    const row = await db.select(key); // step: read-db
    if (row === null) return forget(key, place);
    await naming.fill(key, row); // step: hydrate
    return keep(key, row, place); // step: reply
  }

  /** Commit, drop our own copy, fix Redis, tell the other nodes. */
  async function write(key: string, value: string): Promise<number> {
    const version = await db.update(key, value); // step: write-db
    local.delete(key);
    await naming.afterCommit(key, version);
    if (channel !== null) {
      const message = `${key} ${version} ${options.id}`;
      await redis.publish(channel, message); // step: publish
    }
    return version; // step: write-reply
  }

  return { read, write };
}

/** "user:42:email 2 app-a" → the key and the version. */
function parse(message: string): [string, number] {
  const [key = '', version = '0'] = message.split(' ');
  return [key, Number(version)];
}
