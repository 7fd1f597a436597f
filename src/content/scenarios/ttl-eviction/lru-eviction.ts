import { CACHE_ASIDE, type Scenario } from '../../../engine/index.ts';
import { dataCentreNetwork } from '../network.ts';

const PROFILES = [
  { key: 'user:1:profile', value: 'Ada Lovelace', version: 1 },
  { key: 'user:2:profile', value: 'Grace Hopper', version: 1 },
  { key: 'user:3:profile', value: 'Alan Turing', version: 1 },
];

/**
 * A full cache under allkeys-lru. Reads are a second apart because Redis's LRU clock counts whole
 * seconds: keys touched within the same second look equally old to it. Redis picks its victim from
 * 5 keys drawn at random (maxmemory-samples), so at some seeds the draw misses the oldest key and
 * another goes: at seed 3 the first eviction takes user:1. Seed 1 shows the exact LRU choice.
 */
export const lruEviction: Scenario = {
  id: 'lru-eviction',
  title: 'A full cache evicts the least recently used key',
  summary:
    'The cache may hold 2 keys (allkeys-lru) and holds user:1 and user:2. Reading user:1 makes it ' +
    'the most recently used. Caching user:3 needs room, so Redis evicts user:2, the key nobody has ' +
    'read for longest. The next read of user:1 still hits; the read of user:2 misses, and caching ' +
    'it again evicts user:3. Redis only samples keys, so at some seeds (3, for one) it picks another.',
  clients: [{ id: 'browser', label: 'Browser', server: 'app' }],
  appNodes: [{ id: 'app', label: 'App server' }],
  cache: {
    entries: PROFILES.slice(0, 2).map((row) => ({ ...row, ttlSeconds: 60 })),
    limit: { maxKeys: 2, policy: 'allkeys-lru' },
  },
  database: { readLatencyMs: 8, writeLatencyMs: 15, rows: PROFILES },
  strategy: { ...CACHE_ASIDE },
  network: dataCentreNetwork(['browser'], ['app']),
  script: [
    { atMs: 1_000, client: 'browser', op: 'read', key: 'user:1:profile' },
    { atMs: 2_000, client: 'browser', op: 'read', key: 'user:3:profile' },
    { atMs: 3_000, client: 'browser', op: 'read', key: 'user:1:profile' },
    { atMs: 4_000, client: 'browser', op: 'read', key: 'user:2:profile' },
  ],
};
