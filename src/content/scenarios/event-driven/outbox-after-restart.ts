import { CACHE_ASIDE, RELAY_ID, type Scenario } from '../../../engine/index.ts';
import {
  EMAIL_KEY,
  NEW_EMAIL,
  invalidationEvents,
  twoNodeNetwork,
  twoNodes,
  oldEmailStored,
} from './shared.ts';

/**
 * The same crash as `publish-after-commit-crash`, with the outbox: the event is a row committed with
 * the update, so it survives the crash of node A. The relay is down too (its change notification is
 * lost), and still, once it is back, it finds the row and publishes it.
 */
export const outboxAfterRestart: Scenario = {
  id: 'outbox-after-restart',
  title: 'Outbox: the event survives the crash',
  summary:
    'The same crash, with an outbox. The update and its event row commit in one transaction. ' +
    'Node A crashes and the relay is down, so for a while nobody publishes the event. When the ' +
    'relay starts again it reads the unpublished row and publishes it. The consumer deletes the old ' +
    'email from Redis, and the read on node B gets the new one.',
  ...twoNodes,
  ...oldEmailStored,
  strategy: { ...CACHE_ASIDE, invalidation: { kind: 'outbox' } },
  events: invalidationEvents(),
  network: twoNodeNetwork(),
  script: [
    { atMs: 0, client: 'writer', op: 'write', key: EMAIL_KEY, value: NEW_EMAIL },
    { atMs: 1500, client: 'reader', op: 'read', key: EMAIL_KEY },
  ],
  faults: [
    { atMs: 20, fault: { kind: 'crash', node: RELAY_ID } },
    { atMs: 34, fault: { kind: 'crash', node: 'app-a' } },
    { atMs: 1000, fault: { kind: 'restart', node: RELAY_ID } },
    { atMs: 1000, fault: { kind: 'restart', node: 'app-a' } },
  ],
};
