import type { Scenario } from '../../../engine/index.ts';
import { writeBehindScenario } from './write-behind.ts';

/** The write-behind scenario, with the cache crashing before its first flush. */
export const writeBehindCrash: Scenario = {
  ...writeBehindScenario,
  id: 'write-behind-crash',
  title: 'Write-behind: the cache crashes before the flush',
  summary:
    'Three writes are confirmed while they are only in cache memory. The cache crashes before it sends ' +
    'them to the database, so all three are lost. After a restart the cache is empty, and a read loads the old value.',
  script: [
    ...writeBehindScenario.script.filter((op) => op.op === 'write'),
    { atMs: 1500, client: 'alice', op: 'read', key: 'cart:7:total' },
  ],
  faults: [
    { atMs: 500, fault: { kind: 'crash', node: 'cache' } },
    { atMs: 1000, fault: { kind: 'restart', node: 'cache' } },
  ],
};
