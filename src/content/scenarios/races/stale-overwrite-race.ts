import { CACHE_ASIDE, type Scenario } from '../../../engine/index.ts';

/**
 * Every link has a fixed latency, so the interleaving is the same at every seed. Node B sits far
 * from the database (30 ms each way), so its SELECT reads version 1 at 50 ms but the row only
 * reaches Node B at 80 ms. Alice's write commits version 2 at 67 ms and deletes the key at 70 ms,
 * in between; Bob's SET of version 1 lands at 81 ms, after the DEL.
 */
export const staleOverwriteRace: Scenario = {
  id: 'stale-overwrite-race',
  title: 'The race: a slow reader puts the old value back',
  summary:
    'Bob reads through Node B: a miss, so Node B loads version 1 from the database over a slow link. ' +
    'Before that row reaches Node B, Alice writes version 2 through Node A, which commits and deletes the key. ' +
    'Then Node B stores version 1. The cache is stale until the TTL ends, and Alice reads her old email.',
  clients: [
    { id: 'alice', label: 'Alice', server: 'node-a' },
    { id: 'bob', label: 'Bob', server: 'node-b' },
  ],
  appNodes: [
    { id: 'node-a', label: 'Node A' },
    { id: 'node-b', label: 'Node B' },
  ],
  cache: { entries: [] },
  database: {
    readLatencyMs: 8,
    writeLatencyMs: 15,
    rows: [{ key: 'user:42:email', value: 'ada@old.example', version: 1 }],
  },
  strategy: { ...CACHE_ASIDE, write: { kind: 'write-around', deleteKey: 'after-commit' } },
  network: {
    defaultLatency: { minMs: 2, maxMs: 2 },
    links: [
      { a: 'alice', b: 'node-a', latency: { minMs: 10, maxMs: 10 } },
      { a: 'bob', b: 'node-b', latency: { minMs: 10, maxMs: 10 } },
      { a: 'node-a', b: 'cache', latency: { minMs: 1, maxMs: 1 } },
      { a: 'node-b', b: 'cache', latency: { minMs: 1, maxMs: 1 } },
      { a: 'node-a', b: 'db', latency: { minMs: 2, maxMs: 2 } },
      { a: 'node-b', b: 'db', latency: { minMs: 30, maxMs: 30 } },
    ],
  },
  script: [
    { atMs: 0, client: 'bob', op: 'read', key: 'user:42:email' },
    { atMs: 40, client: 'alice', op: 'write', key: 'user:42:email', value: 'ada@new.example' },
    { atMs: 300, client: 'alice', op: 'read', key: 'user:42:email' },
  ],
};
