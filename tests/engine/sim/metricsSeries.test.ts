import { describe, expect, it } from 'vitest';
import {
  CACHE_ASIDE,
  runScenario,
  type MetricsBucket,
  type MetricsCounts,
  type OperationRecord,
} from '../../../src/engine/index.ts';
import { labScenario, steadyLoad } from './labScenario.ts';

// `record: 'metrics'` runs count per virtual second: what is counted, that the seconds add up to
// the totals, and that memory follows virtual time, not requests.

const SUMMED = [
  'issued',
  'requests',
  'failed',
  'hits',
  'misses',
  'dbReads',
  'dbWrites',
  'evictions',
  'expirations',
  'warmed',
  'staleReads',
] as const;

const nearestRank = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1]!;
};

const latencyOf = (op: OperationRecord) => op.completedAt! - op.invokedAt;

/** A short run with writes and a 1 s TTL, so keys expire and refill within it. */
const small = labScenario(steadyLoad(8, 3, 5, 0.25), {
  strategy: { ...labScenario(steadyLoad(1, 1)).strategy, ttlSeconds: 1 },
});

describe('the metrics series', () => {
  it('gives exact values at a fixed seed', () => {
    const trace = runScenario(small, { seed: 42, record: 'metrics' });
    const zero = { failed: 0, evictions: 0, warmed: 0, staleReads: 0, absentReads: 0, dbNotFound: 0 };
    expect(trace.series).toEqual({
      bucketMs: 1000,
      buckets: [
        {
          startMs: 0,
          ...zero,
          issued: 9,
          requests: 9,
          hits: 3,
          misses: 5,
          dbReads: 5,
          dbWrites: 1,
          expirations: 0,
          p50Ms: 18,
          p95Ms: 21,
          p99Ms: 21,
          maxMs: 21,
        },
        {
          startMs: 1000,
          ...zero,
          issued: 8,
          requests: 8,
          hits: 2,
          misses: 3,
          dbReads: 3,
          dbWrites: 3,
          expirations: 4,
          p50Ms: 20,
          p95Ms: 26,
          p99Ms: 26,
          maxMs: 26,
        },
        {
          startMs: 2000,
          ...zero,
          issued: 4,
          requests: 4,
          hits: 0,
          misses: 2,
          dbReads: 2,
          dbWrites: 2,
          expirations: 1,
          p50Ms: 19,
          p95Ms: 22,
          p99Ms: 22,
          maxMs: 22,
        },
      ],
      totals: {
        ...zero,
        issued: 21,
        requests: 21,
        hits: 5,
        misses: 10,
        dbReads: 10,
        dbWrites: 6,
        expirations: 5,
        p50Ms: 19,
        p95Ms: 22,
        p99Ms: 26,
        maxMs: 26,
      },
    });
    expect(trace.totals).toEqual({
      hits: 5,
      misses: 10,
      dbReads: 10,
      dbWrites: 6,
      events: 199,
      requests: 21,
      virtualTimeMs: 2896,
    });
  });

  it('has the latencies of the frames run’s history: issue to response, by the second it completed', () => {
    const metrics = runScenario(small, { seed: 42, record: 'metrics' });
    const frames = runScenario(small, { seed: 42, record: 'frames' });
    const ops = frames.history.operations;
    expect(ops.every((op) => op.completedAt !== null)).toBe(true);
    metrics.series!.buckets.forEach((bucket, second) => {
      const latencies = ops.filter((op) => Math.floor(op.completedAt! / 1000) === second).map(latencyOf);
      expect(bucket.requests).toBe(latencies.length);
      expect([bucket.p50Ms, bucket.p95Ms, bucket.p99Ms, bucket.maxMs]).toEqual([
        nearestRank(latencies, 50),
        nearestRank(latencies, 95),
        nearestRank(latencies, 99),
        Math.max(...latencies),
      ]);
    });
    expect(metrics.series!.totals.p99Ms).toBe(nearestRank(ops.map(latencyOf), 99));
  });

  it('adds up: the buckets sum to the series totals, which agree with the trace totals', () => {
    const trace = runScenario(labScenario(steadyLoad(300, 20, 100, 0.1)), { seed: 3, record: 'metrics' });
    const { buckets, totals } = trace.series!;
    expect(buckets.map((b) => b.startMs)).toEqual(buckets.map((_, i) => i * 1000));
    expect(buckets).toHaveLength(Math.floor(trace.totals.virtualTimeMs / 1000) + 1);
    const sums = Object.fromEntries(SUMMED.map((name) => [name, buckets.reduce((a, b) => a + b[name], 0)]));
    expect(sums).toEqual(Object.fromEntries(SUMMED.map((name) => [name, totals[name]])));
    const { hits, misses, dbReads, dbWrites, requests } = trace.totals;
    expect(totals).toMatchObject({ hits, misses, dbReads, dbWrites, requests, issued: requests, failed: 0 });
    // Every request issued was answered; the write mix shows as commits.
    expect(Math.abs(totals.dbWrites / totals.issued - 0.1)).toBeLessThan(0.02);
  });

  it('counts Poisson arrivals per second: mean and variance near the rate', () => {
    const { buckets } = runScenario(labScenario(steadyLoad(100, 60)), { seed: 5, record: 'metrics' }).series!;
    const counts = buckets.slice(0, 60).map((b) => b.issued);
    const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
    const variance = counts.reduce((a, x) => a + (x - mean) ** 2, 0) / (counts.length - 1);
    // Over 60 s: the mean's standard error is 1.3, the variance's about 18.
    expect(Math.abs(mean - 100)).toBeLessThan(5.5);
    expect(Math.abs(variance - 100)).toBeLessThan(60);
  });

  it('counts the checker’s stale reads as the run goes: the same reads a frames run finds', () => {
    // Deleting before the commit: a read between the DEL and the commit loads the old row and
    // puts it back, and reads after the commit get it until the TTL ends.
    const racy = labScenario(steadyLoad(100, 5, 4, 0.2), {
      database: { readLatencyMs: 5, writeLatencyMs: 30, rows: [] },
      strategy: { ...CACHE_ASIDE, write: { kind: 'write-around', deleteKey: 'before-commit' } },
    });
    const metrics = runScenario(racy, { seed: 11, record: 'metrics' });
    const frames = runScenario(racy, { seed: 11, record: 'frames' });
    const staleInFrames = frames.anomalies.filter((a) => a.kind === 'stale read');
    expect(staleInFrames.length).toBeGreaterThan(0);
    expect(metrics.series!.totals.staleReads).toBe(staleInFrames.length);
    // …and in the seconds they completed in.
    const perSecond = metrics.series!.buckets.map((b) => b.staleReads);
    const expected = perSecond.map(
      (_, second) => staleInFrames.filter((a) => Math.floor(a.time / 1000) === second).length,
    );
    expect(perSecond).toEqual(expected);
  });

  it('grows with virtual time, not with requests: ten times the load, the same series length', () => {
    // A scripted read at 9.5 s ends both runs in the same second, whenever their loads' last replies come.
    const run = (ratePerSecond: number) =>
      runScenario(
        labScenario(steadyLoad(ratePerSecond, 8), {
          script: [{ atMs: 9_500, client: 'c1', op: 'read', key: 'key:1' }],
        }),
        { seed: 1, record: 'metrics' },
      );
    const light = run(50);
    const heavy = run(500);
    expect(light.series!.buckets).toHaveLength(10);
    expect(heavy.series!.totals.requests).toBeGreaterThan(8 * light.series!.totals.requests);
    expect(heavy.series!.buckets).toHaveLength(light.series!.buckets.length);
    // Nothing else in a metrics trace holds per-request data.
    for (const trace of [light, heavy]) {
      expect(trace.frames).toEqual([]);
      expect(trace.history).toEqual({ operations: [], commits: [], losses: [] });
      expect(trace.anomalies).toEqual([]);
    }
    const size = (trace: typeof light) => JSON.stringify(trace).length;
    expect(size(heavy) / size(light)).toBeLessThan(1.25);
  });

  it('counts evictions, here with a memory limit typed into the console', () => {
    const scenario = labScenario(steadyLoad(200, 5, 200));
    const limited = runScenario(scenario, {
      seed: 1,
      record: 'metrics',
      console: [
        { atStep: 0, argv: ['CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lru'] },
        { atStep: 0, argv: ['CONFIG', 'SET', 'maxmemory', '3000'] },
      ],
    }).series!;
    const unlimited = runScenario(scenario, { seed: 1, record: 'metrics' }).series!;
    expect(unlimited.totals.evictions).toBe(0);
    // A full cache evicts about one key per fill, every second of the run.
    expect(limited.buckets.slice(0, 5).every((b) => b.evictions > 100)).toBe(true);
    expect(limited.totals.hits).toBeLessThan(unlimited.totals.hits / 2);
  });

  it('is left out of frames runs, and counts the same totals as they do', () => {
    const scenario = labScenario(steadyLoad(40, 3, 10, 0.2));
    const frames = runScenario(scenario, { seed: 2, record: 'frames' });
    const metrics = runScenario(scenario, { seed: 2, record: 'metrics' });
    expect(frames.series).toBeUndefined();
    expect(metrics.totals).toEqual(frames.totals);
  });

  it('is there for a scripted run too, with a bucket per second of it', () => {
    const scripted = labScenario(steadyLoad(1, 1), {
      load: undefined,
      script: [
        { atMs: 0, client: 'c1', op: 'read', key: 'k' },
        { atMs: 2_500, client: 'c1', op: 'read', key: 'k' },
      ],
      database: { readLatencyMs: 5, writeLatencyMs: 5, rows: [{ key: 'k', value: 'v', version: 1 }] },
    });
    const { buckets, totals } = runScenario(scripted, { seed: 1, record: 'metrics' }).series!;
    expect(buckets.map((b: MetricsBucket) => [b.issued, b.requests, b.hits, b.misses])).toEqual([
      [1, 1, 0, 1],
      [0, 0, 0, 0],
      [1, 1, 1, 0],
    ]);
    expect(buckets[1]!.p50Ms).toBeNull();
    expect(totals).toMatchObject<Partial<MetricsCounts>>({ issued: 2, requests: 2 });
  });
});
