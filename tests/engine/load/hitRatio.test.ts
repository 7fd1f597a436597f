import { describe, expect, it } from 'vitest';
import { simulateHitRatio, type HitRatioPolicy } from '../../../src/engine/load/hitRatio.ts';
import { zipfTrace } from '../../../src/engine/load/zipf.ts';

/**
 * Hit or miss for each request of a short trace. The simulation is deterministic, so running every
 * prefix and reading the last request's outcome off the totals is exact.
 */
function outcomes(policy: HitRatioPolicy, size: number, trace: string): string {
  const keys = trace.split(' ');
  let hitsBefore = 0;
  return keys
    .map((_, i) => {
      const { hits } = simulateHitRatio({ policy, size, keys: keys.slice(0, i + 1) });
      const outcome = hits > hitsBefore ? 'hit' : 'miss';
      hitsBefore = hits;
      return outcome;
    })
    .join(' ');
}

describe('hit-ratio simulation: hand-checked traces (cache of 2 keys)', () => {
  it('LRU evicts the least recently used key; FIFO the first one in, whatever was read since', () => {
    // After "a b a", a is the more recent but also the older: c evicts b under LRU, a under FIFO.
    expect(outcomes('lru', 2, 'a b a c b c')).toBe('miss miss hit miss miss hit');
    expect(outcomes('fifo', 2, 'a b a c b c')).toBe('miss miss hit miss hit hit');
  });

  it('exact LFU counts uses while cached, restarts the count after eviction, breaks ties by least recent use', () => {
    // 1 a: miss, a=1   2 a: hit, a=2   3 b: miss, b=1
    // 4 c: miss, c=1 → one key too many; b and c tie at 1, b is used least recently: evict b
    // 5 b: miss, b=1 (its count starts over) → c and b tie at 1: evict c, the less recent
    // 6 c: miss, c=1 → evict b       7 b: miss
    // Were counts kept across evictions (perfect LFU), step 6 would find a=2, b=2, c=2 and evict
    // a, the least recent, and step 7 would hit. Were ties broken by most recent use, step 4
    // would evict c and step 5 would hit.
    expect(outcomes('lfu', 2, 'a a b c b c b')).toBe('miss hit miss miss miss miss miss');
  });

  it('exact LFU, as in the engine, may evict the key it just stored: one use against more', () => {
    // a and b have two uses each when c arrives, so c, with one, is the least frequently used.
    expect(outcomes('lfu', 2, 'a a b b c c a b')).toBe('miss hit miss hit miss miss hit hit');
  });
});

describe('hit-ratio simulation: counting', () => {
  it('starts empty, so every first request misses, and counts every request once', () => {
    const distinct = Array.from({ length: 500 }, (_, i) => `k${i}`);
    for (const policy of ['lru', 'lfu', 'fifo', 'random', 'redis-lru', 'redis-lfu'] as const) {
      expect(simulateHitRatio({ policy, size: 100, keys: distinct })).toEqual({
        policy,
        size: 100,
        requests: 500,
        hits: 0,
        misses: 500,
        missRatio: 1,
      });
      // A cache as large as the key set misses each key once, then always hits.
      const cycled = [...distinct, ...distinct, ...distinct];
      expect(simulateHitRatio({ policy, size: 500, keys: cycled })).toMatchObject({
        hits: 1000,
        misses: 500,
      });
    }
  });

  it('an empty trace has no requests and a miss ratio of 0', () => {
    expect(simulateHitRatio({ policy: 'lru', size: 10, keys: [] })).toMatchObject({
      requests: 0,
      missRatio: 0,
    });
  });

  it('a warm-up prefix is served but not counted', () => {
    const keys = ['a', 'b', 'a', 'b', 'c'];
    expect(simulateHitRatio({ policy: 'lru', size: 2, keys, warmUpRequests: 2 })).toMatchObject({
      requests: 3,
      hits: 2,
      misses: 1,
    });
    expect(simulateHitRatio({ policy: 'lru', size: 2, keys, warmUpRequests: 9 })).toMatchObject({
      requests: 0,
    });
  });

  it('refuses a size below one key and an unknown policy', () => {
    expect(() => simulateHitRatio({ policy: 'lru', size: 0, keys: [] })).toThrow(RangeError);
    expect(() => simulateHitRatio({ policy: 'lru', size: 2.5, keys: [] })).toThrow(RangeError);
    expect(() => simulateHitRatio({ policy: 'mru' as HitRatioPolicy, size: 1, keys: [] })).toThrow(
      RangeError,
    );
  });
});

describe('hit-ratio simulation: policies on a Zipf trace', () => {
  const trace = () => zipfTrace({ alpha: 0.8, keys: 10_000, requests: 200_000, seed: 3 });
  const hitRatio = (policy: HitRatioPolicy, seed = 1) =>
    1 - simulateHitRatio({ policy, size: 1000, keys: trace(), seed }).missRatio;

  it('orders as theory says: LFU above LRU, LRU above random and FIFO; Redis LRU between', () => {
    const lru = hitRatio('lru');
    const random = hitRatio('random');
    // Under independent requests FIFO and random have the same hit ratio (Gelenbe, 1973).
    expect(hitRatio('lfu')).toBeGreaterThan(lru + 0.02);
    expect(lru).toBeGreaterThan(random + 0.01);
    expect(lru).toBeGreaterThan(hitRatio('fifo') + 0.01);
    const redisLru = hitRatio('redis-lru');
    expect(redisLru).toBeGreaterThan(random + 0.01);
    expect(redisLru).toBeLessThan(lru + 0.005);
  });

  it('is reproducible per seed; the seed moves what the cache draws at random', () => {
    for (const policy of ['random', 'redis-lru', 'redis-lfu'] as const) {
      expect(hitRatio(policy, 4)).toBe(hitRatio(policy, 4));
    }
    expect(hitRatio('random', 4)).not.toBe(hitRatio('random', 5));
  });
});
