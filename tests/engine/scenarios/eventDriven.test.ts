import { describe, expect, it } from 'vitest';
import { type Frame } from '../../../src/engine/index.ts';
import { eventDrivenScenarios } from '../../../src/content/scenarios/event-driven/index.ts';
import { publishAfterCommitCrash } from '../../../src/content/scenarios/event-driven/publish-after-commit-crash.ts';
import { outboxAfterRestart } from '../../../src/content/scenarios/event-driven/outbox-after-restart.ts';
import { poisonEventDlq } from '../../../src/content/scenarios/event-driven/poison-event-dlq.ts';
import { duplicateDelivery } from '../../../src/content/scenarios/event-driven/duplicate-delivery.ts';
import {
  anomalyKinds as kinds,
  cacheOf,
  frameSaying,
  framesSaying,
  last,
  run,
  steps,
} from '../traceHelpers.ts';

const outboxOf = (f: Frame) =>
  f.outbox.map((r) => `${r.eventId} schema ${r.schema}${r.published ? ' published' : ''}`);
const SEEDS = [1, 2, 3, 4, 5];
const EMAIL = 'user:42:email';

describe('the event-driven scenarios', () => {
  it('are listed in the order the lesson shows them', () => {
    expect(eventDrivenScenarios.map((s) => s.id)).toEqual([
      'publish-after-commit-crash',
      'outbox-after-restart',
      'poison-event-dlq',
      'duplicate-delivery',
    ]);
  });
});

describe('publish-after-commit-crash at seed 1', () => {
  const trace = run(publishAfterCommitCrash);

  it('commits v2, crashes before publishing, serves v1 from Redis until the TTL ends, then loads v2', () => {
    expect(steps(trace)).toEqual([
      '0 - run.start -',
      '0 writer client.write.send -',
      '15 app-a app.write.start write-db',
      '18 db db.update.start write-db',
      '33 db db.update.commit write-db',
      // The commit happened at 33 ms; its answer (36 ms) reaches a node that is down, so nothing publishes.
      '34 - fault.crash.app -',
      '36 app-a fault.lost.down write-db',
      '1000 - fault.restart -',
      '1500 reader client.read.send -',
      '1520 app-b app.read.start read-cache',
      '1522 cache cache.get.hit read-cache',
      '1523 app-b app.read.hit cache-hit',
      '1539 reader client.read.done cache-hit',
      '30000 cache cache.expire.active -',
      '31000 reader client.read.send -',
      '31017 app-b app.read.start read-cache',
      '31018 cache cache.get.miss read-cache',
      '31020 app-b app.read.miss read-db',
      '31023 db db.select.start read-db',
      '31031 db db.select.row read-db',
      '31034 app-b app.read.fill hydrate',
      '31035 cache cache.set.ttl hydrate',
      '31036 app-b app.read.reply reply',
      '31048 reader client.read.done reply',
      '31048 - run.end -',
    ]);
  });

  it('never publishes the event: the broker stores nothing and no consumer acts', () => {
    expect(trace.frames.some((f) => f.inFlight.some((m) => m.kind === 'event publish'))).toBe(false);
    expect(last(trace).actors['broker']!.holds).toEqual(['topic: 0 events']);
    expect(trace.frames.some((f) => f.actor === 'invalidator')).toBe(false);
  });

  it('crashes the node while the database answer is on its way, after the commit', () => {
    const crash = frameSaying(trace, 'fault.crash.app');
    expect(crash.db).toEqual([{ key: EMAIL, value: 'ada@new.example', version: 2 }]);
    expect(crash.inFlight.map((m) => `${m.from}>${m.to} ${m.kind}`)).toEqual(['db>app-a db result']);
    expect(crash.actors['app-a']!.state).toBe('down');
  });

  it('keeps v1 in Redis from the commit until the TTL sweeps it', () => {
    const hit = frameSaying(trace, 'cache.get.hit');
    expect(cacheOf(hit)).toEqual([`${EMAIL}=ada@old.example@v1`]);
    expect(hit.stale).toMatchObject([
      { where: 'cache', key: EMAIL, cacheVersion: 1, dbVersion: 2, sinceTime: 33 },
    ]);
    expect(cacheOf(last(trace))).toEqual([`${EMAIL}=ada@new.example@v2`]);
    expect(last(trace).stale).toEqual([]);
  });

  it('reports the divergence once nothing is under way, and the stale read on node B', () => {
    expect(trace.anomalies).toMatchObject([
      {
        kind: 'divergence',
        time: 36,
        key: EMAIL,
        where: 'cache',
        cacheVersion: 1,
        dbVersion: 2,
        until: 30_000,
      },
      { kind: 'stale read', time: 1539, key: EMAIL, client: 'reader', readVersion: 1, newestVersion: 2 },
    ]);
  });
});

