import { CACHE_ASIDE, type Scenario } from '../../../engine/index.ts';
import { dataCentreNetwork } from '../network.ts';

export const writeAround: Scenario = {
  id: 'write-around',
  title: 'Write-around: update the database, delete the key',
  summary:
    'The write skips the cache: it updates the database, then deletes the cached copy. ' +
    'The next read misses and loads the new value from the database.',
  clients: [{ id: 'alice', label: 'Alice', server: 'app' }],
  appNodes: [{ id: 'app', label: 'App server' }],
  cache: { entries: [{ key: 'user:42:email', value: 'ada@old.example', version: 1, ttlSeconds: 300 }] },
  database: {
    readLatencyMs: 8,
    writeLatencyMs: 15,
    rows: [{ key: 'user:42:email', value: 'ada@old.example', version: 1 }],
  },
  strategy: { ...CACHE_ASIDE, write: { kind: 'write-around', deleteKey: 'after-commit' } },
  network: dataCentreNetwork(['alice'], ['app']),
  script: [
    { atMs: 0, client: 'alice', op: 'write', key: 'user:42:email', value: 'ada@new.example' },
    { atMs: 300, client: 'alice', op: 'read', key: 'user:42:email' },
  ],
};
