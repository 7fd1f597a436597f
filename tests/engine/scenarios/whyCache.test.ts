import { describe, expect, it } from 'vitest';
import { whyCacheScenarios } from '../../../src/content/scenarios/why-cache/index.ts';
import { whyCacheFirstRead } from '../../../src/content/scenarios/why-cache/why-cache-first-read.ts';
import { whyCacheHitRatio } from '../../../src/content/scenarios/why-cache/why-cache-hit-ratio.ts';
import { framesSaying, last, run, steps } from '../traceHelpers.ts';

describe('the why-cache lesson', () => {
  it('lists the first read, then the hit ratio', () => {
    expect(whyCacheScenarios.map((s) => s.id)).toEqual(['why-cache-first-read', 'why-cache-hit-ratio']);
  });
});

describe('why-cache-first-read at seed 1', () => {
  const trace = run(whyCacheFirstRead);

  it('misses, loads the row and fills the cache; then hits without the database', () => {
    expect(steps(trace)).toEqual([
      '0 - run.start -',
      '0 browser client.read.send -',
      '16 app app.read.start read-cache',
      '17 cache cache.get.miss read-cache',
      '19 app app.read.miss read-db',
      '23 db db.select.start read-db',
      '63 db db.select.row read-db',
      '67 app app.read.fill hydrate',
      '68 cache cache.set.ttl hydrate',
      '70 app app.read.reply reply',
      '87 browser client.read.done reply',
      '500 browser client.read.send -',
      '514 app app.read.start read-cache',
      '516 cache cache.get.hit read-cache',
      '517 app app.read.hit cache-hit',
      '532 browser client.read.done cache-hit',
      '532 - run.end -',
    ]);
  });

  it('answers the hit faster than the miss, with one database read in all', () => {
    const took = trace.history.operations.map((o) => (o.completedAt ?? NaN) - o.invokedAt);
    expect(took).toEqual([87, 32]);
    expect(last(trace).counters).toEqual({ hits: 1, misses: 1, dbReads: 1, dbWrites: 0 });
    expect(trace.anomalies).toEqual([]);
  });
});

describe('why-cache-hit-ratio at seed 1', () => {
  const trace = run(whyCacheHitRatio);

  it('misses once per key; every later read, by either client, hits', () => {
    expect(steps(trace)).toEqual([
      '0 - run.start -',
      '0 alice client.read.send -',
      '16 app app.read.start read-cache',
      '17 cache cache.get.miss read-cache',
      '19 app app.read.miss read-db',
      '23 db db.select.start read-db',
      '63 db db.select.row read-db',
      '67 app app.read.fill hydrate',
      '68 cache cache.set.ttl hydrate',
      '70 app app.read.reply reply',
      '87 alice client.read.done reply',
      '1000 bob client.read.send -',
      '1014 app app.read.start read-cache',
      '1016 cache cache.get.hit read-cache',
      '1017 app app.read.hit cache-hit',
      '1032 bob client.read.done cache-hit',
      '2000 bob client.read.send -',
      '2011 app app.read.start read-cache',
      '2012 cache cache.get.miss read-cache',
      '2013 app app.read.miss read-db',
      '2015 db db.select.start read-db',
      '2055 db db.select.row read-db',
      '2058 app app.read.fill hydrate',
      '2059 cache cache.set.ttl hydrate',
      '2060 app app.read.reply reply',
      '2078 bob client.read.done reply',
      '3000 alice client.read.send -',
      '3013 app app.read.start read-cache',
      '3014 cache cache.get.hit read-cache',
      '3015 app app.read.hit cache-hit',
      '3029 alice client.read.done cache-hit',
      '4000 alice client.read.send -',
      '4016 app app.read.start read-cache',
      '4018 cache cache.get.hit read-cache',
      '4019 app app.read.hit cache-hit',
      '4031 alice client.read.done cache-hit',
      '5000 bob client.read.send -',
      '5017 app app.read.start read-cache',
      '5019 cache cache.get.hit read-cache',
      '5021 app app.read.hit cache-hit',
      '5033 bob client.read.done cache-hit',
      '5033 - run.end -',
    ]);
  });

  it('counts 4 hits and 2 misses: the ratio goes 0, 1/2, 1/3, 2/4, 3/5, 4/6', () => {
    const ratios = framesSaying(trace, 'client.read.done').map(
      ({ counters: c }) => `${c.hits}/${c.hits + c.misses}`,
    );
    expect(ratios).toEqual(['0/1', '1/2', '1/3', '2/4', '3/5', '4/6']);
    expect(last(trace).counters).toEqual({ hits: 4, misses: 2, dbReads: 2, dbWrites: 0 });
    expect(framesSaying(trace, 'client.read.done').map((f) => f.narration.params['source'])).toEqual([
      'database',
      'cache',
      'database',
      'cache',
      'cache',
      'cache',
    ]);
  });
});

describe('why-cache checker verdicts', () => {
  it.each([1, 2, 3, 4, 5])('at seed %i: no anomalies, and the same counters', (seed) => {
    for (const scenario of whyCacheScenarios) expect(run(scenario, seed).anomalies).toEqual([]);
    expect(last(run(whyCacheHitRatio, seed)).counters).toEqual({
      hits: 4,
      misses: 2,
      dbReads: 2,
      dbWrites: 0,
    });
  });
});
