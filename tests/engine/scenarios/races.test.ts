import { describe, expect, it } from 'vitest';
import { type Trace } from '../../../src/engine/index.ts';
import { staleOverwriteRace } from '../../../src/content/scenarios/races/stale-overwrite-race.ts';
import {
  raceFixDoubleDelete,
  raceFixLease,
  raceFixVersionCas,
} from '../../../src/content/scenarios/races/race-fixes.ts';
import { raceScenarios } from '../../../src/content/scenarios/races/index.ts';
import { anomalyKinds as kindsOf, cacheOf, dbOf, frameSaying, last, run, steps } from '../traceHelpers.ts';

const SEEDS = [1, 2, 3, 4, 5];
const FIXES = [raceFixVersionCas, raceFixDoubleDelete, raceFixLease];

/**
 * The race, as the order of the steps that decide it: Bob's miss, his SELECT reading version 1,
 * Alice's commit of version 2, Alice's invalidation (DEL, or a compared SET), Bob's fill.
 */
function interleaving(trace: Trace): string[] {
  const decisive = new Set([
    'cache.get.miss',
    'cache.get.miss.lease',
    'db.select.row',
    'db.update.commit',
    'cache.del.absent',
    'cache.del.absent.lease',
    'cache.set.newer',
    'cache.set.ttl',
    'cache.set.older',
    'cache.set.lease.refused',
  ]);
  return trace.frames
    .filter((f) => f.time < 200 && decisive.has(f.narration.key))
    .map((f) => `${f.time} ${f.narration.key}`);
}

describe('the races lesson', () => {
  it('lists the race, then its three fixes', () => {
    expect(raceScenarios.map((s) => s.id)).toEqual([
      'stale-overwrite-race',
      'race-fix-version-cas',
      'race-fix-double-delete',
      'race-fix-lease',
    ]);
  });

  it('replays the same clients, script and latencies in every scenario; only the race fix differs', () => {
    for (const fixed of FIXES) {
      const { id, title, summary, strategy, ...rest } = fixed;
      const { id: _i, title: _t, summary: _s, strategy: raceStrategy, ...race } = staleOverwriteRace;
      expect(rest).toEqual(race);
      expect({ ...strategy, raceFix: raceStrategy.raceFix }).toEqual(raceStrategy);
      expect(strategy.raceFix.kind).not.toBe('none');
      expect([id, title, summary].every((text) => text.length > 0)).toBe(true);
    }
  });
});

describe('stale-overwrite-race at seed 1', () => {
  const trace = run(staleOverwriteRace);

  it("puts Bob's old value back after Alice's delete, and Alice later reads her old email", () => {
    expect(steps(trace)).toEqual([
      '0 - run.start -',
      '0 bob client.read.send -',
      '10 node-b app.read.start read-cache',
      '11 cache cache.get.miss read-cache',
      '12 node-b app.read.miss read-db',
      '40 alice client.write.send -',
      '42 db db.select.start read-db',
      '50 node-a app.write.start write-db',
      '50 db db.select.row read-db',
      '52 db db.update.start write-db',
      '67 db db.update.commit write-db',
      '69 node-a app.write.invalidate invalidate',
      '70 cache cache.del.absent invalidate',
      '71 node-a app.write.reply write-reply',
      '80 node-b app.read.fill hydrate',
      '81 alice client.write.done write-reply',
      '81 cache cache.set.ttl hydrate',
      '82 node-b app.read.reply reply',
      '92 bob client.read.done reply',
      '300 alice client.read.send -',
      '310 node-a app.read.start read-cache',
      '311 cache cache.get.hit read-cache',
      '312 node-a app.read.hit cache-hit',
      '322 alice client.read.done cache-hit',
      '322 - run.end.stale -',
    ]);
  });

  it('leaves the cache stale until the TTL, and the checker reports divergence and a stale read', () => {
    const del = frameSaying(trace, 'cache.del.absent');
    expect(cacheOf(del)).toEqual([]);
    expect(dbOf(del)).toEqual(['user:42:email=ada@new.example@v2']);
    const overwrite = frameSaying(trace, 'cache.set.ttl');
    expect(overwrite.time).toBeGreaterThan(del.time);
    expect(cacheOf(overwrite)).toEqual(['user:42:email=ada@old.example@v1']);
    expect(overwrite.stale).toEqual([
      {
        where: 'cache',
        key: 'user:42:email',
        rowKey: 'user:42:email',
        cacheVersion: 1,
        dbVersion: 2,
        sinceTime: 81,
        expiresAt: 30_081,
      },
    ]);
    expect(last(trace).stale).toHaveLength(1);
    expect(trace.anomalies).toEqual([
      {
        kind: 'divergence',
        step: frameSaying(trace, 'client.read.done').index,
        time: 92,
        key: 'user:42:email',
        operations: [2],
        where: 'cache',
        cacheVersion: 1,
        dbVersion: 2,
        until: 30_081,
      },
      {
        kind: 'stale read',
        step: frameSaying(trace, 'client.read.done', 1).index,
        time: 322,
        key: 'user:42:email',
        operations: [3, 2],
        client: 'alice',
        readVersion: 1,
        newestVersion: 2,
      },
    ]);
  });
});

