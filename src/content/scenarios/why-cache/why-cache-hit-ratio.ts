import { CACHE_ASIDE, type Scenario } from '../../../engine/index.ts';
import { dataCentreNetwork } from '../network.ts';

/**
 * Six reads of two keys by two people, one second apart: only the first read of each key misses,
 * so the counters end at 4 hits and 2 misses, a hit ratio of 67%. Bob's first read hits a key that
 * Alice's miss loaded: the cache is shared by everyone the app serves.
 */
export const whyCacheHitRatio: Scenario = {
  id: 'why-cache-hit-ratio',
  title: 'Two people, two profiles: the hit ratio climbs',
  summary:
    'Alice and Bob read two profiles six times between them. Only the first read of each key misses; ' +
    'every later read, by either of them, is a hit. Watch the counters: 2 misses and 4 hits, a hit ' +
    'ratio of 4 / 6 = 67%, and the database answers only 2 of the 6 reads.',
  clients: [
    { id: 'alice', label: 'Alice', server: 'app' },
    { id: 'bob', label: 'Bob', server: 'app' },
  ],
  appNodes: [{ id: 'app', label: 'App server' }],
  cache: { entries: [] },
  database: {
    readLatencyMs: 40,
    writeLatencyMs: 15,
    rows: [
      { key: 'user:42:profile', value: 'Ada Lovelace, London', version: 1 },
      { key: 'user:7:profile', value: 'Alan Turing, Manchester', version: 1 },
    ],
  },
  strategy: { ...CACHE_ASIDE },
  network: dataCentreNetwork(['alice', 'bob'], ['app']),
  script: [
    { atMs: 0, client: 'alice', op: 'read', key: 'user:42:profile' },
    { atMs: 1_000, client: 'bob', op: 'read', key: 'user:42:profile' },
    { atMs: 2_000, client: 'bob', op: 'read', key: 'user:7:profile' },
    { atMs: 3_000, client: 'alice', op: 'read', key: 'user:7:profile' },
    { atMs: 4_000, client: 'alice', op: 'read', key: 'user:42:profile' },
    { atMs: 5_000, client: 'bob', op: 'read', key: 'user:42:profile' },
  ],
};
