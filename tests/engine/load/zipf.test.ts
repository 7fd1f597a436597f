import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/engine/sim/random.ts';
import { ZipfSampler, zipfProbabilities, zipfTrace } from '../../../src/engine/load/zipf.ts';

describe('Zipf popularity', () => {
  it('p_i falls as i^−α and sums to 1', () => {
    const p = zipfProbabilities({ alpha: 1, keys: 4 });
    const total = 1 + 1 / 2 + 1 / 3 + 1 / 4;
    expect([...p].map((x) => x * total)).toEqual([1, 1 / 2, 1 / 3, 1 / 4].map((x) => expect.closeTo(x, 12)));
    const wide = zipfProbabilities({ alpha: 0.8, keys: 10_000 });
    expect(wide.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect((wide[0] as number) / (wide[9] as number)).toBeCloseTo(10 ** 0.8, 10);
  });

  it('the sampler draws the top ranks as often as p_i says (within four standard deviations)', () => {
    const keys = 10_000;
    const draws = 200_000;
    for (const alpha of [0.8, 1.0]) {
      const p = zipfProbabilities({ alpha, keys });
      const sampler = new ZipfSampler({ alpha, keys }, createRandom(11));
      const counts = new Array<number>(keys + 1).fill(0);
      for (let i = 0; i < draws; i++) counts[sampler.nextRank()]!++;
      expect(counts[0]).toBe(0);
      for (let rank = 1; rank <= 10; rank++) {
        const expected = p[rank - 1] as number;
        const sd = Math.sqrt((expected * (1 - expected)) / draws);
        expect(Math.abs((counts[rank] as number) / draws - expected)).toBeLessThan(4 * sd);
      }
      // …and the long tail as a whole gets its share too.
      const tail = p.slice(100).reduce((a, b) => a + b, 0);
      const tailDrawn = counts.slice(101).reduce((a, b) => a + b, 0) / draws;
      expect(Math.abs(tailDrawn - tail)).toBeLessThan(4 * Math.sqrt((tail * (1 - tail)) / draws));
    }
  });

  it('a trace names keys key:<rank> and is the same for the same seed', () => {
    const trace = (seed: number) => [...zipfTrace({ alpha: 1, keys: 50, requests: 1000, seed })];
    const first = trace(5);
    expect(first).toHaveLength(1000);
    expect(first.every((key) => /^key:([1-9]|[1-4]\d|50)$/.test(key))).toBe(true);
    expect(trace(5)).toEqual(first);
    expect(trace(6)).not.toEqual(first);
    expect([...zipfTrace({ alpha: 1, keys: 1, requests: 3, seed: 1 })]).toEqual(['key:1', 'key:1', 'key:1']);
  });

  it('refuses α ≤ 0, a key count below one, and a fractional request count', () => {
    expect(() => zipfProbabilities({ alpha: 0, keys: 10 })).toThrow(RangeError);
    expect(() => zipfProbabilities({ alpha: Number.NaN, keys: 10 })).toThrow(RangeError);
    expect(() => zipfProbabilities({ alpha: 1, keys: 0 })).toThrow(RangeError);
    expect(() => [...zipfTrace({ alpha: 1, keys: 10, requests: 1.5, seed: 1 })]).toThrow(RangeError);
  });
});
