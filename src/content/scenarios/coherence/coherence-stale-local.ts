import type { Scenario } from '../../../engine/index.ts';
import { EMAIL_KEY, twoNodes, WITH_L1 } from './two-nodes.ts';

export const coherenceStaleLocal: Scenario = {
  id: 'coherence-stale-local',
  title: 'Two local caches, one write',
  summary:
    'Bob opens Alice’s profile through Node B, which keeps a copy of her email in its own memory. ' +
    'Alice changes her email through Node A. Node A updates the database and deletes the Redis key, ' +
    'but nobody tells Node B. Bob looks again and still sees the old email.',
  ...twoNodes(WITH_L1),
  script: [
    { atMs: 0, client: 'bob', op: 'read', key: EMAIL_KEY },
    { atMs: 500, client: 'alice', op: 'write', key: EMAIL_KEY, value: 'alice@new.example' },
    { atMs: 1000, client: 'bob', op: 'read', key: EMAIL_KEY },
  ],
};
