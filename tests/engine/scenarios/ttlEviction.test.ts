import { describe, expect, it } from 'vitest';
import type { Frame } from '../../../src/engine/index.ts';
import { ttlEvictionScenarios } from '../../../src/content/scenarios/ttl-eviction/index.ts';
import { lruEviction } from '../../../src/content/scenarios/ttl-eviction/lru-eviction.ts';
import { noevictionOom } from '../../../src/content/scenarios/ttl-eviction/noeviction-oom.ts';
import { ttlExpiry } from '../../../src/content/scenarios/ttl-eviction/ttl-expiry.ts';
import { frameSaying, framesSaying, last, run, steps } from '../traceHelpers.ts';

/** The keys Redis holds at a frame, in order. */
const keysOf = (f: Frame) => f.cache.map((r) => r.key);

describe('the TTL and eviction lesson', () => {
  it('lists expiry, LRU eviction, then noeviction', () => {
    expect(ttlEvictionScenarios.map((s) => s.id)).toEqual(['ttl-expiry', 'lru-eviction', 'noeviction-oom']);
  });
});

describe('ttl-expiry at seed 1', () => {
  const trace = run(ttlExpiry);

  it('fills with EX 5 and hits; the sweep deletes the unread key; the late read finds its key expired', () => {
    expect(steps(trace)).toEqual([
      '0 - run.start -',
      '0 browser client.read.send -',
      '16 app app.read.start read-cache',
      '17 cache cache.get.miss read-cache',
      '19 app app.read.miss read-db',
      '23 db db.select.start read-db',
      '31 db db.select.row read-db',
      '35 app app.read.fill hydrate',
      '36 cache cache.set.ttl hydrate',
      '38 app app.read.reply reply',
      '55 browser client.read.done reply',
      '1000 browser client.read.send -',
      '1014 app app.read.start read-cache',
      '1016 cache cache.get.hit read-cache',
      '1017 app app.read.hit cache-hit',
      '1032 browser client.read.done cache-hit',
      '3100 cache cache.expire.active -',
      '5045 browser client.read.send -',
      '5056 app app.read.start read-cache',
      '5057 cache cache.get.expired read-cache',
      '5058 app app.read.miss read-db',
      '5060 db db.select.start read-db',
      '5068 db db.select.row read-db',
      '5071 app app.read.fill hydrate',
      '5072 cache cache.set.ttl hydrate',
      '5073 app app.read.reply reply',
      '5091 browser client.read.done reply',
      '5091 - run.end -',
    ]);
  });

  it('deletes user:7:profile in the background and user:42:profile on access', () => {
    const swept = frameSaying(trace, 'cache.expire.active');
    expect(swept.narration.params).toEqual({ keys: 'user:7:profile', count: 1 });
    expect(keysOf(swept)).toEqual(['user:42:profile']);
    const lazy = frameSaying(trace, 'cache.get.expired');
    expect(keysOf(trace.frames[lazy.index - 1]!)).toEqual(['user:42:profile']);
    expect(keysOf(lazy)).toEqual([]);
    expect(last(trace).counters).toEqual({ hits: 1, misses: 2, dbReads: 2, dbWrites: 0 });
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'at seed %i: the late read always finds the key expired, not swept',
    (seed) => {
      const keys = run(ttlExpiry, seed).frames.map((f) => f.narration.key);
      expect(keys.filter((k) => k === 'cache.get.expired')).toHaveLength(1);
      expect(keys.filter((k) => k === 'cache.expire.active')).toHaveLength(1);
    },
  );
});

describe('lru-eviction at seed 1', () => {
  const trace = run(lruEviction);

  it('hits user:1, evicts user:2 to make room for user:3, hits user:1 again, then evicts user:3', () => {
    expect(steps(trace)).toEqual([
      '0 - run.start -',
      '1000 browser client.read.send -',
      '1016 app app.read.start read-cache',
      '1017 cache cache.get.hit read-cache',
      '1019 app app.read.hit cache-hit',
      '1039 browser client.read.done cache-hit',
      '2000 browser client.read.send -',
      '2020 app app.read.start read-cache',
      '2021 cache cache.get.miss read-cache',
      '2023 app app.read.miss read-db',
      '2027 db db.select.start read-db',
      '2035 db db.select.row read-db',
      '2038 app app.read.fill hydrate',
      '2040 cache cache.set.ttl hydrate',
      '2041 app app.read.reply reply',
      '2056 browser client.read.done reply',
      '3000 browser client.read.send -',
      '3011 app app.read.start read-cache',
      '3012 cache cache.get.hit read-cache',
      '3013 app app.read.hit cache-hit',
      '3024 browser client.read.done cache-hit',
      '4000 browser client.read.send -',
      '4015 app app.read.start read-cache',
      '4016 cache cache.get.miss read-cache',
      '4017 app app.read.miss read-db',
      '4021 db db.select.start read-db',
      '4029 db db.select.row read-db',
      '4031 app app.read.fill hydrate',
      '4032 cache cache.set.ttl hydrate',
      '4033 app app.read.reply reply',
      '4047 browser client.read.done reply',
      '4047 - run.end -',
    ]);
  });

  it('never holds more than 2 keys, and evicts the least recently used each time', () => {
    for (const frame of trace.frames) expect(frame.cache.length).toBeLessThanOrEqual(2);
    const [first, second] = framesSaying(trace, 'cache.set.ttl');
    expect(keysOf(first!)).toEqual(['user:1:profile', 'user:3:profile']);
    expect(keysOf(second!)).toEqual(['user:1:profile', 'user:2:profile']);
    expect(trace.anomalies).toEqual([]);
  });

  it('at seed 3 the sample misses user:2, and Redis evicts user:1 instead', () => {
    const first = frameSaying(run(lruEviction, 3), 'cache.set.ttl');
    expect(keysOf(first)).toEqual(['user:2:profile', 'user:3:profile']);
  });
});

describe('noeviction-oom at seed 1', () => {
  const trace = run(noevictionOom);

  it('stores user:3 (the cache was not over its limit), refuses user:4 with OOM, and still hits user:1', () => {
    expect(steps(trace)).toEqual([
      '0 - run.start -',
      '0 browser client.read.send -',
      '16 app app.read.start read-cache',
      '17 cache cache.get.miss read-cache',
      '19 app app.read.miss read-db',
      '23 db db.select.start read-db',
      '31 db db.select.row read-db',
      '35 app app.read.fill hydrate',
      '36 cache cache.set.ttl hydrate',
      '38 app app.read.reply reply',
      '55 browser client.read.done reply',
      '1000 browser client.read.send -',
      '1014 app app.read.start read-cache',
      '1016 cache cache.get.miss read-cache',
      '1017 app app.read.miss read-db',
      '1020 db db.select.start read-db',
      '1028 db db.select.row read-db',
      '1030 app app.read.fill hydrate',
      '1031 cache cache.refused hydrate',
      '1032 app app.read.fill-failed reply',
      '1043 browser client.read.done reply',
      '2000 browser client.read.send -',
      '2015 app app.read.start read-cache',
      '2016 cache cache.get.hit read-cache',
      '2017 app app.read.hit cache-hit',
      '2035 browser client.read.done cache-hit',
      '2035 - run.end -',
    ]);
  });

  it('keeps the three keys it had, says why the SET was refused, and answers every read', () => {
    const refused = frameSaying(trace, 'cache.refused');
    expect(refused.narration.params).toEqual({
      command: 'SET user:4:profile Barbara Liskov EX 30',
      error: "OOM command not allowed when used memory > 'maxmemory'.",
    });
    expect(keysOf(refused)).toEqual(['user:1:profile', 'user:2:profile', 'user:3:profile']);
    expect(trace.history.operations.map((o) => o.value)).toEqual([
      'Alan Turing',
      'Barbara Liskov',
      'Ada Lovelace',
    ]);
    expect(trace.anomalies).toEqual([]);
  });
});

describe('TTL and eviction checker verdicts', () => {
  it.each([1, 2, 3, 4, 5])('at seed %i: no anomalies', (seed) => {
    for (const scenario of ttlEvictionScenarios) expect(run(scenario, seed).anomalies).toEqual([]);
  });
});
