import type { Scenario } from '../../../engine/index.ts';
import { EMAIL_KEY, NEW_EMAIL, hybridStage } from './hybrid-stage.ts';

/**
 * Node B dies after the database commits Alice's write (534 ms) and before its answer arrives
 * (537 ms), so neither the DEL nor the broadcast is sent. The load balancer answers Alice 502 and
 * sends everything to Node A; the old email lives on in Node A's local cache and in Redis, and the
 * restarted Node B copies it from Redis. Redis's 30-second TTL is what ends it.
 */
export const productionCrashAfterCommit: Scenario = {
  id: 'production-crash-after-commit',
  title: 'A node dies between commit and invalidation',
  summary:
    'The same hybrid. Node B commits Alice’s new email and crashes before it can delete the Redis ' +
    'key or broadcast the change. The load balancer tells Alice 502 Bad Gateway, although her write ' +
    'is in the database, and sends Bob to Node A, whose local copy is old. Node B restarts empty and ' +
    'copies the old email from Redis. Only when the Redis key’s TTL ends does Bob get the new email.',
  ...hybridStage,
  script: [
    { atMs: 0, client: 'bob', op: 'read', key: EMAIL_KEY },
    { atMs: 500, client: 'alice', op: 'write', key: EMAIL_KEY, value: NEW_EMAIL },
    { atMs: 1000, client: 'bob', op: 'read', key: EMAIL_KEY },
    { atMs: 12_000, client: 'bob', op: 'read', key: EMAIL_KEY },
    { atMs: 31_000, client: 'bob', op: 'read', key: EMAIL_KEY },
  ],
  faults: [
    { atMs: 535, fault: { kind: 'crash', node: 'app-b' } },
    { atMs: 5000, fault: { kind: 'restart', node: 'app-b' } },
  ],
};
