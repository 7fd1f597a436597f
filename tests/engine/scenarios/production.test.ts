import { describe, expect, it } from 'vitest';
import { type Frame, type Trace } from '../../../src/engine/index.ts';
import { productionScenarios } from '../../../src/content/scenarios/production/index.ts';
import { productionPartition } from '../../../src/content/scenarios/production/production-partition.ts';
import { productionCrashAfterCommit } from '../../../src/content/scenarios/production/production-crash-after-commit.ts';
import { anomalyKinds, cacheOf, dbOf, frameSaying, run, steps } from '../traceHelpers.ts';

/** A node's local cache at a frame, as `key=value@vN` lines. */
const l1Of = (f: Frame, node: string) =>
  (f.localCaches[node] ?? []).map((r) => `${r.key}=${r.value}@v${r.version}`);
/** What a client's operations returned, in order (`null` for an error). */
const resultsOf = (trace: Trace, client: string) =>
  trace.history.operations.filter((o) => o.client === client).map((o) => (o.ok ? o.value : null));

const OLD = 'user:42:email=alice@old.example@v1';
const NEW = 'user:42:email=alice@new.example@v2';
const SEEDS = [1, 2, 3, 4, 5];

describe('the production scenarios', () => {
  it('are listed in the order the lesson shows them', () => {
    expect(productionScenarios.map((s) => s.id)).toEqual([
      'production-partition',
      'production-crash-after-commit',
    ]);
  });
});

describe('production-partition at seed 1', () => {
  const trace = run(productionPartition);

  it('loses the broadcast to the cut-off Node A; after the heal the nodes disagree until A’s L1 expires', () => {
    expect(steps(trace)).toEqual([
      '0 - run.start -',
      '0 bob client.read.send -',
      '1 cache cache.command.from -',
      '2 cache cache.command.from -',
      '3 app-b app.subscribed subscribe',
      '4 app-a app.subscribed subscribe',
      '15 lb lb.forward.round-robin -',
      '16 app-a app.read.local-miss read-cache',
      '18 cache cache.get.miss read-cache',
      '20 app-a app.read.miss read-db',
      '23 db db.select.start read-db',
      '31 db db.select.row read-db',
      '35 app-a app.read.fill hydrate',
      '36 cache cache.set.ttl hydrate',
      '37 app-a app.read.reply.keep-local reply',
      '38 lb lb.response reply',
      '52 bob client.read.done reply',
      '300 - fault.partition -',
      '500 alice client.write.send -',
      '515 lb lb.forward.round-robin -',
      '516 app-b app.write.start write-db',
      '519 db db.update.start write-db',
      '534 db db.update.commit write-db',
      '537 app-b app.write.invalidate invalidate',
      '538 cache cache.del invalidate',
      '540 app-b app.write.publish publish',
      '541 cache cache.command.from publish',
      '542 app-b app.write.reply write-reply',
      '542 app-b app.invalidate.own on-invalidate',
      '542 app-a fault.lost.partition -',
      '543 lb lb.response write-reply',
      '558 alice client.write.done write-reply',
      '800 - fault.heal -',
      '1000 bob client.read.send -',
      '1013 lb lb.forward.round-robin -',
      '1014 app-a app.read.local-hit local-hit',
      '1016 lb lb.response local-hit',
      '1032 bob client.read.done local-hit',
      '1500 alice client.read.send -',
      '1515 lb lb.forward.round-robin -',
      '1516 app-b app.read.local-miss read-cache',
      '1518 cache cache.get.miss read-cache',
      '1519 app-b app.read.miss read-db',
      '1522 db db.select.start read-db',
      '1530 db db.select.row read-db',
      '1533 app-b app.read.fill hydrate',
      '1534 cache cache.set.ttl hydrate',
      '1536 app-b app.read.reply.keep-local reply',
      '1537 lb lb.response reply',
      '1552 alice client.read.done reply',
      '11000 bob client.read.send -',
      '11014 lb lb.forward.round-robin -',
      '11015 app-a app.read.local-expired read-cache',
      '11016 cache cache.get.hit read-cache',
      '11018 app-a app.read.hit.keep-local cache-hit',
      '11020 lb lb.response cache-hit',
      '11031 bob client.read.done cache-hit',
      '11031 - run.end -',
    ]);
  });

  it('loses only the push to Node A, which keeps the old email while Redis and Node B move on', () => {
    const cut = frameSaying(trace, 'fault.partition');
    expect(cut.partitions).toEqual([['app-a']]);
    const lost = frameSaying(trace, 'fault.lost.partition');
    expect(lost.delivered?.payload).toMatchObject({ kind: 'cache push' });
    expect(lost.delivered?.label).toContain('user:42:email 2 app-b');
    expect(l1Of(lost, 'app-a')).toEqual([OLD]);
    expect(cacheOf(lost)).toEqual([]);
    expect(dbOf(lost)).toEqual([NEW]);
    expect(frameSaying(trace, 'fault.heal').partitions).toEqual([]);
  });

  it('gives Bob the old email from Node A and Alice the new one from Node B, then heals by the L1 TTL', () => {
    expect(resultsOf(trace, 'bob')).toEqual(['alice@old.example', 'alice@old.example', 'alice@new.example']);
    expect(resultsOf(trace, 'alice')).toEqual(['alice@new.example', 'alice@new.example']);
    expect(frameSaying(trace, 'app.read.local-hit').actor).toBe('app-a');
    const late = frameSaying(trace, 'app.read.local-expired');
    expect(late.actor).toBe('app-a');
    expect(cacheOf(late)).toEqual([NEW]);
    const last = trace.frames.at(-1)!;
    expect([l1Of(last, 'app-a'), l1Of(last, 'app-b'), last.stale]).toEqual([[NEW], [NEW], []]);
  });

  it('reports Node A’s divergence until its L1 TTL ends, and Bob’s stale read', () => {
    expect(trace.anomalies).toEqual([
      expect.objectContaining({
        kind: 'divergence',
        step: 31,
        where: 'app-a',
        cacheVersion: 1,
        until: 10_037,
      }),
      expect.objectContaining({
        kind: 'stale read',
        step: 37,
        client: 'bob',
        readVersion: 1,
        newestVersion: 2,
      }),
    ]);
  });

  it('ends the same way at other seeds', () => {
    for (const seed of SEEDS) {
      const other = run(productionPartition, seed);
      expect(anomalyKinds(other), `seed ${seed}`).toEqual(['divergence', 'stale read']);
      expect(resultsOf(other, 'bob'), `seed ${seed}`).toEqual([
        'alice@old.example',
        'alice@old.example',
        'alice@new.example',
      ]);
    }
  });
});

