import { describe, expect, it } from 'vitest';
import { protectionProblems } from '../../../src/engine/strategies/protectionProblems.ts';
import { CACHE_ASIDE, type Strategy } from '../../../src/engine/strategies/strategy.ts';

const with_ = (change: Partial<Strategy>): Strategy => ({ ...CACHE_ASIDE, ...change });

describe('protectionProblems', () => {
  it('finds nothing wrong with the defaults, a strategy that names no protection, or sound settings', () => {
    expect(protectionProblems(CACHE_ASIDE)).toEqual([]);
    const { stampede: _s, penetration: _p, ...older } = CACHE_ASIDE;
    expect(protectionProblems(older)).toEqual([]);
    expect(
      protectionProblems(
        with_({
          stampede: { kind: 'mutex', lockTtlMs: 500, retryDelayMs: 50, maxRetries: 0 },
          penetration: { kind: 'bloom-filter', expectedItems: 10, falsePositiveRate: 0.01 },
        }),
      ),
    ).toEqual([]);
  });

  it('names each setting that cannot run', () => {
    expect(
      protectionProblems(
        with_({
          stampede: { kind: 'mutex', lockTtlMs: 0, retryDelayMs: 2.5, maxRetries: -1 },
          penetration: { kind: 'bloom-filter', expectedItems: 0, falsePositiveRate: 1 },
        }),
      ),
    ).toEqual([
      'the lock TTL in ms must be a whole number of at least 1, got 0',
      'the lock retry delay in ms must be a whole number of at least 1, got 2.5',
      'the number of lock retries must be a whole number of at least 0, got -1',
      "the Bloom filter's expected items must be a whole number of at least 1, got 0",
      "the Bloom filter's false-positive rate must be between 0 and 1, got 1",
    ]);
    expect(protectionProblems(with_({ stampede: { kind: 'xfetch', beta: 0 } }))).toEqual([
      "XFetch's β must be a number above 0, got 0",
    ]);
    expect(
      protectionProblems(
        with_({
          stampede: { kind: 'stale-while-revalidate', staleSeconds: 0.5 },
          penetration: { kind: 'null-caching', ttlSeconds: 0 },
        }),
      ),
    ).toEqual([
      'the stale window in seconds must be a whole number of at least 1, got 0.5',
      'the null marker TTL in seconds must be a whole number of at least 1, got 0',
    ]);
  });

  it('says that the load-side protections do nothing with read-through', () => {
    expect(
      protectionProblems(
        with_({
          read: 'read-through',
          stampede: { kind: 'single-flight' },
          penetration: { kind: 'null-caching', ttlSeconds: 5 },
        }),
      ),
    ).toEqual([
      'the single-flight stampede protection works on cache-aside reads: with read-through the cache loads the rows',
      'null caching works on cache-aside reads: with read-through the cache loads the rows',
    ]);
    // A Bloom filter sits in front of either.
    expect(
      protectionProblems(
        with_({
          read: 'read-through',
          penetration: { kind: 'bloom-filter', expectedItems: 1, falsePositiveRate: 0.1 },
        }),
      ),
    ).toEqual([]);
  });
});
