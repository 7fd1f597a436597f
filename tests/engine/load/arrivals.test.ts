import { describe, expect, it } from 'vitest';
import { LoadArrivals, type Arrival } from '../../../src/engine/load/arrivals.ts';
import type { LoadSpec } from '../../../src/engine/load/loadSpec.ts';
import { zipfProbabilities } from '../../../src/engine/load/zipf.ts';
import { createRandom } from '../../../src/engine/sim/random.ts';

// The load generator on its own, without a run: Poisson arrivals, key popularity, the read/write
// mix, hot-key bursts and where a load ends.

const base: LoadSpec = {
  arrivals: { kind: 'poisson', ratePerSecond: 50 },
  durationMs: 2_000_000,
  keys: { count: 100, popularity: { kind: 'uniform' } },
  writeFraction: 0,
};

const all = (spec: LoadSpec, seed = 1): Arrival[] => {
  const arrivals = new LoadArrivals(spec, createRandom(seed));
  const out: Arrival[] = [];
  for (let a = arrivals.next(); a !== null; a = arrivals.next()) out.push(a);
  return out;
};

/** Arrivals per whole second, empty seconds included, over `seconds` seconds from 0. */
const perSecond = (arrivals: readonly Arrival[], seconds: number): number[] => {
  const counts = new Array<number>(seconds).fill(0);
  for (const { atMs } of arrivals) counts[Math.floor(atMs / 1000)]!++;
  return counts;
};

const meanOf = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const varianceOf = (xs: readonly number[]) => {
  const m = meanOf(xs);
  return xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1);
};

describe('Poisson arrivals', () => {
  const arrivals = all(base);
  const counts = perSecond(arrivals, 2000);

  it('arrive in time order, on whole milliseconds, within the load’s duration', () => {
    expect(arrivals.every((a, i) => i === 0 || a.atMs >= arrivals[i - 1]!.atMs)).toBe(true);
    expect(arrivals.every((a) => Number.isInteger(a.atMs) && a.atMs >= 0 && a.atMs < 2_000_000)).toBe(true);
  });

  it('count λ per second on average, with variance λ too (a Poisson process, not a metronome)', () => {
    // 2,000 seconds at 50/s: the mean's standard error is √(50/2000) ≈ 0.16, the variance's ≈ 1.6.
    expect(Math.abs(meanOf(counts) - 50)).toBeLessThan(0.65);
    expect(Math.abs(varianceOf(counts) - 50)).toBeLessThan(6.5);
  });

  it('have exponential gaps: mean 1/λ, and as many gaps above the mean as e^−1 of them', () => {
    const gaps = arrivals.slice(1).map((a, i) => a.atMs - arrivals[i]!.atMs);
    expect(meanOf(gaps)).toBeCloseTo(20, 0);
    // P(gap > 20 ms) = e^−1 ≈ 0.368 for the continuous gaps; whole ms shift it by under 0.02.
    const longer = gaps.filter((g) => g > 20).length / gaps.length;
    expect(Math.abs(longer - Math.exp(-1))).toBeLessThan(0.02);
  });

  it('are the same for the same seed and differ for another', () => {
    const short: LoadSpec = { ...base, durationMs: 10_000 };
    expect(all(short, 7)).toEqual(all(short, 7));
    expect(all(short, 8)).not.toEqual(all(short, 7));
  });

  it('start at startMs and stop at the request cap or the duration, whichever comes first', () => {
    const capped = all({ ...base, startMs: 5_000, requests: 30 });
    expect(capped).toHaveLength(30);
    expect(capped[0]!.atMs).toBeGreaterThanOrEqual(5_000);
    const timed = all({ ...base, startMs: 5_000, durationMs: 10_000 });
    expect(timed.length).toBeGreaterThan(400);
    expect(timed.at(-1)!.atMs).toBeLessThan(15_000);
    // A cap far off changes nothing.
    expect(all({ ...base, startMs: 5_000, durationMs: 10_000, requests: 1_000_000 })).toEqual(timed);
  });
});

describe('key popularity and the read/write mix', () => {
  it('uniform keys are drawn alike: every key about 1/N of the time', () => {
    const keys = new Map<string, number>();
    for (const { key } of all({ ...base, requests: 100_000 })) keys.set(key, (keys.get(key) ?? 0) + 1);
    expect(keys.size).toBe(100);
    // Each key: 1,000 expected, standard deviation ≈ 31.
    for (const count of keys.values()) expect(Math.abs(count - 1000)).toBeLessThan(140);
  });

  it('Zipf keys are drawn by rank: key:1 most, as often as p_1 says', () => {
    const spec: LoadSpec = {
      ...base,
      requests: 100_000,
      keys: { count: 100, popularity: { kind: 'zipf', alpha: 1 } },
    };
    const drawn = all(spec);
    const p = zipfProbabilities({ alpha: 1, keys: 100 });
    for (const rank of [1, 2, 10]) {
      const share = drawn.filter((a) => a.key === `key:${rank}`).length / drawn.length;
      const sd = Math.sqrt((p[rank - 1]! * (1 - p[rank - 1]!)) / drawn.length);
      expect(Math.abs(share - p[rank - 1]!)).toBeLessThan(4 * sd);
    }
  });

  it('writes make up writeFraction of the load, and the mix does not change which keys are drawn', () => {
    const reads = all({ ...base, requests: 50_000 });
    const mixed = all({ ...base, requests: 50_000, writeFraction: 0.2 });
    const share = mixed.filter((a) => a.write).length / mixed.length;
    expect(Math.abs(share - 0.2)).toBeLessThan(4 * Math.sqrt((0.2 * 0.8) / 50_000));
    expect(reads.every((a) => !a.write)).toBe(true);
    expect(mixed.map((a) => [a.atMs, a.key])).toEqual(reads.map((a) => [a.atMs, a.key]));
  });
});

describe('hot-key bursts', () => {
  const spec: LoadSpec = {
    ...base,
    durationMs: 20_000,
    writeFraction: 0.5,
    hotKeyBursts: [
      { atMs: 5_000, durationMs: 2_000, rank: 7, ratePerSecond: 500 },
      { atMs: 10_000, durationMs: 1_000, key: 'trending', ratePerSecond: 200 },
    ],
  };
  const arrivals = all(spec);

  it('add reads of their key at their rate, only in their window', () => {
    const hot = (key: string, from: number, to: number) =>
      arrivals.filter((a) => a.key === key && a.atMs >= from && a.atMs < to).length;
    // key:7 gets 1/100 of the load's 50/s besides the burst's 500/s.
    expect(hot('key:7', 5_000, 7_000)).toBeGreaterThan(900);
    expect(hot('key:7', 5_000, 7_000)).toBeLessThan(1100);
    expect(hot('key:7', 0, 5_000) + hot('key:7', 7_000, 20_000)).toBeLessThan(30);
    expect(hot('trending', 10_000, 11_000)).toBeGreaterThan(150);
    expect(hot('trending', 0, 10_000) + hot('trending', 11_000, 20_000)).toBe(0);
    expect(arrivals.filter((a) => a.key === 'trending').every((a) => !a.write)).toBe(true);
  });

  it('name keys outside the load’s own, so they get rows too', () => {
    const generator = new LoadArrivals(spec, createRandom(1));
    expect(generator.keyNames).toHaveLength(100);
    expect(generator.otherKeys).toEqual(['trending']);
  });

  it('count towards the request cap', () => {
    expect(all({ ...spec, durationMs: 60_000, requests: 1_000 })).toHaveLength(1_000);
  });
});
