import type { Scenario } from '../../../engine/index.ts';
import { EMAIL_KEY, twoNodes, WITH_L1 } from './two-nodes.ts';

export const multiLevelRead: Scenario = {
  id: 'multi-level-read',
  title: 'Two levels: local cache, then Redis',
  summary:
    'Each node looks in its own memory (L1) first, then in Redis (L2), then in the database. ' +
    'Bob’s first read misses both levels and loads the row. His second read is answered from Node B’s memory. ' +
    'Alice’s read on Node A misses its L1 but hits Redis, and Node A keeps a copy. ' +
    'Ten seconds later Node B’s copy has expired, so Bob’s read goes to Redis, which still has the key.',
  ...twoNodes(WITH_L1),
  script: [
    { atMs: 0, client: 'bob', op: 'read', key: EMAIL_KEY },
    { atMs: 500, client: 'bob', op: 'read', key: EMAIL_KEY },
    { atMs: 1000, client: 'alice', op: 'read', key: EMAIL_KEY },
    { atMs: 12_000, client: 'bob', op: 'read', key: EMAIL_KEY },
  ],
};
