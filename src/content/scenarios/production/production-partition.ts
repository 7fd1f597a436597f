import type { Scenario } from '../../../engine/index.ts';
import { EMAIL_KEY, NEW_EMAIL, hybridStage } from './hybrid-stage.ts';

/**
 * A short partition around Node A while Alice's write goes through Node B: the broadcast to Node A
 * is lost, and pub/sub never sends it again. After the network heals, the two nodes answer the
 * same question differently until Node A's local copy expires.
 */
export const productionPartition: Scenario = {
  id: 'production-partition',
  title: 'A partition hides a broadcast',
  summary:
    'The full hybrid: a load balancer, two nodes with local caches, Redis with a TTL, and pub/sub ' +
    'invalidation. Bob’s read leaves a copy of Alice’s email in Node A’s memory. Then Node A is cut ' +
    'off for half a second, just as Alice changes her email through Node B, so the broadcast to ' +
    'Node A is lost. Once the network heals, Node A serves the old email and Node B the new one. ' +
    'Ten seconds later Node A’s copy expires and both agree again.',
  ...hybridStage,
  script: [
    { atMs: 0, client: 'bob', op: 'read', key: EMAIL_KEY },
    { atMs: 500, client: 'alice', op: 'write', key: EMAIL_KEY, value: NEW_EMAIL },
    { atMs: 1000, client: 'bob', op: 'read', key: EMAIL_KEY },
    { atMs: 1500, client: 'alice', op: 'read', key: EMAIL_KEY },
    { atMs: 11_000, client: 'bob', op: 'read', key: EMAIL_KEY },
  ],
  // Nothing is routed to Node A while it is cut off: the load balancer has no timeout for a node
  // that is up but unreachable, so such a request would never be answered.
  faults: [
    { atMs: 300, fault: { kind: 'partition', nodes: ['app-a'] } },
    { atMs: 800, fault: { kind: 'heal' } },
  ],
};
