// Three ways to write through a Redis cache to a database. Reads
// are cache-aside in all three. Cache and database are small
// interfaces: the same code runs against Redis and PostgreSQL and
// against in-memory stand-ins. A `// step:` comment marks the line
// the Visual highlights at that step.

/** Commands queued in a MULTI; exec() runs them all at once. */
export interface Multi {
  set(key: string, value: string): Multi;
  rPush(key: string, element: string): Multi;
  exec(): Promise<unknown>;
}

export interface Cache {
  get(key: string): Promise<string | null>;
  set(
    key: string,
    value: string,
    options: { EX: number },
  ): Promise<unknown>;
  del(key: string): Promise<number>;
  multi(): Multi;
  lRange(key: string, start: number, stop: number): Promise<string[]>;
  lTrim(key: string, start: number, stop: number): Promise<unknown>;
}

export interface Row {
  key: string;
  value: string;
}

export interface Table {
  select(key: string): Promise<string | null>;
  /** Commits, and returns the row's new version; throws if not. */
  update(key: string, value: string): Promise<number>;
  /** Commits all the rows in one transaction, or none of them. */
  updateAll(rows: Row[]): Promise<void>;
}

export type WriteResult =
  { ok: true; version?: number } | { ok: false };

const TTL_SECONDS = 30;
const QUEUE = 'write-behind:queue';
// The Visual's batch; a real one would be hundreds of rows.
const BATCH_SIZE = 2;

/** Read: cache-aside, the same for every write strategy. */
export async function read(
  cache: Cache,
  db: Table,
  key: string,
): Promise<string | null> {
  const cached = await cache.get(key); // step: read-cache
  if (cached !== null) return cached; // step: cache-hit

  const value = await db.select(key); // step: read-db
  if (value === null) return null; // step: not-found

  await cache.set(key, value, { EX: TTL_SECONDS }); // step: hydrate
  return value; // step: reply
}

/**
 * Write-around and write-through: commit first, then fix the
 * cache. Write-around deletes the key, and the next read loads
 * the row. Write-through stores the new value, and the next read
 * hits. If that SET fails after the commit, the old value stays
 * in Redis until its TTL ends: keep the TTL short.
 */
export async function write(
  cache: Cache,
  db: Table,
  strategy: 'write-around' | 'write-through',
  row: Row,
): Promise<WriteResult> {
  let version: number;
  try {
    version = await db.update(row.key, row.value); // step: write-db
  } catch {
    // Nothing was committed, so the cache must not change either.
    return { ok: false }; // step: write-failed
  }
  if (strategy === 'write-through') {
    const ttl = { EX: TTL_SECONDS };
    await cache.set(row.key, row.value, ttl); // step: through-set
  } else {
    await cache.del(row.key); // step: invalidate
  }
  return { ok: true, version }; // step: write-reply
}

/**
 * Write-behind: the value and a queue entry go to Redis in one
 * MULTI, and the client is told at once. No TTL: until the flush,
 * Redis holds the only copy of this write.
 */
export async function writeBehind(
  cache: Cache,
  row: Row,
): Promise<WriteResult> {
  const entry = JSON.stringify(row);
  const tx = cache.multi().set(row.key, row.value);
  await tx.rPush(QUEUE, entry).exec(); // step: behind-set
  return { ok: true }; // step: behind-ack
}

/**
 * One flush, run by a single worker on a timer: the oldest queued
 * writes, committed in one transaction, then taken off the queue.
 * A crash before LTRIM writes them again next time, which is
 * harmless: each entry holds the whole new value.
 */
export async function flushOnce(
  cache: Cache,
  db: Table,
): Promise<number> {
  const entries = await cache.lRange(QUEUE, 0, BATCH_SIZE - 1);
  if (entries.length === 0) return 0;
  // Coalesce: of several writes to one key, only the last counts.
  const latest = new Map<string, string>();
  for (const entry of entries) {
    const { key, value } = JSON.parse(entry) as Row;
    latest.set(key, value);
  }
  const rows = [...latest].map(([key, value]) => ({ key, value }));
  await db.updateAll(rows);
  await cache.lTrim(QUEUE, entries.length, -1);
  return entries.length;
}
