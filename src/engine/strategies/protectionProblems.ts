import type { Strategy } from './strategy.ts';

/**
 * What is wrong with a strategy's stampede and penetration settings, one sentence each; empty when
 * they can run. The engine's scenario check reports these, and a settings form can show them.
 */
export function protectionProblems(strategy: Strategy): string[] {
  const problems: string[] = [];
  const whole = (value: number, what: string, least: number) => {
    if (!Number.isInteger(value) || value < least)
      problems.push(`${what} must be a whole number of at least ${least}, got ${value}`);
  };
  const { stampede, penetration } = strategy;
  if (stampede !== undefined) {
    if (stampede.kind === 'mutex') {
      whole(stampede.lockTtlMs, 'the lock TTL in ms', 1);
      whole(stampede.retryDelayMs, 'the lock retry delay in ms', 1);
      whole(stampede.maxRetries, 'the number of lock retries', 0);
    } else if (stampede.kind === 'xfetch') {
      if (!(Number.isFinite(stampede.beta) && stampede.beta > 0))
        problems.push(`XFetch's β must be a number above 0, got ${stampede.beta}`);
    } else if (stampede.kind === 'stale-while-revalidate') {
      whole(stampede.staleSeconds, 'the stale window in seconds', 1);
    }
    if (stampede.kind !== 'none' && strategy.read === 'read-through')
      problems.push(
        `the ${stampede.kind} stampede protection works on cache-aside reads: with read-through the cache loads the rows`,
      );
  }
  if (penetration !== undefined) {
    if (penetration.kind === 'null-caching') {
      whole(penetration.ttlSeconds, 'the null marker TTL in seconds', 1);
      if (strategy.read === 'read-through')
        problems.push('null caching works on cache-aside reads: with read-through the cache loads the rows');
    } else if (penetration.kind === 'bloom-filter') {
      whole(penetration.expectedItems, "the Bloom filter's expected items", 1);
      const p = penetration.falsePositiveRate;
      if (!(p > 0 && p < 1))
        problems.push(`the Bloom filter's false-positive rate must be between 0 and 1, got ${p}`);
    }
  }
  return problems;
}
