import { CACHE_ASIDE, type Scenario } from '../../../engine/index.ts';
import { dataCentreNetwork } from '../network.ts';

const PROFILES = [
  { key: 'user:1:profile', value: 'Ada Lovelace', version: 1 },
  { key: 'user:2:profile', value: 'Grace Hopper', version: 1 },
  { key: 'user:3:profile', value: 'Alan Turing', version: 1 },
  { key: 'user:4:profile', value: 'Barbara Liskov', version: 1 },
];

/**
 * noeviction. Redis checks the limit before it runs a command, as it compares used memory with
 * maxmemory: at 2 keys the cache is at its limit, not over it, so the SET that brings it to 3 runs.
 * From then on it is over the limit, and every command that could add data is refused.
 */
export const noevictionOom: Scenario = {
  id: 'noeviction-oom',
  title: 'noeviction: a full cache refuses writes with OOM',
  summary:
    'The cache may hold 2 keys with the policy noeviction, and holds 2. Redis checks the limit ' +
    'before each command, so the SET of user:3 still runs and takes the cache over its limit. The ' +
    'SET of user:4 is refused: OOM command not allowed. The read is still answered from the ' +
    'database, and reads of cached keys still hit: only writes fail.',
  clients: [{ id: 'browser', label: 'Browser', server: 'app' }],
  appNodes: [{ id: 'app', label: 'App server' }],
  cache: {
    entries: PROFILES.slice(0, 2).map((row) => ({ ...row, ttlSeconds: 60 })),
    limit: { maxKeys: 2, policy: 'noeviction' },
  },
  database: { readLatencyMs: 8, writeLatencyMs: 15, rows: PROFILES },
  strategy: { ...CACHE_ASIDE },
  network: dataCentreNetwork(['browser'], ['app']),
  script: [
    { atMs: 0, client: 'browser', op: 'read', key: 'user:3:profile' },
    { atMs: 1_000, client: 'browser', op: 'read', key: 'user:4:profile' },
    { atMs: 2_000, client: 'browser', op: 'read', key: 'user:1:profile' },
  ],
};
