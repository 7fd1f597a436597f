import { CACHE_ASIDE, type Scenario } from '../../engine/index.ts';
import { dataCentreNetwork } from './network.ts';

/**
 * The timings leave no doubt about the interleaving at any seed: the reader's GET always lands after
 * the writer's DEL (≥ 36 ms vs ≤ 22 ms) and its SELECT finishes before the slow UPDATE commits
 * (≤ 59 ms vs ≥ 74 ms), so every seed shows the same race with different arrival times.
 */
export const cacheAsideWrongOrder: Scenario = {
  id: 'cache-aside-wrong-order',
  title: 'The wrong order: delete, then update',
  summary:
    'A writer deletes the key before updating the database. A reader arrives in between, misses, ' +
    'reads the old row and puts it back in the cache. The cache then serves the old email until the TTL ends.',
  clients: [
    { id: 'writer', label: 'Writer', server: 'app' },
    { id: 'reader', label: 'Reader', server: 'app' },
  ],
  appNodes: [{ id: 'app', label: 'App server' }],
  cache: { entries: [{ key: 'user:42:email', value: 'ada@old.example', version: 1, ttlSeconds: 60 }] },
  database: {
    readLatencyMs: 8,
    writeLatencyMs: 60,
    rows: [{ key: 'user:42:email', value: 'ada@old.example', version: 1 }],
  },
  strategy: { ...CACHE_ASIDE, write: { kind: 'write-around', deleteKey: 'before-commit' } },
  network: dataCentreNetwork(['writer', 'reader'], ['app']),
  script: [
    { atMs: 0, client: 'writer', op: 'write', key: 'user:42:email', value: 'ada@new.example' },
    { atMs: 25, client: 'reader', op: 'read', key: 'user:42:email' },
    { atMs: 400, client: 'reader', op: 'read', key: 'user:42:email' },
  ],
};
