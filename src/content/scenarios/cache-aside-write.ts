import { CACHE_ASIDE, type Scenario } from '../../engine/index.ts';
import { dataCentreNetwork } from './network.ts';

export const cacheAsideWrite: Scenario = {
  id: 'cache-aside-write',
  title: 'Write: update the database, then delete the key',
  summary:
    'The cache holds the old email. The write commits the new one to the database, then deletes the ' +
    'cached copy. The next read misses and loads the new value.',
  clients: [{ id: 'browser', label: 'Browser', server: 'app' }],
  appNodes: [{ id: 'app', label: 'App server' }],
  cache: { entries: [{ key: 'user:42:email', value: 'ada@old.example', version: 1, ttlSeconds: 300 }] },
  database: {
    readLatencyMs: 8,
    writeLatencyMs: 15,
    rows: [{ key: 'user:42:email', value: 'ada@old.example', version: 1 }],
  },
  strategy: { ...CACHE_ASIDE, write: { kind: 'write-around', deleteKey: 'after-commit' } },
  network: dataCentreNetwork(['browser'], ['app']),
  script: [
    { atMs: 0, client: 'browser', op: 'write', key: 'user:42:email', value: 'ada@new.example' },
    { atMs: 400, client: 'browser', op: 'read', key: 'user:42:email' },
  ],
};