describe('publish-after-commit-crash at every seed', () => {
  it.each(SEEDS)('seed %i: a divergence, then a stale read; the TTL ends it', (seed) => {
    const trace = run(publishAfterCommitCrash, seed);
    expect(kinds(trace)).toEqual(['divergence', 'stale read']);
    expect(trace.anomalies[0]).toMatchObject({ time: 36, until: 30_000 });
    expect(last(trace).stale).toEqual([]);
  });
});

describe('outbox-after-restart at seed 1', () => {
  const trace = run(outboxAfterRestart);

  it('commits the row and its event together; after the restart the relay publishes it and the consumer deletes the key', () => {
    expect(steps(trace)).toEqual([
      '0 - run.start -',
      '0 writer client.write.send -',
      '2 db db.outbox.pending.start -',
      '10 db db.outbox.pending.none -',
      '12 relay relay.pending.none -',
      '15 app-a app.write.start.outbox outbox-write',
      '18 db db.update.start outbox-write',
      // The relay goes down before the commit, so the change notification at 33 ms is lost.
      '20 - fault.crash -',
      '33 db db.update.commit.outbox.notify outbox-write',
      '34 - fault.crash.app -',
      '34 relay fault.lost.down -',
      '36 app-a fault.lost.down outbox-write',
      // On start the relay asks the database for unpublished rows: the outbox kept the event.
      '1000 - fault.restart.relay -',
      '1000 - fault.restart -',
      '1002 db db.outbox.pending.start -',
      '1010 db db.outbox.pending -',
      '1013 relay relay.pending -',
      '1015 broker broker.store -',
      '1017 invalidator consumer.claim -',
      '1018 relay relay.stored -',
      '1019 cache cache.command.from -',
      '1019 db db.outbox.published.start -',
      '1021 invalidator consumer.delete -',
      '1022 cache cache.del -',
      '1023 invalidator consumer.done -',
      '1025 broker broker.ack -',
      '1034 db db.outbox.published -',
      '1035 relay relay.marked -',
      '1500 reader client.read.send -',
      '1514 app-b app.read.start read-cache',
      '1516 cache cache.get.miss read-cache',
      '1517 app-b app.read.miss read-db',
      '1519 db db.select.start read-db',
      '1527 db db.select.row read-db',
      '1529 app-b app.read.fill hydrate',
      '1530 cache cache.set.ttl hydrate',
      '1532 app-b app.read.reply reply',
      '1550 reader client.read.done reply',
      '1550 - run.end -',
    ]);
  });

  it('keeps the event as an unpublished outbox row while node A and the relay are down', () => {
    const lost = framesSaying(trace, 'fault.lost.down');
    expect(lost.map((f) => f.actor)).toEqual(['relay', 'app-a']);
    expect(outboxOf(lost[1]!)).toEqual([`${EMAIL}#v2 schema 1`]);
    expect(lost[1]!.actors['relay']!.state).toBe('down');
    expect(lost[1]!.actors['app-a']!.state).toBe('down');
  });

  it('finds the row when the relay starts again, publishes it and marks it published', () => {
    expect(frameSaying(trace, 'relay.pending').narration.params).toMatchObject({
      count: 1,
      eventIds: `${EMAIL}#v2`,
    });
    expect(outboxOf(frameSaying(trace, 'db.outbox.published'))).toEqual([`${EMAIL}#v2 schema 1 published`]);
    expect(last(trace).actors['relay']!.holds).toEqual([`published: ${EMAIL}#v2`]);
    expect(last(trace).actors['invalidator']!.holds).toEqual([`seen: ${EMAIL}#v2`]);
  });

  it('ends with v2 in Redis, read from the database after the consumer deleted v1', () => {
    expect(cacheOf(frameSaying(trace, 'cache.del'))).toEqual([`processed:${EMAIL}#v2=1@vnull`]);
    expect(frameSaying(trace, 'client.read.done').narration.params).toMatchObject({
      value: 'ada@new.example',
    });
    expect(cacheOf(last(trace))).toEqual([`processed:${EMAIL}#v2=1@vnull`, `${EMAIL}=ada@new.example@v2`]);
  });
});

