// Event-driven invalidation, the hybrid way: reads are cache-aside
// with a TTL as the safety net; a write commits the row and an
// outbox row in one transaction; a relay publishes the outbox to a
// broker; a consumer deletes the cached copy. Redis, the database
// and the broker are small interfaces: the same code runs against
// Redis, PostgreSQL and a real broker, and against stand-ins in the
// tests. A `// step:` comment marks the line the Visual highlights.

export interface Cache {
  get(key: string): Promise<string | null>;
  set(
    key: string,
    value: string,
    options: { EX: number },
  ): Promise<unknown>;
  eval(
    script: string,
    options: { keys: string[]; arguments: string[] },
  ): Promise<unknown>;
}

/** What a consumer needs to know: which key, at which version. */
export interface InvalidationEvent {
  /** `user:42:email#v2`: the same change always has the same id. */
  id: string;
  key: string;
  version: number;
  /** The event's format. Consumers say which formats they read. */
  schema: number;
}

/** Statements that run inside one database transaction. */
export interface Transaction {
  /** Updates the row and returns its new version. */
  updateRow(key: string, value: string): Promise<number>;
  insertOutbox(event: InvalidationEvent): Promise<void>;
  /**
   * Unpublished outbox rows, oldest first, locked: with FOR UPDATE
   * SKIP LOCKED two relays never take the same rows.
   */
  claimPending(limit: number): Promise<InvalidationEvent[]>;
  markPublished(ids: string[]): Promise<void>;
}

export interface Database {
  selectRow(key: string): Promise<string | null>;
  /** BEGIN, `work`, COMMIT; ROLLBACK if `work` throws. */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /** One statement in a transaction of its own. */
  updateRow(key: string, value: string): Promise<number>;
}

export interface Broker {
  /** Resolves once the broker has stored the event durably. */
  publish(topic: string, event: InvalidationEvent): Promise<void>;
}

const TOPIC = 'invalidations';
const TTL_SECONDS = 30; // the safety net: no copy outlives this
const eventFor = (key: string, version: number) => ({
  id: `${key}#v${version}`,
  key,
  version,
  schema: 1,
});

/** Read: cache-aside, unchanged by any of the rest. */
export async function readRow(
  cache: Cache,
  db: Database,
  key: string,
): Promise<string | null> {
  const cached = await cache.get(key); // step: read-cache
  if (cached !== null) return cached; // step: cache-hit

  const value = await db.selectRow(key); // step: read-db
  if (value === null) return null;
  await cache.set(key, value, { EX: TTL_SECONDS }); // step: hydrate
  return value; // step: reply
}

/**
 * Write: the row and its event commit together, or neither does.
 * The cache is not touched here; the relay and the consumer do it.
 */
export async function writeRow(
  db: Database,
  key: string,
  value: string,
): Promise<number> {
  const version = await db.transaction(async (tx) => {
    const v = await tx.updateRow(key, value); // step: outbox-write
    await tx.insertOutbox(eventFor(key, v));
    return v;
  });
  return version; // step: write-reply
}

/**
 * The relay, run every second or woken by the database's change
 * feed. If it dies before the COMMIT, the rows stay unpublished and
 * the next pass sends them: nothing is lost, but a row that reached
 * the broker may be sent twice. Consumers must allow for that.
 */
export async function relayOnce(
  db: Database,
  broker: Broker,
): Promise<number> {
  return db.transaction(async (tx) => {
    const pending = await tx.claimPending(100);
    for (const event of pending) await broker.publish(TOPIC, event);
    await tx.markPublished(pending.map((event) => event.id));
    return pending.length;
  });
}

// The consumer's marker and its delete, in one script: a crash
// cannot leave the marker set and the delete undone. The marker
// lives an hour, longer than any redelivery.
const DELETE_ONCE = `
if redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[1]) then
  return redis.call('DEL', KEYS[2])
end
return -1`;
const MARKER_SECONDS = '3600';

const SCHEMAS_READ = [1];
const MAX_ATTEMPTS = 3;
// Fixed, as in the Visual; a busy service would double it each time.
const RETRY_DELAY_MS = 200;

/** One delivery of an event, as the broker hands it over. */
export interface Delivery {
  event: InvalidationEvent;
  /** 1 on the first delivery, 2 on the first retry… */
  attempt: number;
  ack(): Promise<void>;
  retryAfter(ms: number): Promise<void>;
  deadLetter(reason: string): Promise<void>;
}

/**
 * The consumer. Delivery is at least once, so the same event can
 * come twice; the marker makes the second time a no-op. An event it
 * cannot handle is retried after a delay, then parked in the
 * dead-letter queue, so it never blocks the events behind it.
 */
export async function consume(
  cache: Cache,
  delivery: Delivery,
): Promise<void> {
  const { event, attempt } = delivery;
  try {
    if (!SCHEMAS_READ.includes(event.schema))
      throw new Error(`schema ${event.schema} is unknown here`);
    const keys = [`processed:${event.id}`, event.key];
    const options = { keys, arguments: [MARKER_SECONDS] };
    await cache.eval(DELETE_ONCE, options);
    await delivery.ack();
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'failed';
    if (attempt >= MAX_ATTEMPTS) await delivery.deadLetter(reason);
    else await delivery.retryAfter(RETRY_DELAY_MS);
  }
}

/**
 * The dual write, to show what goes wrong: two systems, two writes.
 * A crash after the commit and before the publish loses the event,
 * and the cached copy stays old until its TTL ends.
 */
export async function writeThenPublish(
  db: Database,
  broker: Broker,
  key: string,
  value: string,
): Promise<number> {
  const version = await db.updateRow(key, value); // step: write-db
  const event = eventFor(key, version);
  await broker.publish(TOPIC, event); // step: publish-event
  return version;
}
