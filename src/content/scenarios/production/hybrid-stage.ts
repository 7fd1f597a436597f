import { CACHE_ASIDE, LOAD_BALANCER_ID, type Scenario, type Strategy } from '../../../engine/index.ts';

/** The row both production scenarios read and change: Alice's email. */
export const EMAIL_KEY = 'user:42:email';
export const OLD_EMAIL = 'alice@old.example';
export const NEW_EMAIL = 'alice@new.example';

/**
 * The hybrid pattern: cache-aside reads through a local cache (L1, 10 s) and Redis (L2, 30 s);
 * a write commits, deletes the Redis key and broadcasts the key on pub/sub so every node drops
 * its local copy; both TTLs stay on as the safety net for whatever the broadcast misses.
 */
export const HYBRID: Strategy = {
  ...CACHE_ASIDE,
  localCache: { kind: 'l1', ttlSeconds: 10 },
  invalidation: { kind: 'pubsub', channel: 'invalidate', timestampCheck: true, ignoreOwn: true },
};

const fixed = (ms: number) => ({ minMs: ms, maxMs: ms });

/**
 * Alice and Bob behind a round-robin load balancer, Node A and Node B with local caches, one Redis,
 * one database. Round robin sends the first request to Node A and the second, Alice's write, to
 * Node B. Node B's path to the database has fixed latencies, so a fault timed between its commit
 * and the database's answer lands there at every seed.
 */
export const hybridStage: Pick<
  Scenario,
  'clients' | 'loadBalancer' | 'appNodes' | 'cache' | 'database' | 'strategy' | 'network'
> = {
  clients: [
    { id: 'alice', label: 'Alice', server: LOAD_BALANCER_ID },
    { id: 'bob', label: 'Bob', server: LOAD_BALANCER_ID },
  ],
  loadBalancer: { policy: 'round-robin' },
  appNodes: [
    { id: 'app-a', label: 'Node A' },
    { id: 'app-b', label: 'Node B' },
  ],
  cache: { entries: [] },
  database: {
    readLatencyMs: 8,
    writeLatencyMs: 15,
    rows: [{ key: EMAIL_KEY, value: OLD_EMAIL, version: 1 }],
  },
  strategy: HYBRID,
  network: {
    defaultLatency: { minMs: 1, maxMs: 3 },
    links: [
      { a: 'alice', b: LOAD_BALANCER_ID, latency: fixed(15) },
      { a: 'bob', b: LOAD_BALANCER_ID, latency: { minMs: 10, maxMs: 20 } },
      { a: LOAD_BALANCER_ID, b: 'app-b', latency: fixed(1) },
      { a: 'app-a', b: 'cache', latency: { minMs: 1, maxMs: 2 } },
      { a: 'app-b', b: 'cache', latency: { minMs: 1, maxMs: 2 } },
      { a: 'app-a', b: 'db', latency: { minMs: 2, maxMs: 4 } },
      { a: 'app-b', b: 'db', latency: fixed(3) },
    ],
  },
};
