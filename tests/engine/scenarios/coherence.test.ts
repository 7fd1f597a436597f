import { describe, expect, it } from 'vitest';
import { type Frame, type Trace } from '../../../src/engine/index.ts';
import { coherenceDroppedInvalidation } from '../../../src/content/scenarios/coherence/coherence-dropped-invalidation.ts';
import { multiLevelRead } from '../../../src/content/scenarios/coherence/multi-level-read.ts';
import { coherencePubsub } from '../../../src/content/scenarios/coherence/coherence-pubsub.ts';
import { coherenceStaleLocal } from '../../../src/content/scenarios/coherence/coherence-stale-local.ts';
import { versionedKeys } from '../../../src/content/scenarios/coherence/versioned-keys.ts';
import { anomalyKinds as kindsOf, cacheOf, frameSaying, run, steps } from '../traceHelpers.ts';

/** A node's local cache at a frame, as `key=value@vN` lines. */
const l1Of = (f: Frame, node: string) =>
  (f.localCaches[node] ?? []).map((r) => `${r.key}=${r.value}@v${r.version}`);
/** What a client read, in order. */
const readsOf = (trace: Trace, client: string) =>
  trace.history.operations.filter((o) => o.client === client && o.op === 'read').map((o) => o.value);

describe('coherence-stale-local at seed 1', () => {
  const trace = run(coherenceStaleLocal);

  it('Node B keeps its local copy after Alice’s write through Node A and serves it to Bob', () => {
    expect(steps(trace)).toEqual([
      '0 - run.start -',
      '0 bob client.read.send -',
      '16 app-b app.read.local-miss read-cache',
      '17 cache cache.get.miss read-cache',
      '19 app-b app.read.miss read-db',
      '23 db db.select.start read-db',
      '31 db db.select.row read-db',
      '35 app-b app.read.fill hydrate',
      '36 cache cache.set.ttl hydrate',
      '38 app-b app.read.reply.keep-local reply',
      '55 bob client.read.done reply',
      '500 alice client.write.send -',
      '514 app-a app.write.start write-db',
      '518 db db.update.start write-db',
      '533 db db.update.commit write-db',
      '536 app-a app.write.invalidate invalidate',
      '537 cache cache.del invalidate',
      '538 app-a app.write.reply write-reply',
      '552 alice client.write.done write-reply',
      '1000 bob client.read.send -',
      '1012 app-b app.read.local-hit local-hit',
      '1023 bob client.read.done local-hit',
      '1023 - run.end.stale.local -',
    ]);
  });

  it('holds the old email in Node B’s L1 after the commit; the checker finds divergence and a stale read', () => {
    const committed = frameSaying(trace, 'db.update.commit');
    expect(l1Of(committed, 'app-b')).toEqual(['user:42:email=alice@old.example@v1']);
    expect(l1Of(committed, 'app-a')).toEqual([]);
    expect(committed.db.map((r) => `${r.key}=${r.value}@v${r.version}`)).toEqual([
      'user:42:email=alice@new.example@v2',
    ]);
    expect(readsOf(trace, 'bob')).toEqual(['alice@old.example', 'alice@old.example']);
    expect(frameSaying(trace, 'app.read.local-hit').actor).toBe('app-b');
    expect(trace.anomalies).toEqual([
      expect.objectContaining({ kind: 'divergence', where: 'app-b', cacheVersion: 1, dbVersion: 2 }),
      expect.objectContaining({ kind: 'stale read', client: 'bob', readVersion: 1, newestVersion: 2 }),
    ]);
  });
});

describe('coherence-pubsub at seed 1', () => {
  const trace = run(coherencePubsub);

  it('Node A publishes the invalidation, Node B drops its copy, and Bob reads the new email', () => {
    expect(steps(trace)).toEqual([
      '0 - run.start -',
      '0 bob client.read.send -',
      '1 cache cache.command.from -',
      '2 cache cache.command.from -',
      '3 app-b app.subscribed subscribe',
      '4 app-a app.subscribed subscribe',
      '15 app-b app.read.local-miss read-cache',
      '16 cache cache.get.miss read-cache',
      '18 app-b app.read.miss read-db',
      '22 db db.select.start read-db',
      '30 db db.select.row read-db',
      '33 app-b app.read.fill hydrate',
      '35 cache cache.set.ttl hydrate',
      '36 app-b app.read.reply.keep-local reply',
      '51 bob client.read.done reply',
      '500 alice client.write.send -',
      '511 app-a app.write.start write-db',
      '514 db db.update.start write-db',
      '529 db db.update.commit write-db',
      '531 app-a app.write.invalidate invalidate',
      '532 cache cache.del invalidate',
      '533 app-a app.write.publish publish',
      '534 cache cache.command.from publish',
      '535 app-a app.write.reply write-reply',
      '535 app-a app.invalidate.own on-invalidate',
      '536 app-b app.invalidate.drop on-invalidate',
      '547 alice client.write.done write-reply',
      '1000 bob client.read.send -',
      '1010 app-b app.read.local-miss read-cache',
      '1011 cache cache.get.miss read-cache',
      '1013 app-b app.read.miss read-db',
      '1017 db db.select.start read-db',
      '1025 db db.select.row read-db',
      '1027 app-b app.read.fill hydrate',
      '1028 cache cache.set.ttl hydrate',
      '1030 app-b app.read.reply.keep-local reply',
      '1046 bob client.read.done reply',
      '1046 - run.end -',
    ]);
  });

  it('empties Node B’s L1 when the invalidation arrives, and refills it with version 2', () => {
    const dropped = frameSaying(trace, 'app.invalidate.drop');
    expect(dropped.actor).toBe('app-b');
    expect(l1Of(trace.frames[dropped.index - 1]!, 'app-b')).toEqual(['user:42:email=alice@old.example@v1']);
    expect(l1Of(dropped, 'app-b')).toEqual([]);
    expect(frameSaying(trace, 'app.invalidate.own').actor).toBe('app-a');
    expect(l1Of(trace.frames.at(-1)!, 'app-b')).toEqual(['user:42:email=alice@new.example@v2']);
    expect(readsOf(trace, 'bob')).toEqual(['alice@old.example', 'alice@new.example']);
    expect(trace.anomalies).toEqual([]);
  });
});

