import { describe, expect, it } from 'vitest';
import { writeAround } from '../../../src/content/scenarios/write-strategies/write-around.ts';
import { writeThrough } from '../../../src/content/scenarios/write-strategies/write-through.ts';
import { writeBehindScenario } from '../../../src/content/scenarios/write-strategies/write-behind.ts';
import { writeBehindCrash } from '../../../src/content/scenarios/write-strategies/write-behind-crash.ts';
import { writeStrategyScenarios } from '../../../src/content/scenarios/write-strategies/index.ts';
import { anomalyKinds as kindsOf, cacheOf, dbOf, frameSaying, last, run, steps } from '../traceHelpers.ts';

const SEEDS = [1, 2, 3, 4, 5];

describe('the write-strategies lesson', () => {
  it('lists its scenarios in order', () => {
    expect(writeStrategyScenarios.map((s) => s.id)).toEqual([
      'write-around',
      'write-through',
      'write-behind',
      'write-behind-crash',
    ]);
  });
});

describe('write-around at seed 1', () => {
  const trace = run(writeAround);

  it('updates the database, deletes the key, and the next read misses and loads the new value', () => {
    expect(steps(trace)).toEqual([
      '0 - run.start -',
      '0 alice client.write.send -',
      '16 app app.write.start write-db',
      '18 db db.update.start write-db',
      '33 db db.update.commit write-db',
      '36 app app.write.invalidate invalidate',
      '38 cache cache.del invalidate',
      '40 app app.write.reply write-reply',
      '53 alice client.write.done write-reply',
      '300 alice client.read.send -',
      '316 app app.read.start read-cache',
      '318 cache cache.get.miss read-cache',
      '319 app app.read.miss read-db',
      '323 db db.select.start read-db',
      '331 db db.select.row read-db',
      '334 app app.read.fill hydrate',
      '335 cache cache.set.ttl hydrate',
      '336 app app.read.reply reply',
      '350 alice client.read.done reply',
      '350 - run.end -',
    ]);
  });

  it('removes the old value only after the commit, and refills with the new one', () => {
    expect(cacheOf(frameSaying(trace, 'db.update.commit'))).toEqual(['user:42:email=ada@old.example@v1']);
    expect(cacheOf(frameSaying(trace, 'cache.del'))).toEqual([]);
    expect(cacheOf(last(trace))).toEqual(['user:42:email=ada@new.example@v2']);
    expect(dbOf(last(trace))).toEqual(['user:42:email=ada@new.example@v2']);
    expect(last(trace).counters).toEqual({ hits: 0, misses: 1, dbReads: 1, dbWrites: 1 });
    expect(trace.anomalies).toEqual([]);
  });
});

describe('write-through at seed 1', () => {
  const trace = run(writeThrough);

  it('commits, then SETs the new value; the read hits it; a failed write leaves the cache alone', () => {
    expect(steps(trace)).toEqual([
      '0 - run.start -',
      '0 alice client.write.send -',
      '16 app app.write.through.start write-db',
      '18 db db.update.start write-db',
      '33 db db.update.commit write-db',
      '36 app app.write.through.set through-set',
      '38 cache cache.set.ttl through-set',
      '40 app app.write.reply write-reply',
      '53 alice client.write.done write-reply',
      '300 alice client.read.send -',
      '316 app app.read.start read-cache',
      '318 cache cache.get.hit read-cache',
      '319 app app.read.hit cache-hit',
      '339 alice client.read.done cache-hit',
      '500 - fault.fail-writes -',
      '600 alice client.write.send -',
      '615 app app.write.through.start write-db',
      '618 db db.update.start write-db',
      '633 db db.update.failed write-db',
      '635 app app.write.failed write-failed',
      '649 alice client.failed write-failed',
      '900 alice client.read.send -',
      '912 app app.read.start read-cache',
      '913 cache cache.get.hit read-cache',
      '914 app app.read.hit cache-hit',
      '924 alice client.read.done cache-hit',
      '924 - run.end -',
    ]);
  });

  it('holds the committed value in the cache from the SET on, even after the failed write', () => {
    expect(cacheOf(frameSaying(trace, 'cache.set.ttl'))).toEqual(['user:42:email=ada@new.example@v2']);
    const failed = frameSaying(trace, 'db.update.failed');
    expect(dbOf(failed)).toEqual(['user:42:email=ada@new.example@v2']);
    expect(cacheOf(failed)).toEqual(['user:42:email=ada@new.example@v2']);
    expect(frameSaying(trace, 'client.failed').delivered?.payload).toMatchObject({ ok: false });
    expect(frameSaying(trace, 'client.read.done', 1).delivered?.payload).toMatchObject({
      value: 'ada@new.example',
      version: 2,
      source: 'cache',
    });
    expect(cacheOf(last(trace))).toEqual(['user:42:email=ada@new.example@v2']);
    expect(dbOf(last(trace))).toEqual(['user:42:email=ada@new.example@v2']);
    // The old value is stale only from the commit until the SET lands, while the write is under way.
    expect(trace.frames.filter((f) => f.stale.length > 0).map((f) => f.narration.key)).toEqual([
      'db.update.commit',
      'app.write.through.set',
    ]);
    expect(trace.history.operations.map((o) => `${o.op} ${o.ok}`)).toEqual([
      'write true',
      'read true',
      'write false',
      'read true',
    ]);
  });
});

