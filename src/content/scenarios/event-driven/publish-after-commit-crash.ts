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
 * The dual write: the node commits, then publishes. It crashes in between (while the database's
 * answer is on its way back: the commit arrives at 33 ms, the answer at 36 ms), so the event is never
 * sent and nothing deletes the cached copy until its TTL ends.
 */
export const publishAfterCommitCrash: Scenario = {
  id: 'publish-after-commit-crash',
  title: 'Publish after commit: a crash loses the invalidation',
  summary:
    'Redis holds the old email. Node A commits the new one, then must publish an event to delete ' +
    'the cached copy. It crashes before it can. The event is never sent, so Redis keeps the old ' +
    'email until its TTL ends, and a read on node B gets it.',
  ...twoNodes,
  ...oldEmailStored,
  strategy: { ...CACHE_ASIDE, invalidation: { kind: 'publish-after-commit' } },
  events: invalidationEvents(),
  network: twoNodeNetwork(),
  script: [
    { atMs: 0, client: 'writer', op: 'write', key: EMAIL_KEY, value: NEW_EMAIL },
    { atMs: 1500, client: 'reader', op: 'read', key: EMAIL_KEY },
    { atMs: 31_000, client: 'reader', op: 'read', key: EMAIL_KEY },
  ],
  faults: [
    { atMs: 34, fault: { kind: 'crash', node: 'app-a' } },
    { atMs: 1000, fault: { kind: 'restart', node: 'app-a' } },
  ],
};
