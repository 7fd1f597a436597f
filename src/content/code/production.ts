// The hybrid pattern on one app node: a local cache (L1) in front of
// Redis (L2) in front of the database. A write commits, deletes the
// Redis key and broadcasts the key, so every node drops its copy;
// both caches keep a TTL for whatever the broadcast misses. Then the
// figures to watch. Redis, the subscriber connection, the database
// and the clock are passed in: the same code runs against real ones
// and against stand-ins in the tests. A `// step:` comment marks the
// line the Visual highlights at that step.

export interface Cache {
  get(key: string): Promise<string | null>;
  set(
    key: string,
    value: string,
    options: { EX: number },
  ): Promise<unknown>;
  del(key: string): Promise<number>;
  /** Resolves to how many subscribers received the message. */
  publish(channel: string, message: string): Promise<number>;
}

/** Its own connection: one that has subscribed can do nothing else. */
export interface Subscriber {
  subscribe(
    channel: string,
    listener: (message: string) => void,
  ): Promise<void>;
}

export interface Row {
  email: string;
  version: number;
}

export interface UserTable {
  selectEmail(userId: number): Promise<Row | null>;
  /** Commits the new email and returns the row's new version. */
  updateEmail(userId: number, email: string): Promise<number>;
}

const CHANNEL = 'invalidate';
const TTL_SECONDS = 30;
const LOCAL_TTL_MS = 10_000;
const emailKey = (userId: number) => `user:${userId}:email`;

interface Copy extends Row {
  expiresAt: number;
}

/** L1: this process's own copies, each with its version and expiry. */
export class LocalCache {
  private readonly copies = new Map<string, Copy>();

  constructor(private readonly now: () => number = Date.now) {}

  get(key: string): Row | null {
    const copy = this.copies.get(key);
    if (copy === undefined) return null;
    if (copy.expiresAt > this.now()) return copy;
    this.copies.delete(key);
    return null;
  }

  keep(key: string, row: Row): Row {
    const expiresAt = this.now() + LOCAL_TTL_MS;
    this.copies.set(key, { ...row, expiresAt });
    return row;
  }

  clear(): void {
    this.copies.clear();
  }

  /** Drops the copy unless it is already at `version` or newer. */
  dropOlderThan(key: string, version: number): void {
    const copy = this.copies.get(key);
    if (copy !== undefined && copy.version < version)
      this.copies.delete(key);
  }
}

/** Where each read was answered: the figures a dashboard needs. */
export interface ReadCounts {
  local: number;
  redis: number;
  database: number;
}

export interface NodeDeps {
  nodeId: string;
  cache: Cache;
  subscriber: Subscriber;
  db: UserTable;
  local: LocalCache;
}

export class HybridNode {
  readonly reads: ReadCounts = { local: 0, redis: 0, database: 0 };

  constructor(private readonly deps: NodeDeps) {}

  /** On start. A subscription ends with its connection (1). */
  async start(): Promise<void> {
    const { subscriber } = this.deps;
    const listener = (message: string) => this.onMessage(message);
    await subscriber.subscribe(CHANNEL, listener); // step: subscribe
  }

  /** After a reconnect: broadcasts may have been missed meanwhile. */
  async reconnected(): Promise<void> {
    this.deps.local.clear();
    await this.start();
  }

  /** `key version origin`: drop an older local copy of `key`. */
  private onMessage(message: string): void {
    const { local, nodeId } = this.deps;
    const [key = '', version = '0', origin = ''] = message.split(' ');
    if (origin === nodeId) return;
    local.dropOlderThan(key, Number(version)); // step: on-invalidate
  }

  async getEmail(id: number): Promise<string | null> {
    const { cache, db, local } = this.deps;
    const key = emailKey(id);
    const mine = local.get(key);
    if (mine) return this.from('local', mine); // step: local-hit

    const cached = await cache.get(key); // step: read-cache
    if (cached !== null) {
      const row = local.keep(key, JSON.parse(cached) as Row);
      return this.from('redis', row); // step: cache-hit
    }

    const row = await db.selectEmail(id); // step: read-db
    if (row === null) return null;
    const json = JSON.stringify(row);
    await cache.set(key, json, { EX: TTL_SECONDS }); // step: hydrate
    return this.from('database', local.keep(key, row)); // step: reply
  }

  /**
   * Commit, then delete, then broadcast. A crash after the commit
   * skips both: the TTLs are then the only way out (2).
   */
  async updateEmail(id: number, email: string): Promise<number> {
    const { cache, db, local, nodeId } = this.deps;
    const key = emailKey(id);
    const version = await db.updateEmail(id, email); // step: write-db
    local.dropOlderThan(key, version);
    await cache.del(key); // step: invalidate
    const message = `${key} ${version} ${nodeId}`;
    await cache.publish(CHANNEL, message); // step: publish
    return version; // step: write-reply
  }

  /** Counts where a read was answered, and returns its email. */
  private from(source: keyof ReadCounts, row: Row): string {
    this.reads[source]++;
    return row.email;
  }
}

/** `INFO stats` text (`keyspace_hits:1748` lines) as numbers. */
export function infoFields(info: string): Map<string, number> {
  const fields = new Map<string, number>();
  for (const line of info.split(/\r?\n/)) {
    const [name, value] = line.split(':');
    if (name === undefined || value === undefined) continue;
    if (!line.startsWith('#')) fields.set(name, Number(value));
  }
  return fields;
}

export interface CacheHealth {
  /** keyspace_hits / (hits + misses): only reads that reach Redis. */
  redisHitRatio: number | null;
  /** Reads not sent to the database, over all reads: what it feels. */
  endToEndHitRatio: number | null;
  /** Keys Redis dropped for memory since the last reading. */
  evictedKeys: number;
}

/**
 * Redis's own ratio falls when local caches take the hot keys, even
 * if the database sees no more queries (3): watch both, and
 * evictions, from the difference between two readings of INFO.
 */
export function cacheHealth(
  before: Map<string, number>,
  after: Map<string, number>,
  reads: readonly ReadCounts[],
): CacheHealth {
  const delta = (name: string) =>
    (after.get(name) ?? 0) - (before.get(name) ?? 0);
  const hits = delta('keyspace_hits');
  const lookups = hits + delta('keyspace_misses');
  const sum = (source: keyof ReadCounts) =>
    reads.reduce((total, counts) => total + counts[source], 0);
  const all = sum('local') + sum('redis') + sum('database');
  return {
    redisHitRatio: lookups === 0 ? null : hits / lookups,
    endToEndHitRatio: all === 0 ? null : 1 - sum('database') / all,
    evictedKeys: delta('evicted_keys'),
  };
}

// (1) Pub/sub stores nothing: a node that is cut off misses what is
//     published meanwhile, and a subscription ends with its
//     connection. Check whether your client subscribes again by
//     itself when it reconnects.
// (2) The outbox (lesson: event-driven) makes the invalidation part
//     of the commit, so a crash cannot lose it.
// (3) `reads` must count since the first INFO reading, too.
