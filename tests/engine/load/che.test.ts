import { describe, expect, it } from 'vitest';
import { cheCharacteristicTime, cheLruHitRatio } from '../../../src/engine/load/che.ts';
import { simulateHitRatio } from '../../../src/engine/load/hitRatio.ts';
import { zipfProbabilities, zipfTrace } from '../../../src/engine/load/zipf.ts';

describe("Che's approximation", () => {
  it('is exact for equal popularity: an LRU cache of C of N keys hits C/N of the time', () => {
    const p = new Array<number>(1000).fill(1 / 1000);
    expect(cheLruHitRatio(p, 250)).toBeCloseTo(0.25, 9);
    // The characteristic time solves N(1 − e^(−T/N)) = C.
    const t = cheCharacteristicTime(p, 250);
    expect(1000 * -Math.expm1(-t / 1000)).toBeCloseTo(250, 6);
  });

  it('gives 1 when every key fits, and grows with the cache', () => {
    const p = zipfProbabilities({ alpha: 0.8, keys: 100 });
    expect(cheLruHitRatio(p, 100)).toBeCloseTo(1, 12);
    expect(cheCharacteristicTime(p, 100)).toBe(Infinity);
    const ratios = [5, 10, 20, 50].map((size) => cheLruHitRatio(p, size));
    expect([...ratios].sort((a, b) => a - b)).toEqual(ratios);
  });

  // The simulation is exact LRU on the keyspace; Che is a steady-state formula, so the first
  // 50,000 requests (five times what the largest cache needs to fill) are served but not counted.
  it.each([0.8, 1.0])(
    'agrees with exact LRU on Zipf(%s) traces within 0.02 for caches of 100 to 1,000 of 10,000 keys',
    (alpha) => {
      const keys = 10_000;
      const p = zipfProbabilities({ alpha, keys });
      for (const size of [100, 200, 500, 1000]) {
        const simulated = simulateHitRatio({
          policy: 'lru',
          size,
          keys: zipfTrace({ alpha, keys, requests: 350_000, seed: 7 }),
          warmUpRequests: 50_000,
        });
        expect(simulated.requests).toBe(300_000);
        const che = cheLruHitRatio(p, size);
        expect(Math.abs(1 - simulated.missRatio - che), `α ${alpha}, ${size} keys`).toBeLessThan(0.02);
      }
    },
  );
});