describe('race-fix-version-cas at seed 1', () => {
  const trace = run(raceFixVersionCas);

  it("stores Alice's version 2 and refuses Bob's older version 1", () => {
    expect(steps(trace)).toEqual([
      '0 - run.start -',
      '0 bob client.read.send -',
      '10 node-b app.read.start read-cache',
      '11 cache cache.get.miss read-cache',
      '12 node-b app.read.miss read-db',
      '40 alice client.write.send -',
      '42 db db.select.start read-db',
      '50 node-a app.write.start write-db',
      '50 db db.select.row read-db',
      '52 db db.update.start write-db',
      '67 db db.update.commit write-db',
      '69 node-a app.write.set-if-newer cas-set',
      '70 cache cache.set.newer cas-set',
      '71 node-a app.write.reply write-reply',
      '80 node-b app.read.fill.if-newer hydrate',
      '81 alice client.write.done write-reply',
      '81 cache cache.set.older hydrate',
      '82 node-b app.read.fill-refused reply',
      '92 bob client.read.done reply',
      '300 alice client.read.send -',
      '310 node-a app.read.start read-cache',
      '311 cache cache.get.hit read-cache',
      '312 node-a app.read.hit cache-hit',
      '322 alice client.read.done cache-hit',
      '322 - run.end -',
    ]);
  });

  it('keeps version 2 in the cache from the write on', () => {
    const refused = frameSaying(trace, 'cache.set.older');
    expect(refused.narration.params).toMatchObject({ version: 1, cached: 2 });
    expect(cacheOf(refused)).toEqual(['user:42:email=ada@new.example@v2']);
    expect(trace.frames.filter((f) => f.time > 70).every((f) => f.stale.length === 0)).toBe(true);
    expect(cacheOf(last(trace))).toEqual(['user:42:email=ada@new.example@v2']);
    expect(trace.anomalies).toEqual([]);
  });
});

describe('race-fix-double-delete at seed 1', () => {
  const trace = run(raceFixDoubleDelete);

  it("lets Bob's old value back in, then deletes it again 100 ms after the first delete", () => {
    expect(steps(trace)).toEqual([
      '0 - run.start -',
      '0 bob client.read.send -',
      '10 node-b app.read.start read-cache',
      '11 cache cache.get.miss read-cache',
      '12 node-b app.read.miss read-db',
      '40 alice client.write.send -',
      '42 db db.select.start read-db',
      '50 node-a app.write.start write-db',
      '50 db db.select.row read-db',
      '52 db db.update.start write-db',
      '67 db db.update.commit write-db',
      '69 node-a app.write.invalidate invalidate',
      '70 cache cache.del.absent invalidate',
      '71 node-a app.write.reply.delete-again schedule-delete-again',
      '80 node-b app.read.fill hydrate',
      '81 alice client.write.done schedule-delete-again',
      '81 cache cache.set.ttl hydrate',
      '82 node-b app.read.reply reply',
      '92 bob client.read.done reply',
      // 100 ms after the reply at 71 ms: the second DEL removes the version 1 Bob put back.
      '171 node-a app.write.delete-again delete-again',
      '172 cache cache.del -',
      '173 node-a app.write.delete-again.done delete-again',
      '300 alice client.read.send -',
      '310 node-a app.read.start read-cache',
      '311 cache cache.get.miss read-cache',
      '312 node-a app.read.miss read-db',
      '314 db db.select.start read-db',
      '322 db db.select.row read-db',
      '324 node-a app.read.fill hydrate',
      '325 cache cache.set.ttl hydrate',
      '326 node-a app.read.reply reply',
      '336 alice client.read.done reply',
      '336 - run.end -',
    ]);
  });

  it('is stale from the overwrite until the second DEL lands, and reads after it load version 2', () => {
    const overwrite = frameSaying(trace, 'cache.set.ttl');
    const again = frameSaying(trace, 'cache.del');
    expect([overwrite.time, again.time]).toEqual([81, 172]);
    // Stale exactly from Bob's fill until the second DEL; the checker sees no divergence, since the
    // second delete was already scheduled (work still under way) the whole time.
    expect(trace.frames.filter((f) => f.stale.length > 0).map((f) => f.index)).toEqual(
      trace.frames.filter((f) => f.index >= overwrite.index && f.index < again.index).map((f) => f.index),
    );
    expect(cacheOf(again)).toEqual([]);
    const aliceRead = frameSaying(trace, 'client.read.send', 1);
    expect(aliceRead.time).toBeGreaterThan(again.time);
    expect(frameSaying(trace, 'client.read.done', 1).delivered?.payload).toMatchObject({
      value: 'ada@new.example',
      version: 2,
    });
    expect(cacheOf(last(trace))).toEqual(['user:42:email=ada@new.example@v2']);
    expect(trace.anomalies).toEqual([]);
  });
});