describe('outbox-after-restart at every seed', () => {
  it.each(SEEDS)(
    'seed %i: only the divergence while both are down; no stale read, nothing stale at the end',
    (seed) => {
      const trace = run(outboxAfterRestart, seed);
      expect(kinds(trace)).toEqual(['divergence']);
      // The divergence is from before the restart; the consumer deletes v1 soon after it.
      expect(trace.anomalies[0]!.time).toBeLessThan(1000);
      expect(trace.history.operations.find((o) => o.op === 'read')).toMatchObject({ version: 2 });
      expect(last(trace).stale).toEqual([]);
      expect(last(trace).outbox.every((r) => r.published)).toBe(true);
    },
  );
});

describe('poison-event-dlq at seed 1', () => {
  const trace = run(poisonEventDlq);

  it('retries the schema-2 event three times, processes the normal event in between, then dead-letters the poison', () => {
    expect(steps(trace)).toEqual([
      '0 - run.start -',
      '2 db db.outbox.pending.start -',
      '10 db db.outbox.pending -',
      '11 relay relay.pending -',
      '13 broker broker.store -',
      '16 relay relay.stored -',
      '16 invalidator consumer.poison -',
      '17 db db.outbox.published.start -',
      '18 broker broker.retry.wait -',
      '32 db db.outbox.published -',
      '35 relay relay.marked -',
      '218 broker broker.retry -',
      '220 invalidator consumer.poison -',
      '223 broker broker.retry.wait -',
      '250 writer client.write.send -',
      '265 app-a app.write.start.outbox outbox-write',
      '268 db db.update.start outbox-write',
      '283 db db.update.commit.outbox.notify outbox-write',
      // While the poison event waits 200 ms for attempt 3, the normal event goes through.
      '285 relay relay.cdc -',
      '286 app-a app.write.reply.outbox write-reply',
      '286 broker broker.store -',
      '287 invalidator consumer.claim -',
      '288 relay relay.stored -',
      '289 cache cache.command.from -',
      '290 invalidator consumer.delete -',
      '291 db db.outbox.published.start -',
      '291 cache cache.del -',
      '292 invalidator consumer.done -',
      '294 broker broker.ack -',
      '301 writer client.write.done write-reply',
      '306 db db.outbox.published -',
      '308 relay relay.marked -',
      '423 broker broker.retry -',
      '426 invalidator consumer.poison -',
      '427 broker broker.dead-letter -',
      '428 dlq dlq.store -',
      '1000 reader client.read.send -',
      '1017 app-b app.read.start read-cache',
      '1019 cache cache.get.miss read-cache',
      '1021 app-b app.read.miss read-db',
      '1023 db db.select.start read-db',
      '1031 db db.select.row read-db',
      '1035 app-b app.read.fill hydrate',
      '1036 cache cache.set.ttl hydrate',
      '1038 app-b app.read.reply reply',
      '1058 reader client.read.done reply',
      '1058 - run.end -',
    ]);
  });

  it('delivers the poison event three times, 200 ms apart after each failure', () => {
    const deliveries = trace.frames
      .flatMap((f) => (f.delivered === null ? [] : [f.delivered]))
      .filter((m) => m.kind === 'event delivery' && m.payload.kind === 'event delivery')
      .map((m) =>
        m.payload.kind === 'event delivery' ? `${m.payload.event.eventId} #${m.payload.attempt}` : '',
      );
    expect(deliveries).toEqual([
      'user:42:name#v2 #1',
      'user:42:name#v2 #2',
      `${EMAIL}#v2 #1`,
      'user:42:name#v2 #3',
    ]);
    const waits = framesSaying(trace, 'broker.retry.wait').map((f) => f.time);
    const retries = framesSaying(trace, 'broker.retry').map((f) => f.time);
    expect(retries.map((t, i) => t - waits[i]!)).toEqual([200, 200]);
  });

  it('parks the poison event in the dead-letter queue and the outbox shows both events published', () => {
    const end = last(trace);
    expect(end.actors['dlq']!.holds).toEqual(['dead letters: 1', 'user:42:name#v2 (schema 2, 3 attempts)']);
    expect(end.actors['broker']!.holds).toEqual(['topic: 2 events', 'dead-lettered: 1']);
    expect(end.actors['invalidator']!.holds).toEqual([`seen: ${EMAIL}#v2`]);
    expect(outboxOf(end)).toEqual(['user:42:name#v2 schema 2 published', `${EMAIL}#v2 schema 1 published`]);
  });

  it('deletes the old email while the poison event waits for its last try, and the read gets v2', () => {
    const done = frameSaying(trace, 'consumer.done');
    expect(done.time).toBeLessThan(frameSaying(trace, 'broker.dead-letter').time);
    expect(cacheOf(done)).toEqual([`processed:${EMAIL}#v2=1@vnull`]);
    expect(frameSaying(trace, 'client.read.done').narration.params).toMatchObject({
      value: 'ada@new.example',
    });
  });
});

