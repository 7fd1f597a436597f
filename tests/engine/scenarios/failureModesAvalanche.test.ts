import { describe, expect, it } from 'vitest';
import type { Trace } from '../../../src/engine/index.ts';
import { avalancheScenarios } from '../../../src/content/scenarios/failure-modes/index.ts';
import { avalancheJitter, avalancheOneTtl } from '../../../src/content/scenarios/failure-modes/avalanche.ts';
import { narrationTemplates } from '../../../src/content/narration.ts';
import { framesSaying, run } from '../traceHelpers.ts';

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];
const ROUND_MS = 1_200;

/** The TTL, in seconds, of each fill the warm-up made (before the second round). */
const warmUpTtls = (trace: Trace) =>
  framesSaying(trace, 'app.read.fill')
    .filter((f) => f.time < ROUND_MS)
    .map((f) => Number(f.narration.params['ttl']));
/** Queries the database started in the second round. */
const roundQueries = (trace: Trace) =>
  framesSaying(trace, 'db.select.start').filter((f) => f.time >= ROUND_MS);

describe('the avalanche lesson', () => {
  it('lists one TTL, then jitter, with the same readers and script', () => {
    expect(avalancheScenarios.map((s) => s.id)).toEqual(['avalanche-one-ttl', 'avalanche-jitter']);
    expect(avalancheJitter.script).toEqual(avalancheOneTtl.script);
    expect({ ...avalancheJitter.strategy, ttlJitterSeconds: 0 }).toEqual(avalancheOneTtl.strategy);
  });
});

describe('avalanche-one-ttl', () => {
  it.each(SEEDS)(
    'seed %i: four keys filled with one TTL expire together, and four queries start in the same ms',
    (seed) => {
      const trace = run(avalancheOneTtl, seed);
      expect(warmUpTtls(trace)).toEqual([1, 1, 1, 1]);
      // All four are gone before the readers come back (the background sweep finds them).
      const gone = framesSaying(trace, 'cache.expire.active').filter((f) => f.time < ROUND_MS);
      expect(gone.reduce((sum, f) => sum + Number(f.narration.params['count']), 0)).toBe(4);
      expect(roundQueries(trace).map((f) => f.time)).toEqual([1209, 1209, 1209, 1209]);
    },
  );
});

describe('avalanche-jitter', () => {
  it.each(SEEDS)(
    'seed %i: TTLs drawn from 1 to 4 s; only the keys drawn 1 s are queried at 1.2 s',
    (seed) => {
      const trace = run(avalancheJitter, seed);
      const ttls = warmUpTtls(trace);
      expect(ttls).toHaveLength(4);
      for (const ttl of ttls) expect(ttl).toBeGreaterThanOrEqual(1);
      for (const ttl of ttls) expect(ttl).toBeLessThanOrEqual(4);
      expect(roundQueries(trace)).toHaveLength(ttls.filter((ttl) => ttl === 1).length);
    },
  );

  it('at seed 1 draws 1, 1, 2 and 2 s: two queries at 1.2 s instead of four', () => {
    const trace = run(avalancheJitter, 1);
    expect(warmUpTtls(trace)).toEqual([1, 1, 2, 2]);
    expect(roundQueries(trace).map((f) => f.narration.params['key'])).toEqual(['page:home', 'page:sale']);
  });

  it('spreads the expiries over more than one second at each of these seeds', () => {
    const spreads = SEEDS.map((seed) => new Set(warmUpTtls(run(avalancheJitter, seed))).size);
    expect(spreads.filter((distinct) => distinct > 1)).toHaveLength(SEEDS.length);
  });
});

describe('every avalanche scenario', () => {
  it.each(SEEDS)(
    'seed %i: settles, answers every read, finds no anomaly, and says only what has a sentence',
    (seed) => {
      for (const scenario of avalancheScenarios) {
        const trace = run(scenario, seed);
        expect(trace.frames.at(-1)!.narration.key, scenario.id).toBe('run.end');
        expect(framesSaying(trace, 'client.read.done'), scenario.id).toHaveLength(8);
        expect(trace.anomalies, scenario.id).toEqual([]);
        for (const frame of trace.frames)
          expect(narrationTemplates[frame.narration.key], frame.narration.key).toBeDefined();
      }
    },
  );
});
