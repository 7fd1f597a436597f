import { CACHE_ASIDE, type Scenario } from '../../../engine/index.ts';
import { dataCentreNetwork } from '../network.ts';

export const writeThrough: Scenario = {
  id: 'write-through',
  title: 'Write-through: update the database, then the cache',
  summary:
    'The write commits to the database, then puts the new value in the cache. The next read hits it. ' +
    'Then the database fails a second write: the client gets an error, and the cache keeps the committed value.',
  clients: [{ id: 'alice', label: 'Alice', server: 'app' }],
  appNodes: [{ id: 'app', label: 'App server' }],
  cache: { entries: [{ key: 'user:42:email', value: 'ada@old.example', version: 1, ttlSeconds: 300 }] },
  database: {
    readLatencyMs: 8,
    writeLatencyMs: 15,
    rows: [{ key: 'user:42:email', value: 'ada@old.example', version: 1 }],
  },
  strategy: { ...CACHE_ASIDE, write: { kind: 'write-through' } },
  network: dataCentreNetwork(['alice'], ['app']),
  script: [
    { atMs: 0, client: 'alice', op: 'write', key: 'user:42:email', value: 'ada@new.example' },
    { atMs: 300, client: 'alice', op: 'read', key: 'user:42:email' },
    { atMs: 600, client: 'alice', op: 'write', key: 'user:42:email', value: 'ada@typo.example' },
    { atMs: 900, client: 'alice', op: 'read', key: 'user:42:email' },
  ],
  faults: [{ atMs: 500, fault: { kind: 'fail database writes', count: 1 } }],
};
