import type { Scenario, Strategy } from '../../../engine/index.ts';
import { EMAIL_KEY, twoNodes, WITH_L1 } from './two-nodes.ts';

/** Local caches kept coherent by a broadcast: every write is announced on `invalidate`. */
export const WITH_L1_AND_PUBSUB: Strategy = {
  ...WITH_L1,
  invalidation: { kind: 'pubsub', channel: 'invalidate', timestampCheck: true, ignoreOwn: true },
};

export const coherencePubsub: Scenario = {
  id: 'coherence-pubsub',
  title: 'Invalidation broadcast over pub/sub',
  summary:
    'The same story, but every node subscribes to an invalidate channel when it starts. ' +
    'After Node A commits Alice’s new email, it publishes the key and its new version. ' +
    'Node B drops its copy, so Bob’s next read gets the new email.',
  ...twoNodes(WITH_L1_AND_PUBSUB),
  script: [
    { atMs: 0, client: 'bob', op: 'read', key: EMAIL_KEY },
    { atMs: 500, client: 'alice', op: 'write', key: EMAIL_KEY, value: 'alice@new.example' },
    { atMs: 1000, client: 'bob', op: 'read', key: EMAIL_KEY },
  ],
};
