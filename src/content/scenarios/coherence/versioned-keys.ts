import { CACHE_ASIDE, type Scenario } from '../../../engine/index.ts';
import { EMAIL_KEY, twoNodes } from './two-nodes.ts';

export const versionedKeys: Scenario = {
  id: 'versioned-keys',
  title: 'Versioned keys',
  summary:
    'The cache key carries the row’s version: user:42:email:v1. A reader first asks which version is current, ' +
    'then reads that version’s key. Alice’s write only moves the version pointer to 2, so Bob’s next read ' +
    'looks up a new key and never sees the old value. Nobody deletes user:42:email:v1: it lingers, unread, ' +
    'until its 30-second TTL ends.',
  ...twoNodes({ ...CACHE_ASIDE, invalidation: { kind: 'versioned-keys' } }),
  script: [
    { atMs: 0, client: 'bob', op: 'read', key: EMAIL_KEY },
    { atMs: 500, client: 'alice', op: 'write', key: EMAIL_KEY, value: 'alice@new.example' },
    { atMs: 1000, client: 'bob', op: 'read', key: EMAIL_KEY },
    { atMs: 30_500, client: 'bob', op: 'read', key: EMAIL_KEY },
  ],
};
