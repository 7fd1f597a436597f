import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from '../../../src/engine/load/latencyHistogram.ts';
import { createRandom } from '../../../src/engine/sim/random.ts';

/** Nearest-rank percentile of a list: the smallest value with at least p% of the list at or below it. */
const nearestRank = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1]!;
};

const histogramOf = (values: readonly number[]): LatencyHistogram => {
  const histogram = new LatencyHistogram();
  for (const v of values) histogram.record(v);
  return histogram;
};

describe('latency percentiles', () => {
  it('are exact by nearest rank below 128 ms: a hand-made set', () => {
    // 20 latencies: sorted, 1 2 3 … with a tail. p50 is the 10th value, p95 the 19th, p99 the 20th.
    const values = [5, 3, 9, 1, 7, 2, 8, 4, 6, 10, 11, 12, 13, 14, 15, 16, 17, 18, 90, 120];
    expect(histogramOf(values).percentiles()).toEqual({ p50Ms: 10, p95Ms: 90, p99Ms: 120, maxMs: 120 });
    // One value: every percentile is it.
    expect(histogramOf([42]).percentiles()).toEqual({ p50Ms: 42, p95Ms: 42, p99Ms: 42, maxMs: 42 });
    // A hundred values 1…100: p50 = 50, p95 = 95, p99 = 99.
    const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(histogramOf(hundred).percentiles()).toEqual({ p50Ms: 50, p95Ms: 95, p99Ms: 99, maxMs: 100 });
  });

  it('agree with the exact nearest rank on random sets below 128 ms', () => {
    const random = createRandom(3);
    for (let round = 0; round < 20; round++) {
      const values = Array.from({ length: 1 + random.int(0, 500) }, () => random.int(0, 127));
      const got = histogramOf(values).percentiles()!;
      expect([got.p50Ms, got.p95Ms, got.p99Ms]).toEqual([50, 95, 99].map((p) => nearestRank(values, p)));
    }
  });

  it('are within 1/64 above 128 ms, never below the true value, never above the largest', () => {
    const random = createRandom(4);
    for (let round = 0; round < 20; round++) {
      const values = Array.from({ length: 1000 }, () => Math.floor(Math.exp(random.next() * 16)));
      const got = histogramOf(values).percentiles()!;
      const max = Math.max(...values);
      expect(got.maxMs).toBe(max);
      for (const [p, reported] of [
        [50, got.p50Ms],
        [95, got.p95Ms],
        [99, got.p99Ms],
      ] as const) {
        const exact = nearestRank(values, p);
        expect(reported).toBeGreaterThanOrEqual(exact);
        expect(reported).toBeLessThanOrEqual(Math.min(max, exact + exact / 64));
      }
    }
  });

  it('drop fractions of a millisecond, clamp huge values, and have none when empty or cleared', () => {
    expect(histogramOf([2.9, 2.1, 0.5]).percentiles()).toEqual({ p50Ms: 2, p95Ms: 2, p99Ms: 2, maxMs: 2 });
    expect(histogramOf([1e12]).percentiles()!.maxMs).toBe(0x7fffffff);
    const histogram = histogramOf([1, 2, 3]);
    expect(histogram.count).toBe(3);
    histogram.clear();
    expect(histogram.count).toBe(0);
    expect(histogram.percentiles()).toBeNull();
    histogram.record(7);
    expect(histogram.percentiles()).toEqual({ p50Ms: 7, p95Ms: 7, p99Ms: 7, maxMs: 7 });
  });
});
