import { CACHE_ASIDE, type Scenario } from '../../../engine/index.ts';
import {
  EMAIL_KEY,
  NEW_EMAIL,
  invalidationEvents,
  twoNodeNetwork,
  twoNodes,
  oldEmailStored,
} from './shared.ts';

/**
 * At-least-once delivery: the consumer processes the event, but its answer to the broker is lost, so
 * the broker delivers the event again once the ack timeout passes. The consumer's marker in Redis
 * (`SET processed:<id> 1 NX`) shows it has seen the event, and it does nothing the second time: the
 * value a read has filled in between stays cached.
 */
export const duplicateDelivery: Scenario = {
  id: 'duplicate-delivery',
  title: 'A duplicate delivery is ignored',
  summary:
    'The consumer deletes the old email from Redis, but its "done" to the broker is lost. A read ' +
    'puts the new email back in Redis. The broker heard nothing, so it delivers the same event ' +
    'again. The consumer finds its marker for that event in Redis, deletes nothing, and reports a ' +
    'duplicate. The next read is a cache hit.',
  ...twoNodes,
  ...oldEmailStored,
  strategy: { ...CACHE_ASIDE, invalidation: { kind: 'outbox' } },
  events: invalidationEvents(),
  network: twoNodeNetwork(),
  script: [
    { atMs: 0, client: 'writer', op: 'write', key: EMAIL_KEY, value: NEW_EMAIL },
    { atMs: 200, client: 'reader', op: 'read', key: EMAIL_KEY },
    { atMs: 1000, client: 'reader', op: 'read', key: EMAIL_KEY },
  ],
  faults: [
    {
      atMs: 0,
      fault: { kind: 'drop next message', from: 'invalidator', to: 'broker', messageKind: 'event result' },
    },
  ],
};
