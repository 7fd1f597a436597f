import { describe, expect, it } from 'vitest';
import { LoadArrivals, runScenario, type LoadSpec, type Scenario } from '../../../src/engine/index.ts';
import { createRandom } from '../../../src/engine/sim/random.ts';
import { getScenario } from '../../../src/content/scenarios/index.ts';
import { labScenario, steadyLoad } from './labScenario.ts';

const metrics = (scenario: Scenario, seed = 7) => runScenario(scenario, { seed, record: 'metrics' }).series!;
const frames = (scenario: Scenario, seed = 7) => runScenario(scenario, { seed, record: 'frames' });

describe('reads of absent ids (load.absent)', () => {
  const spec: LoadSpec = {
    ...steadyLoad(100, 10, 20),
    absent: { ratePerSecond: 300, ids: 50, atMs: 2_000, durationMs: 5_000 },
  };

  it('ask for key:<count + n>, n uniform over the ids, only in their window, at their rate', () => {
    const arrivals = new LoadArrivals(spec, createRandom(3));
    const absent: { atMs: number; key: string }[] = [];
    let total = 0;
    for (let a = arrivals.next(); a !== null; a = arrivals.next()) {
      total++;
      if (a.absent) {
        expect(a.write).toBe(false);
        absent.push(a);
      } else expect(Number(a.key.slice('key:'.length))).toBeLessThanOrEqual(20);
    }
    const ids = new Set(absent.map((a) => Number(a.key.slice('key:'.length))));
    expect(Math.min(...ids)).toBe(21);
    expect(Math.max(...ids)).toBe(70);
    expect(ids.size).toBe(50);
    expect(absent.every((a) => a.atMs >= 2_000 && a.atMs < 7_000)).toBe(true);
    // 300 a second for 5 s, and 100 a second for 10 s: Poisson, so within a few √n of 1,500 and 1,000.
    expect(absent.length).toBe(1_531);
    expect(total - absent.length).toBe(1_016);
  });

  it('are counted as issued and as selects that found no row, each second', () => {
    const series = metrics(labScenario(spec));
    const absent = series.buckets.map((b) => b.absentReads);
    const notFound = series.buckets.map((b) => b.dbNotFound);
    expect(absent).toEqual([0, 0, 308, 302, 309, 310, 303, 0, 0, 0]);
    // No protection: each one is a miss and a query that finds nothing. A query runs a few ms after
    // its read is issued, so a few near the end of a second are counted in the next.
    expect(notFound).toEqual([0, 0, 305, 301, 311, 306, 306, 3, 0, 0]);
    expect(series.totals.absentReads).toBe(1_532);
    expect(series.totals.dbNotFound).toBe(1_532);
  });

  it('are refused when they cannot run, with a message naming what is wrong', () => {
    const fails = (absent: LoadSpec['absent'], extra: Partial<LoadSpec>, message: RegExp) =>
      expect(() => metrics(labScenario({ ...steadyLoad(10, 1, 5), ...extra, absent }))).toThrow(message);
    fails({ ratePerSecond: 0, ids: 5 }, {}, /rate per second of absent ids must be a number above 0/);
    fails({ ratePerSecond: 5, ids: 0.5 }, {}, /number of absent ids must be a whole number ≥ 1/);
    fails({ ratePerSecond: 5, ids: 5, atMs: -1 }, {}, /start in ms of absent ids/);
    fails(
      { ratePerSecond: 5, ids: 5 },
      { hotKeyBursts: [{ atMs: 0, durationMs: 10, key: 'key:7', ratePerSecond: 5 }] },
      /hot-key burst 0 names key:7, one of the absent ids \(key:6 and up\)/,
    );
  });
});

