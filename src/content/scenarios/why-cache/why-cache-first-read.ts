import { CACHE_ASIDE, type Scenario } from '../../../engine/index.ts';
import { dataCentreNetwork } from '../network.ts';

/**
 * The smallest picture of a cache: one key read twice. The profile query is slow (40 ms, as a query
 * with joins can be), so the miss and the hit differ by more than the network's noise at any seed.
 */
export const whyCacheFirstRead: Scenario = {
  id: 'why-cache-first-read',
  title: 'The first read misses, the second hits',
  summary:
    'The cache starts empty. The first read of user:42:profile misses, waits 40 ms for the database ' +
    'and leaves a copy in the cache. The second read, half a second later, is a hit: the app answers ' +
    'from memory and the database is not asked at all.',
  clients: [{ id: 'browser', label: 'Browser', server: 'app' }],
  appNodes: [{ id: 'app', label: 'App server' }],
  cache: { entries: [] },
  database: {
    readLatencyMs: 40,
    writeLatencyMs: 15,
    rows: [{ key: 'user:42:profile', value: 'Ada Lovelace, London', version: 1 }],
  },
  strategy: { ...CACHE_ASIDE },
  network: dataCentreNetwork(['browser'], ['app']),
  script: [
    { atMs: 0, client: 'browser', op: 'read', key: 'user:42:profile' },
    { atMs: 500, client: 'browser', op: 'read', key: 'user:42:profile' },
  ],
};
