import { CACHE_ASIDE, type Scenario } from '../../../engine/index.ts';
import { dataCentreNetwork } from '../network.ts';

/** Three writes within 200 ms, one flush every second, at most two writes per batch. */
export const writeBehindScenario: Scenario = {
  id: 'write-behind',
  title: 'Write-behind: acknowledge at once, write the database later',
  summary:
    'Each write goes only to the cache and is confirmed at once. Every second the cache sends ' +
    'buffered writes to the database, at most two per batch. Reads are served from the cache meanwhile.',
  clients: [{ id: 'alice', label: 'Alice', server: 'app' }],
  appNodes: [{ id: 'app', label: 'App server' }],
  cache: { entries: [] },
  database: {
    readLatencyMs: 8,
    writeLatencyMs: 15,
    rows: [
      { key: 'cart:7:items', value: '0', version: 1 },
      { key: 'cart:7:total', value: '0.00', version: 1 },
      { key: 'user:42:email', value: 'ada@old.example', version: 1 },
    ],
  },
  strategy: { ...CACHE_ASIDE, write: { kind: 'write-behind', flushIntervalMs: 1000, batchSize: 2 } },
  network: dataCentreNetwork(['alice'], ['app']),
  script: [
    { atMs: 0, client: 'alice', op: 'write', key: 'cart:7:items', value: '3' },
    { atMs: 100, client: 'alice', op: 'write', key: 'cart:7:total', value: '42.50' },
    { atMs: 200, client: 'alice', op: 'write', key: 'user:42:email', value: 'ada@new.example' },
    { atMs: 400, client: 'alice', op: 'read', key: 'cart:7:total' },
  ],
};
