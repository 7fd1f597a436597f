import type { Scenario } from '../../../engine/index.ts';
import { WITH_L1_AND_PUBSUB } from './coherence-pubsub.ts';
import { EMAIL_KEY, twoNodes } from './two-nodes.ts';

export const coherenceDroppedInvalidation: Scenario = {
  id: 'coherence-dropped-invalidation',
  title: 'A lost broadcast',
  summary:
    'Pub/sub is fire-and-forget: a message that does not arrive is never sent again. ' +
    'Here the invalidation on its way to Node B is lost. Node B keeps serving the old email ' +
    'until its local copy expires after 10 seconds; the read after that gets the new one.',
  ...twoNodes(WITH_L1_AND_PUBSUB),
  script: [
    { atMs: 0, client: 'bob', op: 'read', key: EMAIL_KEY },
    { atMs: 500, client: 'alice', op: 'write', key: EMAIL_KEY, value: 'alice@new.example' },
    { atMs: 1000, client: 'bob', op: 'read', key: EMAIL_KEY },
    { atMs: 11_000, client: 'bob', op: 'read', key: EMAIL_KEY },
  ],
  // Armed after the subscription is confirmed (at start), so the push it loses is the invalidation.
  faults: [
    {
      atMs: 400,
      fault: { kind: 'drop next message', from: 'cache', to: 'app-b', messageKind: 'cache push' },
    },
  ],
};