describe('coherence-dropped-invalidation at seed 1', () => {
  const trace = run(coherenceDroppedInvalidation);

  it('loses the invalidation (not the subscription confirmation); Node B is stale until its L1 TTL ends', () => {
    expect(steps(trace)).toEqual([
      '0 - run.start -',
      '0 bob client.read.send -',
      '1 cache cache.command.from -',
      '2 cache cache.command.from -',
      '3 app-b app.subscribed subscribe',
      '4 app-a app.subscribed subscribe',
      '15 app-b app.read.local-miss read-cache',
      '16 cache cache.get.miss read-cache',
      '18 app-b app.read.miss read-db',
      '22 db db.select.start read-db',
      '30 db db.select.row read-db',
      '33 app-b app.read.fill hydrate',
      '35 cache cache.set.ttl hydrate',
      '36 app-b app.read.reply.keep-local reply',
      '51 bob client.read.done reply',
      '400 - fault.drop-next.kind -',
      '500 alice client.write.send -',
      '511 app-a app.write.start write-db',
      '514 db db.update.start write-db',
      '529 db db.update.commit write-db',
      '531 app-a app.write.invalidate invalidate',
      '532 cache cache.del invalidate',
      '533 app-a app.write.publish publish',
      '534 cache cache.command.from publish',
      '535 app-a app.write.reply write-reply',
      '535 app-a app.invalidate.own on-invalidate',
      '536 app-b fault.lost.dropped -',
      '547 alice client.write.done write-reply',
      '1000 bob client.read.send -',
      '1010 app-b app.read.local-hit local-hit',
      '1024 bob client.read.done local-hit',
      '11000 bob client.read.send -',
      '11016 app-b app.read.local-expired read-cache',
      '11018 cache cache.get.miss read-cache',
      '11019 app-b app.read.miss read-db',
      '11021 db db.select.start read-db',
      '11029 db db.select.row read-db',
      '11032 app-b app.read.fill hydrate',
      '11034 cache cache.set.ttl hydrate',
      '11036 app-b app.read.reply.keep-local reply',
      '11048 bob client.read.done reply',
      '11048 - run.end -',
    ]);
  });

  it('Bob reads the old email from L1 until it expires, then the new one', () => {
    expect(frameSaying(trace, 'app.subscribed').actor).toBe('app-b');
    const lost = frameSaying(trace, 'fault.lost.dropped');
    expect(lost.delivered?.payload).toMatchObject({ kind: 'cache push' });
    expect(lost.delivered?.label).toContain('user:42:email 2 app-a');
    expect(l1Of(lost, 'app-b')).toEqual(['user:42:email=alice@old.example@v1']);
    expect(readsOf(trace, 'bob')).toEqual(['alice@old.example', 'alice@old.example', 'alice@new.example']);
    expect(trace.anomalies).toEqual([
      expect.objectContaining({ kind: 'divergence', where: 'app-b', until: 10_036 }),
      expect.objectContaining({ kind: 'stale read', client: 'bob', readVersion: 1, newestVersion: 2 }),
    ]);
  });
});

