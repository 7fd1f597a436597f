import { describe, expect, it } from 'vitest';
import type { Trace } from '../../../src/engine/index.ts';
import { penetrationScenarios } from '../../../src/content/scenarios/failure-modes/index.ts';
import {
  penetrationBloomFilter,
  penetrationNullCaching,
  penetrationUnprotected,
} from '../../../src/content/scenarios/failure-modes/penetration.ts';
import { narrationTemplates } from '../../../src/content/narration.ts';
import { framesSaying, run } from '../traceHelpers.ts';

const SEEDS = [1, 2, 3, 4, 5];

/** The keys the database was asked for, in order. */
const selected = (trace: Trace) =>
  framesSaying(trace, 'db.select.start').map((f) => String(f.narration.params['key']));
/** What the scraper was told, read by read. */
const scraperAnswers = (trace: Trace) =>
  trace.frames
    .filter((f) => f.actor === 'scraper' && f.narration.key.startsWith('client.read.'))
    .filter((f) => f.narration.key !== 'client.read.send')
    .map((f) => `${String(f.narration.params['key'])} ${f.narration.key}`);

const NOT_FOUND = [
  'product:404 client.read.none',
  'product:404 client.read.none',
  'product:722 client.read.none',
  'product:404 client.read.none',
];

describe('the penetration lesson', () => {
  it('lists the flood of misses, then null caching, then the Bloom filter, with one script', () => {
    expect(penetrationScenarios.map((s) => s.id)).toEqual([
      'penetration-unprotected',
      'penetration-null-caching',
      'penetration-bloom-filter',
    ]);
    for (const scenario of penetrationScenarios) {
      expect(scenario.script).toEqual(penetrationUnprotected.script);
      expect(scenario.database).toEqual(penetrationUnprotected.database);
      expect({ ...scenario.strategy, penetration: { kind: 'none' } }).toEqual(
        penetrationUnprotected.strategy,
      );
    }
  });
});

describe('penetration-unprotected', () => {
  it.each(SEEDS)('seed %i: every read of a missing id goes to the database', (seed) => {
    const trace = run(penetrationUnprotected, seed);
    expect(selected(trace)).toEqual([
      'product:3',
      'product:404',
      'product:404',
      'product:722',
      'product:404',
    ]);
    expect(scraperAnswers(trace)).toEqual(NOT_FOUND);
    // Nothing is cached for the missing ids.
    expect(trace.frames.at(-1)!.cache.map((r) => r.key)).toEqual(['product:3']);
  });
});

describe('penetration-null-caching', () => {
  it.each(SEEDS)(
    'seed %i: each missing id costs one query; repeats are answered by the null marker',
    (seed) => {
      const trace = run(penetrationNullCaching, seed);
      expect(selected(trace)).toEqual(['product:3', 'product:404', 'product:722']);
      expect(scraperAnswers(trace)).toEqual(NOT_FOUND);
      expect(framesSaying(trace, 'app.read.null.hit').map((f) => f.time)).toEqual([207, 407]);
    },
  );

  it('stores the marker at version 0 with its own 5-second TTL, beside the 30-second one of real rows', () => {
    const trace = run(penetrationNullCaching);
    const stored = framesSaying(trace, 'cache.set.ttl')[1]!;
    expect(stored.cache.map((r) => [r.key, r.value, r.version, r.ttlRemainingMs])).toEqual([
      // Filled at 32 ms with EX 30, seen at 132 ms.
      ['product:3', 'product 3', 1, 29_900],
      ['product:404', '__null__', 0, 5_000],
    ]);
    expect(trace.anomalies).toEqual([]);
  });
});

describe('penetration-bloom-filter', () => {
  it('sizes the filter from the strategy: 96 bits and 7 hashes for 10 keys at 1%', () => {
    expect(penetrationBloomFilter.strategy.penetration).toEqual({
      kind: 'bloom-filter',
      expectedItems: 10,
      falsePositiveRate: 0.01,
    });
  });

  it.each(SEEDS)(
    'seed %i: product 404 is rejected by the filter; product 722, a false positive, costs one query',
    (seed) => {
      const trace = run(penetrationBloomFilter, seed);
      expect(selected(trace)).toEqual(['product:3', 'product:722']);
      expect(scraperAnswers(trace)).toEqual(NOT_FOUND);
      expect(framesSaying(trace, 'app.read.bloom.absent').map((f) => f.narration.params['key'])).toEqual([
        'product:404',
        'product:404',
        'product:404',
      ]);
      expect(framesSaying(trace, 'app.read.bloom.maybe').map((f) => f.narration.params['key'])).toEqual([
        'product:3',
        'product:722',
      ]);
      expect(trace.frames.at(-1)!.actors['app']!.holds).toEqual([
        'Bloom filter: m = 96 bits (49 set), k = 7 hashes, 10 keys, false positives ≈ 1.00%',
      ]);
    },
  );
});

describe('every penetration scenario', () => {
  it.each(SEEDS)(
    'seed %i: settles, answers every read, finds no anomaly, and says only what has a sentence',
    (seed) => {
      for (const scenario of penetrationScenarios) {
        const trace = run(scenario, seed);
        expect(trace.frames.at(-1)!.narration.key, scenario.id).toBe('run.end');
        expect(
          trace.history.operations.every((op) => op.completedAt !== null),
          scenario.id,
        ).toBe(true);
        expect(trace.anomalies, scenario.id).toEqual([]);
        for (const frame of trace.frames)
          expect(narrationTemplates[frame.narration.key], frame.narration.key).toBeDefined();
      }
    },
  );
});
