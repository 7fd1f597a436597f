import type { EventsSpec, Scenario } from '../../../engine/index.ts';

/** The key every event-driven scenario writes, and its two versions. */
export const EMAIL_KEY = 'user:42:email';
export const OLD_EMAIL = 'ada@old.example';
export const NEW_EMAIL = 'ada@new.example';

/** One topic, one consumer that deletes cached keys; three deliveries at most, then the DLQ. */
export function invalidationEvents(outbox: EventsSpec['outbox'] = []): EventsSpec {
  return {
    topic: 'invalidations',
    maxAttempts: 3,
    retryDelayMs: 200,
    ackTimeoutMs: 500,
    consumers: [{ id: 'invalidator', label: 'Invalidation consumer', schemas: [1] }],
    outbox,
  };
}

/**
 * A writer on node A and a reader on node B. The writer's path to the database has fixed latencies,
 * so a crash timed between the commit and its reply lands there at every seed.
 */
export function twoNodeNetwork(): Scenario['network'] {
  const fixed = (ms: number) => ({ minMs: ms, maxMs: ms });
  return {
    defaultLatency: { minMs: 1, maxMs: 3 },
    links: [
      { a: 'writer', b: 'app-a', latency: fixed(15) },
      { a: 'reader', b: 'app-b', latency: { minMs: 10, maxMs: 20 } },
      { a: 'app-a', b: 'db', latency: fixed(3) },
      { a: 'app-b', b: 'db', latency: { minMs: 2, maxMs: 4 } },
      { a: 'app-a', b: 'cache', latency: { minMs: 1, maxMs: 2 } },
      { a: 'app-b', b: 'cache', latency: { minMs: 1, maxMs: 2 } },
    ],
  };
}

export const twoNodes: Pick<Scenario, 'clients' | 'appNodes'> = {
  clients: [
    { id: 'writer', label: 'Writer', server: 'app-a' },
    { id: 'reader', label: 'Reader', server: 'app-b' },
  ],
  appNodes: [
    { id: 'app-a', label: 'App node A' },
    { id: 'app-b', label: 'App node B' },
  ],
};

/** The old email, committed at version 1 and cached in Redis for 30 s: where every run starts. */
export const oldEmailStored: Pick<Scenario, 'cache' | 'database'> = {
  cache: { entries: [{ key: EMAIL_KEY, value: OLD_EMAIL, version: 1, ttlSeconds: 30 }] },
  database: {
    readLatencyMs: 8,
    writeLatencyMs: 15,
    rows: [{ key: EMAIL_KEY, value: OLD_EMAIL, version: 1 }],
  },
};