describe('race-fix-lease at seed 1', () => {
  const trace = run(raceFixLease);

  it("cancels Bob's lease with Alice's delete, so his fill is refused", () => {
    expect(steps(trace)).toEqual([
      '0 - run.start -',
      '0 bob client.read.send -',
      '10 node-b app.read.start read-cache',
      '11 cache cache.get.miss.lease read-cache',
      '12 node-b app.read.miss.lease read-db',
      '40 alice client.write.send -',
      '42 db db.select.start read-db',
      '50 node-a app.write.start write-db',
      '50 db db.select.row read-db',
      '52 db db.update.start write-db',
      '67 db db.update.commit write-db',
      '69 node-a app.write.invalidate invalidate',
      '70 cache cache.del.absent.lease invalidate',
      '71 node-a app.write.reply write-reply',
      '80 node-b app.read.fill.lease hydrate',
      '81 alice client.write.done write-reply',
      '81 cache cache.set.lease.refused hydrate',
      '82 node-b app.read.fill-refused reply',
      '92 bob client.read.done reply',
      '300 alice client.read.send -',
      '310 node-a app.read.start read-cache',
      '311 cache cache.get.miss.lease read-cache',
      '312 node-a app.read.miss.lease read-db',
      '314 db db.select.start read-db',
      '322 db db.select.row read-db',
      '324 node-a app.read.fill.lease hydrate',
      '325 cache cache.set.lease hydrate',
      '326 node-a app.read.reply reply',
      '336 alice client.read.done reply',
      '336 - run.end -',
    ]);
  });

  it('hands out lease 1, cancels it, refuses the fill, and the next reader fills with lease 2', () => {
    expect(frameSaying(trace, 'cache.get.miss.lease').narration.params).toMatchObject({ lease: 1 });
    expect(frameSaying(trace, 'cache.del.absent.lease').narration.params).toMatchObject({ count: 1 });
    const refused = frameSaying(trace, 'cache.set.lease.refused');
    expect(refused.narration.params).toMatchObject({ lease: 1, value: 'ada@old.example' });
    expect(cacheOf(refused)).toEqual([]);
    expect(frameSaying(trace, 'cache.set.lease').narration.params).toMatchObject({
      lease: 2,
      value: 'ada@new.example',
    });
    expect(cacheOf(last(trace))).toEqual(['user:42:email=ada@new.example@v2']);
    expect(trace.anomalies).toEqual([]);
  });
});

describe('the race and its fixes at seeds 1 to 5', () => {
  it.each(SEEDS)('seed %i: the race shows divergence and a stale read; no fix shows any anomaly', (seed) => {
    expect(kindsOf(run(staleOverwriteRace, seed))).toEqual(['divergence', 'stale read']);
    for (const fixed of FIXES) expect(kindsOf(run(fixed, seed)), fixed.id).toEqual([]);
  });

  it.each(SEEDS)('seed %i: every scenario plays the same interleaving as at seed 1', (seed) => {
    expect(interleaving(run(staleOverwriteRace, seed))).toEqual([
      '11 cache.get.miss',
      '50 db.select.row',
      '67 db.update.commit',
      '70 cache.del.absent',
      '81 cache.set.ttl',
    ]);
    expect(interleaving(run(raceFixVersionCas, seed))).toEqual([
      '11 cache.get.miss',
      '50 db.select.row',
      '67 db.update.commit',
      '70 cache.set.newer',
      '81 cache.set.older',
    ]);
    expect(interleaving(run(raceFixDoubleDelete, seed))).toEqual([
      '11 cache.get.miss',
      '50 db.select.row',
      '67 db.update.commit',
      '70 cache.del.absent',
      '81 cache.set.ttl',
    ]);
    expect(interleaving(run(raceFixLease, seed))).toEqual([
      '11 cache.get.miss.lease',
      '50 db.select.row',
      '67 db.update.commit',
      '70 cache.del.absent.lease',
      '81 cache.set.lease.refused',
    ]);
  });
});
