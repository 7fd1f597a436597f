import { describe, expect, it } from 'vitest';
import { exploreRace, racePairOf, runScenario, type RaceExploration } from '../../../src/engine/index.ts';
import type { Scenario } from '../../../src/engine/index.ts';
import { cacheAsideWrongOrder } from '../../../src/content/scenarios/cache-aside-wrong-order.ts';
import { cacheAsideRead } from '../../../src/content/scenarios/cache-aside-read.ts';
import {
  raceFixDoubleDelete,
  raceFixLease,
  raceFixVersionCas,
} from '../../../src/content/scenarios/races/race-fixes.ts';
import { staleOverwriteRace } from '../../../src/content/scenarios/races/stale-overwrite-race.ts';
import { eventDrivenScenarios } from '../../../src/content/scenarios/event-driven/index.ts';
import { writeStrategyScenarios } from '../../../src/content/scenarios/write-strategies/index.ts';

/** Each run as `outcome: step | step | …`, the request id before each step's words. */
const runsOf = (exploration: RaceExploration): string[] =>
  exploration.runs.map(
    (run) => `${run.outcome}: ${run.steps.map((s) => `${s.requestId} ${s.label}`).join(' | ')}`,
  );

const staleRuns = (exploration: RaceExploration): string[] =>
  runsOf(exploration).filter((line) => line.startsWith('stale'));

describe('exploreRace', () => {
  it('the stale-overwrite race: 10 interleavings, stale only where the SET of v1 lands after the DEL', () => {
    const exploration = exploreRace(staleOverwriteRace, { seed: 1 });
    expect(exploration.operations.map((o) => `${o.requestId} ${o.clientLabel} ${o.op}`)).toEqual([
      '1 Bob read',
      '2 Alice write',
    ]);
    expect(exploration.complete).toBe(true);
    expect(runsOf(exploration)).toEqual([
      'fresh: 1 GET miss | 1 SELECT v1 | 1 SET v1 | 2 COMMIT v2 | 2 DEL',
      'fresh: 1 GET miss | 1 SELECT v1 | 2 COMMIT v2 | 1 SET v1 | 2 DEL',
      'stale: 1 GET miss | 1 SELECT v1 | 2 COMMIT v2 | 2 DEL | 1 SET v1',
      'fresh: 1 GET miss | 2 COMMIT v2 | 1 SELECT v2 | 1 SET v2 | 2 DEL',
      'fresh: 1 GET miss | 2 COMMIT v2 | 1 SELECT v2 | 2 DEL | 1 SET v2',
      'fresh: 1 GET miss | 2 COMMIT v2 | 2 DEL | 1 SELECT v2 | 1 SET v2',
      'fresh: 2 COMMIT v2 | 1 GET miss | 1 SELECT v2 | 1 SET v2 | 2 DEL',
      'fresh: 2 COMMIT v2 | 1 GET miss | 1 SELECT v2 | 2 DEL | 1 SET v2',
      'fresh: 2 COMMIT v2 | 1 GET miss | 2 DEL | 1 SELECT v2 | 1 SET v2',
      'fresh: 2 COMMIT v2 | 2 DEL | 1 GET miss | 1 SELECT v2 | 1 SET v2',
    ]);
    expect(exploration.staleRuns).toBe(1);
    const stale = exploration.runs[2]!;
    expect(stale.order).toEqual([1, 1, 2, 2, 1]);
    expect(stale.anomalies.map((a) => `${a.kind}@${a.step}`)).toEqual(['divergence@18', 'stale read@23']);
    expect(stale.firstAnomalyStep).toBe(18);
  });

  it('version compare-and-set: no interleaving ends stale; the older SET is refused', () => {
    const exploration = exploreRace(raceFixVersionCas, { seed: 1 });
    expect(exploration.runs).toHaveLength(10);
    expect(exploration.staleRuns).toBe(0);
    expect(runsOf(exploration)).toContain(
      'fresh: 1 GET miss | 1 SELECT v1 | 2 COMMIT v2 | 2 SET v2 | 1 SET v1 refused',
    );
  });

  it('leases: no interleaving ends stale; the DEL cancels the lease and the late SET is refused', () => {
    const exploration = exploreRace(raceFixLease, { seed: 1 });
    expect(exploration.runs).toHaveLength(10);
    expect(exploration.staleRuns).toBe(0);
    expect(runsOf(exploration)).toContain(
      'fresh: 1 GET miss | 1 SELECT v1 | 2 COMMIT v2 | 2 DEL | 1 SET v1 refused',
    );
  });

  it('delayed double delete: stale only where the SET of v1 lands after the second DEL', () => {
    const exploration = exploreRace(raceFixDoubleDelete, { seed: 1 });
    expect(exploration.runs).toHaveLength(20);
    expect(staleRuns(exploration)).toEqual([
      'stale: 1 GET miss | 1 SELECT v1 | 2 COMMIT v2 | 2 DEL | 2 DEL | 1 SET v1',
    ]);
    // The window: the same SET between the two deletes is repaired by the second.
    expect(runsOf(exploration)).toContain(
      'fresh: 1 GET miss | 1 SELECT v1 | 2 COMMIT v2 | 2 DEL | 1 SET v1 | 2 DEL',
    );
  });

  it('delete before commit: stale where the reader loads v1 between the DEL and the COMMIT', () => {
    const exploration = exploreRace(cacheAsideWrongOrder, { seed: 1 });
    expect(runsOf(exploration)).toEqual([
      'fresh: 1 DEL | 1 COMMIT v2 | 2 GET miss | 2 SELECT v2 | 2 SET v2',
      'fresh: 1 DEL | 2 GET miss | 1 COMMIT v2 | 2 SELECT v2 | 2 SET v2',
      'stale: 1 DEL | 2 GET miss | 2 SELECT v1 | 1 COMMIT v2 | 2 SET v1',
      'stale: 1 DEL | 2 GET miss | 2 SELECT v1 | 2 SET v1 | 1 COMMIT v2',
      'fresh: 2 GET v1 | 1 DEL | 1 COMMIT v2',
    ]);
  });

  it('stops at the bound and says the enumeration is not complete', () => {
    const exploration = exploreRace(staleOverwriteRace, { seed: 1, maxRuns: 4 });
    expect(exploration.runs).toHaveLength(4);
    expect(exploration.maxRuns).toBe(4);
    expect(exploration.complete).toBe(false);
  });

  it('every run it lists replays in the player from its order, with the same anomalies', () => {
    const exploration = exploreRace(raceFixDoubleDelete, { seed: 1 });
    for (const run of exploration.runs) {
      const trace = runScenario(raceFixDoubleDelete, { seed: 1, record: 'frames', race: run.order });
      expect(trace.race?.order).toEqual(run.order);
      expect(trace.race?.followed).toBe(run.order.length);
      expect(trace.anomalies.filter((a) => a.kind !== 'lost write')).toEqual(run.anomalies);
    }
  });
});