describe('duplicate-delivery at seed 1', () => {
  const trace = run(duplicateDelivery);

  it('processes the event, loses the answer, gets it again after the ack timeout and skips it as a duplicate', () => {
    expect(steps(trace)).toEqual([
      '0 - run.start -',
      '0 - fault.drop-next.kind -',
      '0 writer client.write.send -',
      '2 db db.outbox.pending.start -',
      '10 db db.outbox.pending.none -',
      '12 relay relay.pending.none -',
      '15 app-a app.write.start.outbox outbox-write',
      '18 db db.update.start outbox-write',
      '33 db db.update.commit.outbox.notify outbox-write',
      '34 relay relay.cdc -',
      '36 app-a app.write.reply.outbox write-reply',
      '36 broker broker.store -',
      '38 relay relay.stored -',
      '39 invalidator consumer.claim -',
      '40 db db.outbox.published.start -',
      '41 cache cache.command.from -',
      '42 invalidator consumer.delete -',
      '44 cache cache.del -',
      '45 invalidator consumer.done -',
      // The consumer's "done" is lost, so the broker still waits for an answer.
      '46 broker fault.lost.dropped -',
      '51 writer client.write.done write-reply',
      '55 db db.outbox.published -',
      '57 relay relay.marked -',
      '200 reader client.read.send -',
      '210 app-b app.read.start read-cache',
      '211 cache cache.get.miss read-cache',
      '213 app-b app.read.miss read-db',
      '215 db db.select.start read-db',
      '223 db db.select.row read-db',
      '225 app-b app.read.fill hydrate',
      '226 cache cache.set.ttl hydrate',
      '227 app-b app.read.reply reply',
      '243 reader client.read.done reply',
      // 500 ms (ackTimeoutMs) after the first delivery, the broker delivers the event again.
      '536 broker broker.timeout -',
      '539 invalidator consumer.claim -',
      '540 cache cache.command.from -',
      '541 invalidator consumer.duplicate -',
      '543 broker broker.ack.duplicate -',
      '1000 reader client.read.send -',
      '1016 app-b app.read.start read-cache',
      '1018 cache cache.get.hit read-cache',
      '1019 app-b app.read.hit cache-hit',
      '1036 reader client.read.done cache-hit',
      '1036 - run.end -',
    ]);
  });

  it('redelivers exactly ackTimeoutMs after the first delivery, as attempt 2', () => {
    const stored = frameSaying(trace, 'broker.store');
    const timeout = frameSaying(trace, 'broker.timeout');
    expect(timeout.time - stored.time).toBe(500);
    expect(timeout.narration.params).toMatchObject({ attempt: 2, eventId: `${EMAIL}#v2` });
  });

  it('finds the marker on the second delivery, deletes nothing, and the refilled v2 stays', () => {
    expect(framesSaying(trace, 'consumer.delete')).toHaveLength(1);
    const duplicate = frameSaying(trace, 'consumer.duplicate');
    expect(duplicate.narration.params).toMatchObject({ eventId: `${EMAIL}#v2` });
    expect(duplicate.delivered?.payload).toMatchObject({
      kind: 'cache reply',
      command: 'SET',
      reply: { type: 'bulk', value: null },
    });
    expect(cacheOf(duplicate)).toEqual([`processed:${EMAIL}#v2=1@vnull`, `${EMAIL}=ada@new.example@v2`]);
    expect(frameSaying(trace, 'client.read.done', 1).narration.params).toMatchObject({
      value: 'ada@new.example',
    });
    expect(frameSaying(trace, 'client.read.done', 1).code?.marker).toBe('cache-hit');
    expect(last(trace).actors['broker']!.holds).toEqual(['topic: 1 event']);
  });
});

describe.each([
  ['poison-event-dlq', poisonEventDlq],
  ['duplicate-delivery', duplicateDelivery],
] as const)('%s at every seed', (_, scenario) => {
  it.each(SEEDS)('seed %i: no anomaly and nothing stale at the end', (seed) => {
    const trace = run(scenario, seed);
    expect(trace.anomalies).toEqual([]);
    expect(last(trace).stale).toEqual([]);
    expect(cacheOf(last(trace))).toContain(`${EMAIL}=ada@new.example@v2`);
  });
});