describe('write-behind at seed 1', () => {
  const trace = run(writeBehindScenario);

  it('acknowledges three writes at once, serves a read from the cache, and flushes 2 then 1', () => {
    expect(steps(trace)).toEqual([
      '0 - run.start -',
      '0 alice client.write.send -',
      '16 app app.write.behind.start behind-set',
      '17 cache cache.set.writeBehind behind-set',
      '19 app app.write.behind.ack behind-ack',
      '39 alice client.write.done.unversioned behind-ack',
      '100 alice client.write.send -',
      '120 app app.write.behind.start behind-set',
      '121 cache cache.set.writeBehind behind-set',
      '123 app app.write.behind.ack behind-ack',
      '140 alice client.write.done.unversioned behind-ack',
      '200 alice client.write.send -',
      '214 app app.write.behind.start behind-set',
      '216 cache cache.set.writeBehind behind-set',
      '217 app app.write.behind.ack behind-ack',
      '232 alice client.write.done.unversioned behind-ack',
      '400 alice client.read.send -',
      '411 app app.read.start read-cache',
      '412 cache cache.get.hit read-cache',
      '413 app app.read.hit cache-hit',
      '424 alice client.read.done cache-hit',
      '1017 cache cache.writeBehind.flush -',
      '1019 db db.batch.start -',
      '1034 db db.batch.commit -',
      '1035 cache cache.writeBehind.committed -',
      '2017 cache cache.writeBehind.flush.last -',
      '2019 db db.batch.start -',
      '2034 db db.batch.commit -',
      '2037 cache cache.writeBehind.committed.last -',
      '2037 - run.end -',
    ]);
  });

  it('keeps the writes in the cache only, until each batch commits', () => {
    const acked = frameSaying(trace, 'client.write.done.unversioned', 2);
    expect(cacheOf(acked)).toEqual([
      'cart:7:items=3@vnull',
      'cart:7:total=42.50@vnull',
      'user:42:email=ada@new.example@vnull',
    ]);
    expect(dbOf(acked)).toEqual([
      'cart:7:items=0@v1',
      'cart:7:total=0.00@v1',
      'user:42:email=ada@old.example@v1',
    ]);
    expect(acked.actors['cache']!.holds).toEqual(['write-behind buffer: 3 writes']);
    expect(frameSaying(trace, 'client.read.done').delivered?.payload).toMatchObject({
      value: '42.50',
      source: 'cache',
    });
    expect(frameSaying(trace, 'cache.writeBehind.flush', 0).narration.params).toMatchObject({
      count: 2,
      keys: 'cart:7:items, cart:7:total',
      waiting: 1,
    });
    expect(frameSaying(trace, 'cache.writeBehind.flush.last', 0).narration.params).toMatchObject({
      count: 1,
      keys: 'user:42:email',
      waiting: 0,
    });
    expect(dbOf(frameSaying(trace, 'db.batch.commit', 0))).toEqual([
      'cart:7:items=3@v2',
      'cart:7:total=42.50@v2',
      'user:42:email=ada@old.example@v1',
    ]);
    expect(cacheOf(last(trace))).toEqual([
      'cart:7:items=3@v2',
      'cart:7:total=42.50@v2',
      'user:42:email=ada@new.example@v2',
    ]);
    expect(dbOf(last(trace))).toEqual(cacheOf(last(trace)));
    expect(last(trace).counters.dbWrites).toBe(3);
    expect(trace.anomalies).toEqual([]);
  });
});