describe('race orders in runScenario', () => {
  it('an order that cannot be followed is followed as far as it can, then the lower request id goes', () => {
    const trace = runScenario(staleOverwriteRace, { seed: 1, record: 'frames', race: [2, 2, 2, 1] });
    // Alice's write has only two shared steps: the third entry finds her done.
    expect(trace.race?.followed).toBe(2);
    expect(trace.race?.order).toEqual([2, 2, 1, 1, 1]);
  });

  it('rejects an order that does not name exactly two operations of the script', () => {
    const attempt = (race: number[]) => () =>
      runScenario(staleOverwriteRace, { seed: 1, record: 'frames', race });
    expect(attempt([1, 1, 1])).toThrow(/two operations of the script \(request ids 1 to 3\), got 1\.1\.1/);
    expect(attempt([1, 4])).toThrow(RangeError);
    expect(attempt([1, 2, 3])).toThrow(RangeError);
  });

  it('a run without a race order records no race and keeps time order', () => {
    expect(runScenario(staleOverwriteRace, { seed: 1, record: 'frames' }).race).toBeUndefined();
  });
});

describe('racePairOf', () => {
  it('picks the first read and write of one key by two clients', () => {
    const pairOf = (scenario: Scenario) => {
      const pair = racePairOf(scenario);
      return pair.ok ? pair.operations.map((o) => `${o.requestId} ${o.clientLabel} ${o.op} ${o.key}`) : [];
    };
    expect(pairOf(staleOverwriteRace)).toEqual(['1 Bob read user:42:email', '2 Alice write user:42:email']);
    expect(pairOf(cacheAsideWrongOrder)).toEqual([
      '1 Writer write user:42:email',
      '2 Reader read user:42:email',
    ]);
  });

  it('says why a run has no race to explore', () => {
    const single = racePairOf(cacheAsideRead);
    expect(single).toEqual({ ok: false, reason: expect.stringMatching(/No two clients/) });
    const events = racePairOf(eventDrivenScenarios[0]!);
    expect(events).toEqual({ ok: false, reason: expect.stringMatching(/event broker/) });
    const behind = writeStrategyScenarios.find((s) => s.strategy.write.kind === 'write-behind')!;
    expect(racePairOf(behind)).toEqual({ ok: false, reason: expect.stringMatching(/write-behind/) });
    const sameClient: Scenario = {
      ...staleOverwriteRace,
      script: staleOverwriteRace.script.map((op) => ({ ...op, client: 'alice' })),
    };
    expect(racePairOf(sameClient).ok).toBe(false);
  });

  it('exploreRace refuses a scenario without a race, with the reason', () => {
    expect(() => exploreRace(cacheAsideRead, { seed: 1 })).toThrow(/No two clients/);
  });
});
