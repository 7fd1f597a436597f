import { describe, expect, it } from 'vitest';
import { CACHE_ASIDE, runScenario, type Scenario, type Trace } from '../../../src/engine/index.ts';

// TTL jitter: keys filled together get different TTLs, so they do not all expire together.

const KEYS = ['a', 'b', 'c', 'd', 'e', 'f'];

const scenario = (ttlJitterSeconds: number, read: 'cache-aside' | 'read-through'): Scenario => ({
  id: 'jitter',
  title: 'Six keys filled at once',
  summary: 'Six readers miss six keys at the same time.',
  clients: KEYS.map((key) => ({ id: `reader-${key}`, label: `Reader ${key}`, server: 'app' })),
  appNodes: [{ id: 'app', label: 'App' }],
  cache: { entries: [] },
  database: {
    readLatencyMs: 5,
    writeLatencyMs: 5,
    rows: KEYS.map((key) => ({ key, value: `value of ${key}`, version: 1 })),
  },
  strategy: { ...CACHE_ASIDE, read, ttlSeconds: 60, ttlJitterSeconds },
  network: { defaultLatency: { minMs: 1, maxMs: 4 } },
  script: KEYS.map((key) => ({ atMs: 0, client: `reader-${key}`, op: 'read' as const, key })),
});

/** The TTL each key was given, in seconds, from the cache at the end of the run. */
const ttlsOf = (trace: Trace): number[] =>
  trace.frames
    .at(-1)!
    .cache.map((row) => Math.round((row.ttlRemainingMs! + trace.totals.virtualTimeMs) / 1000));

describe('TTL jitter', () => {
  it('adds a seeded 0 to ttlJitterSeconds seconds per fill', () => {
    const ttls = ttlsOf(runScenario(scenario(10, 'cache-aside'), { seed: 7, record: 'frames' }));
    expect(ttls).toHaveLength(6);
    for (const ttl of ttls) expect(ttl).toBeGreaterThanOrEqual(60);
    for (const ttl of ttls) expect(ttl).toBeLessThanOrEqual(70);
    expect(new Set(ttls).size).toBeGreaterThan(1);
    // The same seed draws the same jitter.
    expect(ttlsOf(runScenario(scenario(10, 'cache-aside'), { seed: 7, record: 'frames' }))).toEqual(ttls);
  });

  it('applies to read-through fills too', () => {
    const ttls = ttlsOf(runScenario(scenario(10, 'read-through'), { seed: 7, record: 'frames' }));
    expect(new Set(ttls).size).toBeGreaterThan(1);
    for (const ttl of ttls) expect(ttl).toBeGreaterThanOrEqual(60);
  });

  it('without jitter every fill gets the TTL, and jitter never shifts the network', () => {
    const plain = runScenario(scenario(0, 'cache-aside'), { seed: 7, record: 'frames' });
    expect(ttlsOf(plain)).toEqual([60, 60, 60, 60, 60, 60]);
    const jittered = runScenario(scenario(10, 'cache-aside'), { seed: 7, record: 'frames' });
    expect(jittered.frames.map((f) => f.time)).toEqual(plain.frames.map((f) => f.time));
  });
});