describe('write-behind-crash at seed 1', () => {
  const trace = run(writeBehindCrash);

  it('loses the three acknowledged writes when the cache crashes before the flush', () => {
    expect(steps(trace)).toEqual([
      '0 - run.start -',
      '0 alice client.write.send -',
      '16 app app.write.behind.start behind-set',
      '17 cache cache.set.writeBehind behind-set',
      '19 app app.write.behind.ack behind-ack',
      '39 alice client.write.done.unversioned behind-ack',
      '100 alice client.write.send -',
      '120 app app.write.behind.start behind-set',
      '121 cache cache.set.writeBehind behind-set',
      '123 app app.write.behind.ack behind-ack',
      '140 alice client.write.done.unversioned behind-ack',
      '200 alice client.write.send -',
      '214 app app.write.behind.start behind-set',
      '216 cache cache.set.writeBehind behind-set',
      '217 app app.write.behind.ack behind-ack',
      '232 alice client.write.done.unversioned behind-ack',
      '500 - fault.crash.cache -',
      '1000 - fault.restart.cache -',
      '1500 alice client.read.send -',
      '1511 app app.read.start read-cache',
      '1512 cache cache.get.miss read-cache',
      '1513 app app.read.miss read-db',
      '1515 db db.select.start read-db',
      '1523 db db.select.row read-db',
      '1526 app app.read.fill hydrate',
      '1527 cache cache.set.ttl hydrate',
      '1528 app app.read.reply reply',
      '1546 alice client.read.done reply',
      '1546 - run.end -',
    ]);
  });

  it('reports each acknowledged write as lost at the crash, and the read after the restart gets the old value', () => {
    const crash = frameSaying(trace, 'fault.crash.cache');
    expect(crash.narration.params).toMatchObject({ count: 3 });
    expect(cacheOf(crash)).toEqual([]);
    expect(trace.anomalies).toEqual([
      {
        kind: 'lost write',
        step: crash.index,
        time: 500,
        key: 'cart:7:items',
        operations: [1],
        client: 'alice',
        value: '3',
      },
      {
        kind: 'lost write',
        step: crash.index,
        time: 500,
        key: 'cart:7:total',
        operations: [2],
        client: 'alice',
        value: '42.50',
      },
      {
        kind: 'lost write',
        step: crash.index,
        time: 500,
        key: 'user:42:email',
        operations: [3],
        client: 'alice',
        value: 'ada@new.example',
      },
    ]);
    expect(crash.anomalies).toEqual(trace.anomalies);
    expect(frameSaying(trace, 'client.read.done').delivered?.payload).toMatchObject({
      value: '0.00',
      version: 1,
      source: 'database',
    });
    expect(last(trace).counters.dbWrites).toBe(0);
    expect(dbOf(last(trace))).toEqual([
      'cart:7:items=0@v1',
      'cart:7:total=0.00@v1',
      'user:42:email=ada@old.example@v1',
    ]);
  });
});

describe('the checker on the write strategies, at seeds 1 to 5', () => {
  it.each(SEEDS)('seed %i: write-behind-crash loses all three writes; write-behind loses none', (seed) => {
    const crashed = run(writeBehindCrash, seed);
    expect(kindsOf(crashed)).toEqual(['lost write', 'lost write', 'lost write']);
    expect(crashed.anomalies.map((a) => a.key)).toEqual(['cart:7:items', 'cart:7:total', 'user:42:email']);
    expect(kindsOf(run(writeBehindScenario, seed))).toEqual([]);
  });

  it.each(SEEDS)('seed %i: write-through with a failed write and write-around report nothing', (seed) => {
    const through = run(writeThrough, seed);
    expect(frameSaying(through, 'db.update.failed')).toBeDefined();
    expect(kindsOf(through)).toEqual([]);
    expect(last(through).stale).toEqual([]);
    expect(kindsOf(run(writeAround, seed))).toEqual([]);
  });

  it.each(SEEDS)('seed %i: write-behind flushes two writes, then one', (seed) => {
    const trace = run(writeBehindScenario, seed);
    const batches = trace.frames
      .filter((f) => f.narration.key.startsWith('cache.writeBehind.flush'))
      .map((f) => f.narration.params['keys']);
    expect(batches).toEqual(['cart:7:items, cart:7:total', 'user:42:email']);
  });
});