describe('multi-level-read at seed 1', () => {
  const trace = run(multiLevelRead);

  it('misses both levels, hits L1, hits L2 on the other node, then hits L2 after L1 expires', () => {
    expect(steps(trace)).toEqual([
      '0 - run.start -',
      '0 bob client.read.send -',
      '16 app-b app.read.local-miss read-cache',
      '17 cache cache.get.miss read-cache',
      '19 app-b app.read.miss read-db',
      '23 db db.select.start read-db',
      '31 db db.select.row read-db',
      '35 app-b app.read.fill hydrate',
      '36 cache cache.set.ttl hydrate',
      '38 app-b app.read.reply.keep-local reply',
      '55 bob client.read.done reply',
      '500 bob client.read.send -',
      '514 app-b app.read.local-hit local-hit',
      '534 bob client.read.done local-hit',
      '1000 alice client.read.send -',
      '1015 app-a app.read.local-miss read-cache',
      '1016 cache cache.get.hit read-cache',
      '1017 app-a app.read.hit.keep-local cache-hit',
      '1031 alice client.read.done cache-hit',
      '12000 bob client.read.send -',
      '12012 app-b app.read.local-expired read-cache',
      '12013 cache cache.get.hit read-cache',
      '12014 app-b app.read.hit.keep-local cache-hit',
      '12024 bob client.read.done cache-hit',
      '12024 - run.end -',
    ]);
  });

  it('fills each node’s L1 as it reads, and loses Node B’s copy after 10 s while Redis keeps the key', () => {
    expect(l1Of(frameSaying(trace, 'app.read.reply.keep-local'), 'app-b')).toEqual([
      'user:42:email=alice@old.example@v1',
    ]);
    const aliceHit = frameSaying(trace, 'app.read.hit.keep-local');
    expect(aliceHit.actor).toBe('app-a');
    expect(l1Of(aliceHit, 'app-a')).toEqual(['user:42:email=alice@old.example@v1']);
    const late = frameSaying(trace, 'app.read.local-expired');
    expect(late).toMatchObject({ actor: 'app-b', time: 12_012 });
    expect(l1Of(late, 'app-b')).toEqual([]);
    expect(cacheOf(late)).toEqual(['user:42:email=alice@old.example@v1']);
    expect(trace.history.operations.map((o) => o.value)).toEqual(Array(4).fill('alice@old.example'));
    expect(trace.frames.at(-1)!.counters).toMatchObject({ dbReads: 1 });
  });
});

describe('versioned-keys at seed 1', () => {
  const trace = run(versionedKeys);

  it('reads through the version pointer; the write bumps it; the old key expires unread', () => {
    expect(steps(trace)).toEqual([
      '0 - run.start -',
      '0 bob client.read.send -',
      '16 app-b app.read.version read-version',
      '17 cache cache.get.miss read-version',
      '19 app-b app.read.version.none read-db',
      '23 db db.select.start read-db',
      '31 db db.select.row read-db',
      '35 app-b app.read.fill hydrate',
      '36 cache cache.set.ttl hydrate',
      '38 app-b app.read.version.record hydrate',
      '40 cache cache.command.from hydrate',
      '41 app-b app.read.reply reply',
      '61 bob client.read.done reply',
      '500 alice client.write.send -',
      '515 app-a app.write.start write-db',
      '518 db db.update.start write-db',
      '533 db db.update.commit write-db',
      '535 app-a app.write.version-bump bump-version',
      '536 cache cache.set bump-version',
      '537 app-a app.write.reply write-reply',
      '548 alice client.write.done write-reply',
      '1000 bob client.read.send -',
      '1015 app-b app.read.version read-version',
      '1016 cache cache.get.hit read-version',
      '1017 app-b app.read.versioned read-cache',
      '1019 cache cache.get.miss read-cache',
      '1020 app-b app.read.miss read-db',
      '1022 db db.select.start read-db',
      '1030 db db.select.row read-db',
      '1032 app-b app.read.fill hydrate',
      '1033 cache cache.set.ttl hydrate',
      '1035 app-b app.read.reply reply',
      '1053 bob client.read.done reply',
      '30036 cache cache.expire.active -',
      '30500 bob client.read.send -',
      '30513 app-b app.read.version read-version',
      '30514 cache cache.get.hit read-version',
      '30516 app-b app.read.versioned read-cache',
      '30518 cache cache.get.hit read-cache',
      '30520 app-b app.read.hit cache-hit',
      '30532 bob client.read.done cache-hit',
      '30532 - run.end -',
    ]);
  });

  it('keeps the orphaned v1 key until its TTL while readers use v2', () => {
    const reread = frameSaying(trace, 'client.read.done', 1);
    expect(cacheOf(reread)).toEqual(
      expect.arrayContaining([
        'user:42:email:v1=alice@old.example@v1',
        'user:42:email:v2=alice@new.example@v2',
      ]),
    );
    const swept = frameSaying(trace, 'cache.expire.active');
    expect(swept.narration.params['keys']).toBe('user:42:email:v1');
    expect(cacheOf(swept).some((line) => line.startsWith('user:42:email:v1='))).toBe(false);
    expect(readsOf(trace, 'bob')).toEqual(['alice@old.example', 'alice@new.example', 'alice@new.example']);
    expect(trace.anomalies).toEqual([]);
  });
});

describe('coherence checker verdicts', () => {
  it.each([1, 2, 3, 4, 5])(
    'at seed %i: anomalies without invalidation or with a lost one, none otherwise',
    (seed) => {
      const both = expect.arrayContaining(['divergence', 'stale read']);
      expect(kindsOf(run(coherenceStaleLocal, seed))).toEqual(both);
      expect(kindsOf(run(coherenceDroppedInvalidation, seed))).toEqual(both);
      expect(kindsOf(run(coherencePubsub, seed))).toEqual([]);
      expect(kindsOf(run(multiLevelRead, seed))).toEqual([]);
      expect(kindsOf(run(versionedKeys, seed))).toEqual([]);
    },
  );
});