describe('a warm-up with TTL jitter', () => {
  const warm = (jitterSeconds: number): Scenario =>
    labScenario({
      ...steadyLoad(5, 1, 200),
      warmUp: { atMs: 0, keys: 'all', ttlSeconds: 10, jitterSeconds },
    });

  it('gives each key its TTL plus a whole number of seconds from 0 to the jitter, drawn per key', () => {
    const step = frames(warm(4)).frames.find((f) => f.cause.kind === 'cache warmed')!;
    expect(step.narration).toEqual({
      key: 'load.warm-up.jitter',
      params: { count: 200, ttl: 10, jitter: 4, from: 'key:1', to: 'key:200' },
    });
    const ttls = step.cache.map((r) => r.ttlRemainingMs);
    const counts = [10_000, 11_000, 12_000, 13_000, 14_000].map((ms) => ttls.filter((t) => t === ms).length);
    expect(counts).toEqual([36, 41, 46, 35, 42]);
  });

  it('draws from its own stream: the arrivals and latencies of the run stay where they were', () => {
    const issued = (s: Scenario) => metrics(s).buckets.map((b) => [b.issued, b.p99Ms]);
    expect(issued(warm(4))).toEqual(issued(warm(0)));
  });

  it('spreads the avalanche: no second sees every key expire', () => {
    const avalanche = (jitterSeconds: number) =>
      labScenario({
        ...steadyLoad(200, 20, 100),
        warmUp: { atMs: 0, keys: 'all', ttlSeconds: 5, jitterSeconds },
      });
    const peak = (s: Scenario) => Math.max(...metrics(s).buckets.map((b) => b.expirations));
    expect(peak(avalanche(0))).toBe(100);
    expect(peak(avalanche(9))).toBe(14);
  });

  it('is refused when not a whole number of seconds', () => {
    expect(() =>
      metrics(labScenario({ ...steadyLoad(5, 1, 5), warmUp: { atMs: 0, keys: 'all', jitterSeconds: 1.5 } })),
    ).toThrow(/warm-up TTL jitter in seconds must be a whole number ≥ 0/);
  });
});

describe('a cache size limit (cache.limit)', () => {
  const limited = (maxKeys: number, policy: 'allkeys-lru' | 'allkeys-random' = 'allkeys-lru') =>
    labScenario(
      { ...steadyLoad(300, 10, 200), keys: { count: 200, popularity: { kind: 'zipf', alpha: 1 } } },
      { cache: { entries: [], limit: { maxKeys, policy } } },
    );

  it('holds at most that many keys, evicting by the policy, and costs hits', () => {
    const full = metrics(limited(1_000)).totals;
    const small = metrics(limited(20)).totals;
    expect(full.evictions).toBe(0);
    expect(small.evictions).toBe(1_716);
    expect(small.hits).toBeLessThan(full.hits);
    const few = labScenario(steadyLoad(100, 2, 200), {
      cache: { entries: [], limit: { maxKeys: 20, policy: 'allkeys-lru' } },
    });
    const sizes = frames(few).frames.map((f) => f.cache.length);
    expect(Math.max(...sizes)).toBe(20);
  });

  it('with noeviction, a write over the limit is refused, and the narration says so', () => {
    const base = getScenario('penetration-null-caching')!;
    const full = { ...base, cache: { entries: [], limit: { maxKeys: 1, policy: 'noeviction' as const } } };
    const said = frames(full, 1).frames.map((f) => f.narration.key);
    expect(said.filter((key) => key === 'cache.refused')).toHaveLength(1);
    expect(said.filter((key) => key === 'app.read.none.not-cached')).toHaveLength(1);
    const refusal = frames(full, 1).frames.find((f) => f.narration.key === 'cache.refused')!;
    expect(refusal.narration.params).toEqual({
      command: 'SET product:722 __null__ EX 5',
      error: "OOM command not allowed when used memory > 'maxmemory'.",
    });
  });

  it('is refused with a message when it cannot be', () => {
    expect(() => metrics(limited(0))).toThrow(
      /the cache's size limit in keys must be a whole number above 0/,
    );
    expect(() =>
      metrics({
        ...limited(5),
        cache: { entries: [], limit: { maxKeys: 5, policy: 'lru' as 'allkeys-lru' } },
      }),
    ).toThrow(/unknown eviction policy "lru"/);
  });
});