describe('production-crash-after-commit at seed 1', () => {
  const trace = run(productionCrashAfterCommit);

  it('commits, loses the node before DEL and PUBLISH, serves the old email until Redis’s TTL ends', () => {
    expect(steps(trace)).toEqual([
      '0 - run.start -',
      '0 bob client.read.send -',
      '1 cache cache.command.from -',
      '2 cache cache.command.from -',
      '3 app-b app.subscribed subscribe',
      '4 app-a app.subscribed subscribe',
      '15 lb lb.forward.round-robin -',
      '16 app-a app.read.local-miss read-cache',
      '18 cache cache.get.miss read-cache',
      '20 app-a app.read.miss read-db',
      '23 db db.select.start read-db',
      '31 db db.select.row read-db',
      '35 app-a app.read.fill hydrate',
      '36 cache cache.set.ttl hydrate',
      '37 app-a app.read.reply.keep-local reply',
      '38 lb lb.response reply',
      '52 bob client.read.done reply',
      '500 alice client.write.send -',
      '515 lb lb.forward.round-robin -',
      '516 app-b app.write.start write-db',
      '519 db db.update.start write-db',
      '534 db db.update.commit write-db',
      // The commit is in; its answer (537 ms) reaches a node that is down, so nothing deletes or publishes.
      '535 - fault.crash.app -',
      '537 app-b fault.lost.down write-db',
      '550 alice client.failed write-db',
      '1000 bob client.read.send -',
      '1018 lb lb.forward.round-robin -',
      '1019 app-a app.read.local-hit local-hit',
      '1020 lb lb.response local-hit',
      '1030 bob client.read.done local-hit',
      '5000 - fault.restart -',
      '5001 cache cache.command.from -',
      '5003 app-b app.subscribed subscribe',
      '12000 bob client.read.send -',
      '12018 lb lb.forward.round-robin -',
      '12019 app-b app.read.local-miss read-cache',
      '12020 cache cache.get.hit read-cache',
      '12022 app-b app.read.hit.keep-local cache-hit',
      '12023 lb lb.response cache-hit',
      '12041 bob client.read.done cache-hit',
      '30036 cache cache.expire.active -',
      '31000 bob client.read.send -',
      '31012 lb lb.forward.round-robin -',
      '31015 app-a app.read.local-expired read-cache',
      '31016 cache cache.get.miss read-cache',
      '31018 app-a app.read.miss read-db',
      '31022 db db.select.start read-db',
      '31030 db db.select.row read-db',
      '31032 app-a app.read.fill hydrate',
      '31034 cache cache.set.ttl hydrate',
      '31035 app-a app.read.reply.keep-local reply',
      '31036 lb lb.response reply',
      '31050 bob client.read.done reply',
      '31050 - run.end -',
    ]);
  });

  it('crashes Node B after the commit: the database has v2, Redis and Node A’s L1 keep v1', () => {
    const crash = frameSaying(trace, 'fault.crash.app');
    expect(crash.actors['app-b']!.state).toBe('down');
    // The database's answer is on its way to a dead node; the load balancer's 502 to Alice already is too.
    expect(crash.inFlight.map((m) => `${m.from}>${m.to} ${m.kind}`)).toEqual([
      'db>app-b db result',
      'lb>alice response',
    ]);
    expect(dbOf(crash)).toEqual([NEW]);
    expect(cacheOf(crash)).toEqual([OLD]);
    expect(l1Of(crash, 'app-a')).toEqual([OLD]);
    expect(frameSaying(trace, 'client.failed').narration.params).toMatchObject({
      client: 'alice',
      error: '502 Bad Gateway',
    });
    expect(trace.frames.some((f) => f.narration.key === 'app.write.publish')).toBe(false);
  });

  it('answers Alice 502 although her write committed, and gives Bob the old email twice', () => {
    expect(resultsOf(trace, 'alice')).toEqual([null]);
    expect(trace.history.commits.map((c) => `${c.value}@v${c.version}`)).toEqual(['alice@new.example@v2']);
    expect(resultsOf(trace, 'bob')).toEqual([
      'alice@old.example',
      'alice@old.example',
      'alice@old.example',
      'alice@new.example',
    ]);
    // The restarted node starts empty and copies the old email from Redis.
    const refill = frameSaying(trace, 'app.read.hit.keep-local');
    expect(refill.actor).toBe('app-b');
    expect(l1Of(refill, 'app-b')).toEqual([OLD]);
    const expired = frameSaying(trace, 'cache.expire.active');
    expect(cacheOf(expired)).toEqual([]);
    expect(trace.frames.at(-1)!.stale).toEqual([]);
  });

  it('reports Redis and Node A diverging, two stale reads, and Node B diverging after its refill', () => {
    expect(trace.anomalies).toEqual([
      expect.objectContaining({ kind: 'divergence', step: 24, where: 'cache', until: 30_036 }),
      expect.objectContaining({ kind: 'divergence', step: 24, where: 'app-a', until: 10_037 }),
      expect.objectContaining({ kind: 'stale read', step: 29, client: 'bob', readVersion: 1 }),
      expect.objectContaining({ kind: 'divergence', step: 39, where: 'app-b', until: 22_022 }),
      expect.objectContaining({ kind: 'stale read', step: 39, client: 'bob', readVersion: 1 }),
    ]);
  });

  it('crashes between the commit and its answer at other seeds too', () => {
    for (const seed of SEEDS) {
      const other = run(productionCrashAfterCommit, seed);
      const keys = other.frames.map((f) => f.narration.key);
      expect(keys.indexOf('db.update.commit'), `seed ${seed}`).toBeLessThan(keys.indexOf('fault.crash.app'));
      expect(keys.indexOf('fault.crash.app'), `seed ${seed}`).toBeLessThan(keys.indexOf('fault.lost.down'));
      expect(anomalyKinds(other), `seed ${seed}`).toEqual([
        'divergence',
        'divergence',
        'stale read',
        'divergence',
        'stale read',
      ]);
    }
  });
});
