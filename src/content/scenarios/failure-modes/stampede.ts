import { CACHE_ASIDE, type Scenario, type StampedeProtection } from '../../../engine/index.ts';
import { fixedNetwork } from './network.ts';

const HOT_KEY = 'top-sellers';
const READERS = ['reader-1', 'reader-2', 'reader-3', 'reader-4', 'reader-5'];
const readers = (server: (i: number) => string) =>
  READERS.map((id, i) => ({ id, label: `Reader ${i + 1}`, server: server(i) }));

/**
 * The stampede: a hot key, filled at 0 ms with a 1-second TTL, expires at 1,000 ms (the cache's
 * background sweep removes it). At 1,050 ms five readers on two app nodes ask for it at once. The
 * query behind the key is slow (100 ms), so every reader misses before any of them has filled it.
 */
export const stampedeUnprotected: Scenario = {
  id: 'stampede-unprotected',
  title: 'Five readers, one expired hot key',
  summary:
    'The hot key expires at 1 s. At 1.05 s five readers ask for it at once. All five miss, and all ' +
    'five run the same 100 ms query: the database does the work five times and the cache is filled five times.',
  clients: readers((i) => (i < 3 ? 'node-a' : 'node-b')),
  appNodes: [
    { id: 'node-a', label: 'Node A' },
    { id: 'node-b', label: 'Node B' },
  ],
  cache: { entries: [{ key: HOT_KEY, value: 'kettle, lamp, mug', version: 1, ttlSeconds: 1 }] },
  database: {
    readLatencyMs: 100,
    writeLatencyMs: 10,
    rows: [{ key: HOT_KEY, value: 'kettle, lamp, mug', version: 1 }],
  },
  strategy: { ...CACHE_ASIDE, ttlSeconds: 1, stampede: { kind: 'none' } },
  network: fixedNetwork(READERS, ['node-a', 'node-b']),
  script: READERS.map((client) => ({ atMs: 1_050, client, op: 'read' as const, key: HOT_KEY })),
};

/** The same readers, script and latencies, with one protection in the strategy. */
function protectedBy(
  stampede: StampedeProtection,
  id: string,
  title: string,
  summary: string,
  change: Partial<Scenario> = {},
): Scenario {
  return {
    ...stampedeUnprotected,
    id,
    title,
    summary,
    strategy: { ...stampedeUnprotected.strategy, stampede },
    ...change,
  };
}

export const stampedeMutex = protectedBy(
  { kind: 'mutex', lockTtlMs: 500, retryDelayMs: 60, maxRetries: 5 },
  'stampede-mutex',
  'Fix: a lock around the load',
  'The same five readers. Each miss first tries SET lock:top-sellers <token> NX PX 500. One reader gets ' +
    'the lock and runs the query; the other four wait 60 ms, miss again, wait 120 ms and then hit the ' +
    'value the lock holder stored. One query instead of five.',
);

export const stampedeMutexLockExpiry = protectedBy(
  { kind: 'mutex', lockTtlMs: 60, retryDelayMs: 60, maxRetries: 5 },
  'stampede-mutex-lock-expiry',
  'The lock expires before the load is done',
  'The lock lasts 60 ms, but the query takes 100 ms. When the first wait is over the lock has expired, ' +
    "so a second reader takes it and runs the query again. The first holder's release finds the second " +
    "holder's token and deletes nothing, as a compare-and-delete should. Two queries; the lock TTL must " +
    'be longer than the load.',
);

export const stampedeSingleFlight = protectedBy(
  { kind: 'single-flight' },
  'stampede-single-flight',
  'Fix: one load per node (single-flight)',
  'The five readers, all on one app node. The first miss starts the query; the four misses after it ' +
    'join that load instead of starting their own, and get its row when it arrives. One query. With ' +
    'several nodes, each node would still run one.',
  {
    clients: readers(() => 'node-a'),
    appNodes: [{ id: 'node-a', label: 'Node A' }],
    network: fixedNetwork(READERS, ['node-a']),
  },
);

export const stampedeStaleWhileRevalidate = protectedBy(
  { kind: 'stale-while-revalidate', staleSeconds: 2 },
  'stampede-stale-while-revalidate',
  'Fix: serve stale, refresh in the background',
  'Keys live 2 s past their 1 s TTL. At 1.05 s the key is stale but still there, so all five readers ' +
    'get the old value at once. The first also takes a refresh lock and reloads the key in the ' +
    'background; the others see the lock taken and leave it. One query, and nobody waited for it.',
  {
    // Filled at 0 ms as this strategy fills: fresh for 1 s, then stale for 2 s.
    cache: { entries: [{ key: HOT_KEY, value: 'kettle, lamp, mug', version: 1, ttlSeconds: 3 }] },
  },
);

/** Before the expiry a reader hits every 40 ms, in turn; then the five readers come together. */
const STEADY_READS_MS = [820, 860, 900, 940, 980, 1_020, 1_060, 1_100];

/**
 * XFetch needs Δ, which a fill measures, so the key starts cold: Reader 1 loads it at 0 ms (Δ is
 * 104 ms: 2 ms to the database, the 100 ms query, 2 ms back) and it expires at 1,112 ms. With
 * β = 1 a hit recomputes with probability e^(−t/Δ) when t ms are left, so over the reads of the
 * last 300 ms one reload is near certain (none at about 1 seed in 400; some seeds reload twice).
 */
export const stampedeXfetch = protectedBy(
  { kind: 'xfetch', beta: 1 },
  'stampede-xfetch',
  'Fix: recompute early, at random (XFetch)',
  'Reader 1 loads the key and stores Δ, the 104 ms the load took, with it. Each later hit draws ' +
    'Δ·β·(−ln rand) and reloads the key when that reaches past the expiry, which grows likely as the ' +
    'expiry nears. A reader reloads it early, so at 1.25 s, after the old expiry, all five readers hit.',
  {
    cache: { entries: [] },
    script: [
      { atMs: 0, client: 'reader-1', op: 'read', key: HOT_KEY },
      ...STEADY_READS_MS.map((atMs, i) => ({
        atMs,
        client: READERS[(i + 1) % READERS.length]!,
        op: 'read' as const,
        key: HOT_KEY,
      })),
      ...READERS.map((client) => ({ atMs: 1_250, client, op: 'read' as const, key: HOT_KEY })),
    ],
  },
);
