import { describe, expect, it } from 'vitest';
import { parseScenario, scenarioSchema } from '../../../src/content/schema.ts';
import { labScenario, steadyLoad } from './labScenario.ts';

// Scenarios are validated as data (DESIGN.md, rule 4): the content schema knows about loads.

describe('the scenario schema and loads', () => {
  it('accepts a scenario whose load replaces the script', () => {
    const scenario = labScenario({
      ...steadyLoad(100, 5, 10, 0.1),
      keys: { count: 10, popularity: { kind: 'zipf', alpha: 0.9 } },
      hotKeyBursts: [
        { atMs: 1_000, durationMs: 500, rank: 1, ratePerSecond: 300 },
        { atMs: 2_000, durationMs: 500, key: 'trending', ratePerSecond: 300 },
      ],
      warmUp: { atMs: 0, keys: 'all', ttlSeconds: 30, staggerMs: 100 },
    });
    const parsed = parseScenario(scenario);
    expect(parsed.load).toEqual(scenario.load);
    expect(parsed.script).toEqual([]);
  });

  it('refuses a scenario with neither script nor load, and a load without an end', () => {
    const nothing = scenarioSchema.safeParse({ ...labScenario(steadyLoad(1, 1)), load: undefined });
    expect(nothing.success).toBe(false);
    expect(nothing.error!.issues.map((i) => i.message)).toContain('a scenario needs a script or a load');
    const endless = scenarioSchema.safeParse(
      labScenario({
        arrivals: { kind: 'poisson', ratePerSecond: 5 },
        keys: { count: 1, popularity: { kind: 'uniform' } },
        writeFraction: 0,
      }),
    );
    expect(endless.success).toBe(false);
    const bad = scenarioSchema.safeParse(labScenario({ ...steadyLoad(5, 1), writeFraction: 2 }));
    expect(bad.error!.issues.map((i) => i.path.join('.'))).toContain('load.writeFraction');
  });
});
