import { describe, expect, it } from 'vitest';
import {
  BloomFilter,
  bloomFalsePositiveRate,
  bloomSize,
} from '../../../src/engine/protection/bloomFilter.ts';

describe('bloomSize', () => {
  it('takes m = −n·ln p / (ln 2)² bits, rounded up, and k = (m/n)·ln 2 hashes, rounded', () => {
    // 1,000 keys at 1%: 9,585.06 bits → 9,586; 9.586 · ln 2 = 6.64 → 7 hashes.
    expect(bloomSize(1_000, 0.01)).toEqual({ bits: 9_586, hashes: 7 });
    // 10 keys at 1%: 95.85 → 96 bits, 7 hashes (the penetration lesson's filter).
    expect(bloomSize(10, 0.01)).toEqual({ bits: 96, hashes: 7 });
    // 1,000 keys at 10%: 4,792.5 → 4,793 bits; 4.793 · ln 2 = 3.32 → 3 hashes.
    expect(bloomSize(1_000, 0.1)).toEqual({ bits: 4_793, hashes: 3 });
    // A loose filter still uses at least one hash.
    expect(bloomSize(1, 0.9).hashes).toBe(1);
  });

  it('refuses sizes that make no filter', () => {
    expect(() => bloomSize(0, 0.01)).toThrow(RangeError);
    expect(() => bloomSize(1.5, 0.01)).toThrow(RangeError);
    expect(() => bloomSize(10, 0)).toThrow(RangeError);
    expect(() => bloomSize(10, 1)).toThrow(RangeError);
    expect(() => new BloomFilter(10, Number.NaN)).toThrow(RangeError);
  });

  it('gives the formula (1 − e^(−kn/m))^k, close to the target rate when full', () => {
    const size = bloomSize(1_000, 0.01);
    expect(bloomFalsePositiveRate(size, 1_000)).toBeCloseTo(0.01, 3);
    expect(bloomFalsePositiveRate(size, 0)).toBe(0);
    // Overfilled, it gets worse: twice the keys, about 16 times the false positives.
    expect(bloomFalsePositiveRate(size, 2_000)).toBeGreaterThan(0.15);
  });
});

describe('BloomFilter', () => {
  const filled = (n: number, p: number) => {
    const filter = new BloomFilter(n, p);
    for (let i = 0; i < n; i++) filter.add(`user:${i}`);
    return filter;
  };

  it('says yes to every key it was given (no false negatives)', () => {
    const filter = filled(1_000, 0.01);
    for (let i = 0; i < 1_000; i++) expect(filter.mightContain(`user:${i}`)).toBe(true);
    expect(filter.items).toBe(1_000);
  });

  it.each([
    [1_000, 0.01],
    [1_000, 0.05],
    [5_000, 0.001],
  ])(
    'with %i keys at p = %f, the measured false-positive rate on 100,000 absent keys is within 15%% of the formula',
    (n, p) => {
      const filter = filled(n, p);
      const tries = 100_000;
      let positives = 0;
      for (let i = 0; i < tries; i++) if (filter.mightContain(`absent:${i}`)) positives++;
      const measured = positives / tries;
      const formula = filter.expectedFalsePositiveRate();
      expect(Math.abs(measured - formula) / formula).toBeLessThan(0.15);
    },
  );

  it('is deterministic: the same keys set the same bits in every run', () => {
    const a = filled(100, 0.01);
    const b = filled(100, 0.01);
    expect(a.bitsSet()).toBe(b.bitsSet());
    const probes = Array.from({ length: 500 }, (_, i) => `probe:${i}`);
    expect(probes.map((k) => a.mightContain(k))).toEqual(probes.map((k) => b.mightContain(k)));
  });

  it('sets at most k bits per key, and about m·(1 − e^(−kn/m)) in all', () => {
    const one = new BloomFilter(10, 0.01);
    one.add('product:1');
    expect(one.bitsSet()).toBeGreaterThan(0);
    expect(one.bitsSet()).toBeLessThanOrEqual(one.hashes);
    const full = filled(1_000, 0.01);
    const expected = full.bits * (1 - Math.exp((-full.hashes * 1_000) / full.bits));
    expect(Math.abs(full.bitsSet() - expected) / expected).toBeLessThan(0.02);
  });
});
