import type { RaceFix, Scenario } from '../../../engine/index.ts';
import { staleOverwriteRace } from './stale-overwrite-race.ts';

/** The race's clients, latencies and script, with one fix in the strategy. */
function withFix(fix: RaceFix, id: string, title: string, summary: string): Scenario {
  return {
    ...staleOverwriteRace,
    id,
    title,
    summary,
    strategy: { ...staleOverwriteRace.strategy, raceFix: fix },
  };
}

export const raceFixVersionCas = withFix(
  { kind: 'version-cas' },
  'race-fix-version-cas',
  'Fix: compare versions before storing',
  'The same race. Every SET carries the row version, and the cache keeps a value only over an older one. ' +
    'Node A stores version 2; when Node B tries to store version 1, the cache refuses it.',
);

export const raceFixDoubleDelete = withFix(
  { kind: 'delayed-double-delete', delayMs: 100 },
  'race-fix-double-delete',
  'Fix: delete the key again after a delay',
  'The same race. Node A deletes the key after the commit, and again 100 ms later. Node B still puts ' +
    'version 1 back, but the second delete removes it. The next read loads version 2.',
);

export const raceFixLease = withFix(
  { kind: 'lease' },
  'race-fix-lease',
  'Fix: leases',
  "The same race. Bob's miss gets a lease from the cache. Node A's delete cancels the lease, so the cache " +
    'refuses the SET of version 1 that Node B brings later. The next read loads version 2.',
);
