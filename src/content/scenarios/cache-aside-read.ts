import { CACHE_ASIDE, type Scenario } from '../../engine/index.ts';
import { dataCentreNetwork } from './network.ts';

export const cacheAsideRead: Scenario = {
  id: 'cache-aside-read',
  title: 'Read: miss, hit, expiry',
  summary:
    'The first read misses and loads the row from the database into the cache. The second read hits. ' +
    'After the 30-second TTL runs out, the next read misses again.',
  clients: [{ id: 'browser', label: 'Browser', server: 'app' }],
  appNodes: [{ id: 'app', label: 'App server' }],
  cache: { entries: [] },
  database: {
    readLatencyMs: 8,
    writeLatencyMs: 15,
    rows: [{ key: 'user:42:email', value: 'ada@example.com', version: 1 }],
  },
  strategy: { ...CACHE_ASIDE, write: { kind: 'write-around', deleteKey: 'after-commit' } },
  network: dataCentreNetwork(['browser'], ['app']),
  script: [
    { atMs: 0, client: 'browser', op: 'read', key: 'user:42:email' },
    { atMs: 500, client: 'browser', op: 'read', key: 'user:42:email' },
    { atMs: 31_000, client: 'browser', op: 'read', key: 'user:42:email' },
  ],
};
