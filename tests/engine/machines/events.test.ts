import { createActor, SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { brokerMachine, holdingsOf as brokerHoldings } from '../../../src/engine/machines/brokerMachine.ts';
import {
  consumerMachine,
  holdingsOf as consumerHoldings,
} from '../../../src/engine/machines/consumerMachine.ts';
import {
  deadLetterQueueMachine,
  holdingsOf as deadLetterHoldings,
} from '../../../src/engine/machines/deadLetterQueueMachine.ts';
import { holdingsOf as relayHoldings, relayMachine } from '../../../src/engine/machines/relayMachine.ts';
import { executeCommand } from '../../../src/engine/redis/commands.ts';
import { Keyspace } from '../../../src/engine/redis/keyspace.ts';
import type { Reply } from '../../../src/engine/redis/reply.ts';
import type { Payload, StepNote } from '../../../src/engine/sim/messages.ts';
import type { InvalidationEvent } from '../../../src/engine/sim/scenario.ts';
import { eventNarration } from '../../../src/content/narration/events.ts';
import { record, message } from './driver.ts';

// The event-driven actors alone, driven by hand on a simulated clock: the state path each takes,
// and exactly what it sends and says.

const event = (key: string, version: number, schema = 1): InvalidationEvent => ({
  eventId: `${key}#v${version}`,
  key,
  version,
  schema,
});
const E1 = event('user:1', 2);
const E2 = event('user:2', 5);
const E3 = event('user:3', 1);

/**
 * A simulated clock that also counts the timers still set, to check a machine cancels what it no
 * longer needs (a leftover timer would keep a run going, and fire as an empty step).
 */
function countingClock() {
  const simulated = new SimulatedClock();
  const pending = new Set<number>();
  const clock = {
    setTimeout(fn: (...args: unknown[]) => void, ms: number): number {
      const id: number = simulated.setTimeout(() => {
        pending.delete(id);
        fn();
      }, ms);
      pending.add(id);
      return id;
    },
    clearTimeout(id: number): void {
      pending.delete(id);
      simulated.clearTimeout(id);
    },
    increment: (ms: number) => simulated.increment(ms),
    timersSet: () => pending.size,
  };
  return clock;
}

/** Every note key said, and every key the narration must have a sentence for. */
const saidKeys = new Set<string>();
function keysOf(notes: StepNote[]): string[] {
  for (const n of notes) saidKeys.add(n.key);
  return notes.map((n) => n.key);
}

describe('relayMachine', () => {
  function startRelay() {
    const clock = new SimulatedClock();
    const { outbox, sent, notes } = record();
    const relay = createActor(relayMachine, {
      input: { id: 'relay', outbox, narrate: true, now: () => clock.now(), database: 'db', broker: 'broker' },
      clock,
    });
    relay.start();
    const from = (sender: string, payload: Payload) => relay.send(message(sender, 'relay', payload));
    const state = () => relay.getSnapshot().value;
    return { relay, sent, notes, from, state };
  }
  const stored = (e: InvalidationEvent): Payload => ({
    kind: 'event stored',
    requestId: 0,
    eventId: e.eventId,
  });
  const marked = (e: InvalidationEvent): Payload => ({
    kind: 'db result',
    requestId: 0,
    query: 'outbox published',
    eventId: e.eventId,
  });
  const publish = (e: InvalidationEvent) => ({
    type: 'send',
    to: 'broker',
    payload: { kind: 'event publish', requestId: 0, event: e },
  });
  const markQuery = (e: InvalidationEvent) => ({
    type: 'send',
    to: 'db',
    payload: { kind: 'db query', requestId: 0, query: 'outbox published', eventId: e.eventId },
  });

  it('publishes the pending rows on start, one at a time, oldest first, and marks each', () => {
    const { relay, sent, notes, from, state } = startRelay();
    expect(state()).toBe('loading');
    expect(sent).toEqual([
      { type: 'send', to: 'db', payload: { kind: 'db query', requestId: 0, query: 'outbox pending' } },
    ]);

    // A row committed while the list is on its way is queued behind the listed ones.
    from('db', { kind: 'outbox row', requestId: 0, event: E3 });
    expect(state()).toBe('loading');
    from('db', { kind: 'db result', requestId: 0, query: 'outbox pending', events: [E1, E2] });
    expect(state()).toBe('publishing');
    expect(relayHoldings(relay.getSnapshot().context)).toEqual([
      'publishing: user:1#v2',
      'queue: user:2#v5, user:3#v1',
    ]);

    // The broker's confirmation of an event the relay is not publishing changes nothing.
    from('broker', stored(E2));
    expect(state()).toBe('publishing');
    from('broker', stored(E1));
    expect(state()).toBe('marking');
    from('db', marked(E1));
    expect(state()).toBe('publishing');
    from('broker', stored(E2));
    from('db', marked(E2));
    from('broker', stored(E3));
    from('db', marked(E3));
    expect(state()).toBe('idle');

    expect(sent.slice(1)).toEqual([
      publish(E1),
      markQuery(E1),
      publish(E2),
      markQuery(E2),
      publish(E3),
      markQuery(E3),
    ]);
    expect(keysOf(notes)).toEqual([
      'relay.start',
      'relay.cdc.queue',
      'relay.pending',
      'relay.publish',
      'relay.stored',
      'relay.marked.next',
      'relay.publish',
      'relay.stored',
      'relay.marked.next',
      'relay.publish',
      'relay.stored',
      'relay.marked',
    ]);
    expect(notes[0]!.params).toEqual({ node: 'relay', to: 'db' });
    expect(notes[2]!.params).toEqual({ node: 'relay', count: 2, eventIds: 'user:1#v2, user:2#v5' });
    expect(notes[5]!.params).toEqual({ node: 'relay', eventId: 'user:1#v2', next: 'user:2#v5' });
    expect(relayHoldings(relay.getSnapshot().context)).toEqual([
      'published: user:1#v2, user:2#v5, user:3#v1',
    ]);
  });

  it('publishes a row the database reports while idle, and skips one it already has', () => {
    const { sent, notes, from, state } = startRelay();
    from('db', { kind: 'db result', requestId: 0, query: 'outbox pending', events: [] });
    expect(state()).toBe('idle');
    from('db', { kind: 'outbox row', requestId: 0, event: E1 });
    expect(state()).toBe('publishing');
    from('db', { kind: 'outbox row', requestId: 0, event: E1 }); // being published
    from('db', { kind: 'outbox row', requestId: 0, event: E2 });
    from('db', { kind: 'outbox row', requestId: 0, event: E2 }); // queued
    from('broker', stored(E1));
    from('db', marked(E1));
    from('broker', stored(E2));
    from('db', marked(E2));
    expect(state()).toBe('idle');
    from('db', { kind: 'outbox row', requestId: 0, event: E1 }); // published by this relay
    expect(state()).toBe('idle');

    expect(sent.slice(1)).toEqual([publish(E1), markQuery(E1), publish(E2), markQuery(E2)]);
    expect(keysOf(notes)).toEqual([
      'relay.start',
      'relay.pending.none',
      'relay.cdc',
      'relay.publish',
      'relay.skip',
      'relay.cdc.queue',
      'relay.skip',
      'relay.stored',
      'relay.marked.next',
      'relay.publish',
      'relay.stored',
      'relay.marked',
      'relay.skip',
    ]);
    expect(notes[2]!.params).toEqual({ node: 'relay', eventId: 'user:1#v2', to: 'broker' });
  });

  it('a new relay instance publishes again what the old one had not marked', () => {
    const { sent, notes, from, state } = startRelay();
    from('db', { kind: 'db result', requestId: 0, query: 'outbox pending', events: [E1] });
    expect(state()).toBe('publishing');
    expect(sent.slice(1)).toEqual([publish(E1)]);
    expect(keysOf(notes).slice(0, 3)).toEqual(['relay.start', 'relay.pending', 'relay.publish']);
  });
});

describe('brokerMachine', () => {
  const MAX = 3;
  const RETRY_MS = 100;
  const ACK_MS = 1000;

  function startBroker(consumers = ['c1'], maxAttempts = MAX) {
    const clock = countingClock();
    const { outbox, sent, notes } = record();
    const broker = createActor(brokerMachine, {
      input: {
        id: 'broker',
        outbox,
        narrate: true,
        now: () => 0,
        consumers,
        deadLetter: 'dlq',
        maxAttempts,
        retryDelayMs: RETRY_MS,
        ackTimeoutMs: ACK_MS,
      },
      clock,
    });
    broker.start();
    const from = (sender: string, payload: Payload) => broker.send(message(sender, 'broker', payload));
    const result = (consumer: string, e: InvalidationEvent, outcome: 'done' | 'duplicate' | 'failed') =>
      from(consumer, { kind: 'event result', requestId: 0, eventId: e.eventId, outcome });
    const state = () => broker.getSnapshot().value;
    return { broker, clock, sent, notes, from, result, state };
  }
  const delivery = (to: string, e: InvalidationEvent, attempt: number) => ({
    type: 'send',
    to,
    payload: { kind: 'event delivery', requestId: 0, event: e, attempt },
  });

  it('stores a published event, confirms it and delivers it to every consumer', () => {
    const { broker, clock, sent, notes, from, result, state } = startBroker(['c1', 'c2']);
    expect(state()).toBe('idle');
    from('relay', { kind: 'event publish', requestId: 0, event: E1 });
    expect(state()).toBe('delivering');
    expect(sent).toEqual([
      { type: 'send', to: 'relay', payload: { kind: 'event stored', requestId: 0, eventId: E1.eventId } },
      delivery('c1', E1, 1),
      delivery('c2', E1, 1),
    ]);
    expect(clock.timersSet()).toBe(2); // an ack timeout per consumer
    result('c1', E1, 'done');
    expect(state()).toBe('delivering');
    expect(clock.timersSet()).toBe(1);
    expect(brokerHoldings(broker.getSnapshot().context)).toEqual([
      'topic: 1 event',
      'queue: user:1#v2 → c2 (attempt 1)',
    ]);
    result('c2', E1, 'duplicate');
    expect(state()).toBe('idle');
    expect(clock.timersSet()).toBe(0);
    expect(keysOf(notes)).toEqual(['broker.store', 'broker.ack', 'broker.ack.duplicate']);
    expect(notes[0]!.params).toEqual({ node: 'broker', from: 'relay', eventId: E1.eventId, count: 2 });
    expect(notes[1]!.params).toEqual({ node: 'broker', from: 'c1', eventId: E1.eventId });
  });

  it('retries a failed event after the retry delay, maxAttempts times, then dead-letters it', () => {
    const { broker, clock, sent, notes, from, result, state } = startBroker();
    from('relay', { kind: 'event publish', requestId: 0, event: E1 });
    sent.length = 0;

    result('c1', E1, 'failed');
    expect(state()).toBe('delivering');
    expect(clock.timersSet()).toBe(1); // the retry; the ack timeout is cancelled
    clock.increment(RETRY_MS - 1);
    expect(sent).toEqual([]);
    expect(brokerHoldings(broker.getSnapshot().context)).toEqual([
      'topic: 1 event',
      'queue: user:1#v2 → c1 (attempt 1, waiting to retry)',
    ]);
    clock.increment(1);
    expect(sent).toEqual([delivery('c1', E1, 2)]);

    result('c1', E1, 'failed');
    clock.increment(RETRY_MS);
    expect(sent).toEqual([delivery('c1', E1, 2), delivery('c1', E1, 3)]);

    result('c1', E1, 'failed');
    expect(state()).toBe('idle');
    expect(sent.slice(2)).toEqual([
      { type: 'send', to: 'dlq', payload: { kind: 'dead letter', requestId: 0, event: E1, attempts: MAX } },
    ]);
    // Nothing is left to time out or retry.
    expect(clock.timersSet()).toBe(0);
    clock.increment(10 * ACK_MS);
    expect(sent).toHaveLength(3);
    expect(keysOf(notes)).toEqual([
      'broker.store',
      'broker.retry.wait',
      'broker.retry',
      'broker.retry.wait',
      'broker.retry',
      'broker.dead-letter',
    ]);
    expect(notes[1]!.params).toEqual({
      node: 'broker',
      from: 'c1',
      eventId: E1.eventId,
      attempt: 1,
      max: MAX,
      ms: RETRY_MS,
    });
    expect(notes[5]!.params).toEqual({
      node: 'broker',
      from: 'c1',
      to: 'dlq',
      eventId: E1.eventId,
      attempts: MAX,
    });
    expect(brokerHoldings(broker.getSnapshot().context)).toEqual(['topic: 1 event', 'dead-lettered: 1']);
  });

  it('redelivers after an ack timeout, and ignores an answer for a delivery already acknowledged', () => {
    const { clock, sent, notes, from, result, state } = startBroker();
    from('relay', { kind: 'event publish', requestId: 0, event: E1 });
    sent.length = 0;
    clock.increment(ACK_MS - 1);
    expect(sent).toEqual([]);
    clock.increment(1);
    expect(sent).toEqual([delivery('c1', E1, 2)]);

    result('c1', E1, 'done'); // the first attempt's answer, late: it settles the delivery
    expect(state()).toBe('idle');
    expect(clock.timersSet()).toBe(0);
    result('c1', E1, 'duplicate'); // the second attempt's answer
    expect(state()).toBe('idle');
    clock.increment(10 * ACK_MS);
    expect(sent).toHaveLength(1);
    expect(keysOf(notes)).toEqual(['broker.store', 'broker.timeout', 'broker.ack', 'broker.ack.late']);
    expect(notes[1]!.params).toEqual({
      node: 'broker',
      to: 'c1',
      eventId: E1.eventId,
      attempt: 2,
      max: MAX,
      ms: ACK_MS,
    });
    expect(notes[3]!.params).toEqual({
      node: 'broker',
      from: 'c1',
      eventId: E1.eventId,
      outcome: 'duplicate',
    });
  });

  it('dead-letters an event no consumer ever acknowledges', () => {
    const { clock, sent, notes, from, state } = startBroker(['c1'], 2);
    from('relay', { kind: 'event publish', requestId: 0, event: E1 });
    clock.increment(ACK_MS);
    clock.increment(ACK_MS);
    expect(state()).toBe('idle');
    expect(sent.slice(1)).toEqual([
      delivery('c1', E1, 1),
      delivery('c1', E1, 2),
      { type: 'send', to: 'dlq', payload: { kind: 'dead letter', requestId: 0, event: E1, attempts: 2 } },
    ]);
    expect(keysOf(notes)).toEqual(['broker.store', 'broker.timeout', 'broker.dead-letter.timeout']);
  });

  it('a failure while a retry is scheduled does not schedule another', () => {
    const { clock, sent, notes, from, result } = startBroker();
    from('relay', { kind: 'event publish', requestId: 0, event: E1 });
    sent.length = 0;
    result('c1', E1, 'failed');
    result('c1', E1, 'failed');
    clock.increment(RETRY_MS);
    expect(sent).toEqual([delivery('c1', E1, 2)]);
    expect(keysOf(notes)).toEqual(['broker.store', 'broker.retry.wait', 'broker.fail.again', 'broker.retry']);
  });

  it('the same event published twice is stored and delivered twice (at least once)', () => {
    const { sent, from, result, state } = startBroker();
    from('relay', { kind: 'event publish', requestId: 0, event: E1 });
    from('relay', { kind: 'event publish', requestId: 0, event: E1 });
    expect(sent.filter((s) => s.payload.kind === 'event delivery')).toEqual([
      delivery('c1', E1, 1),
      delivery('c1', E1, 1),
    ]);
    result('c1', E1, 'done');
    expect(state()).toBe('delivering');
    result('c1', E1, 'duplicate');
    expect(state()).toBe('idle');
  });
});

describe('consumerMachine', () => {
  function startConsumer() {
    const clock = new SimulatedClock();
    const { outbox, sent, notes } = record();
    const consumer = createActor(consumerMachine, {
      input: {
        id: 'c1',
        outbox,
        narrate: true,
        now: () => clock.now(),
        broker: 'broker',
        cache: 'cache',
        schemas: [1],
      },
      clock,
    });
    consumer.start();
    const deliver = (e: InvalidationEvent, attempt = 1) =>
      consumer.send(message('broker', 'c1', { kind: 'event delivery', requestId: 0, event: e, attempt }));
    const cacheReply = (command: string, reply: Reply) =>
      consumer.send(
        message('cache', 'c1', { kind: 'cache reply', requestId: 0, command, reply, version: null }),
      );
    const state = () => consumer.getSnapshot().value;
    return { consumer, sent, notes, deliver, cacheReply, state };
  }
  const OK: Reply = { type: 'status', value: 'OK' };
  const NIL: Reply = { type: 'bulk', value: null };
  const ONE: Reply = { type: 'integer', value: '1' };
  const claim = (e: InvalidationEvent) => ({
    type: 'send',
    to: 'cache',
    payload: {
      kind: 'cache command',
      requestId: 0,
      argv: ['SET', `processed:${e.eventId}`, '1', 'NX', 'EX', '3600'],
    },
  });
  const del = (e: InvalidationEvent) => ({
    type: 'send',
    to: 'cache',
    payload: { kind: 'cache command', requestId: 0, argv: ['DEL', e.key] },
  });
  const answer = (e: InvalidationEvent, outcome: string) => ({
    type: 'send',
    to: 'broker',
    payload: { kind: 'event result', requestId: 0, eventId: e.eventId, outcome },
  });

  it('claims the event id, deletes the key and reports done; a second delivery is a duplicate', () => {
    const { consumer, sent, notes, deliver, cacheReply, state } = startConsumer();
    deliver(E1);
    expect(state()).toBe('checking');
    cacheReply('SET', OK);
    expect(state()).toBe('deleting');
    cacheReply('DEL', ONE);
    expect(state()).toBe('idle');

    deliver(E1, 2);
    expect(state()).toBe('checking');
    cacheReply('SET', NIL);
    expect(state()).toBe('idle');

    expect(sent).toEqual([claim(E1), del(E1), answer(E1, 'done'), claim(E1), answer(E1, 'duplicate')]);
    expect(keysOf(notes)).toEqual([
      'consumer.claim',
      'consumer.delete',
      'consumer.done',
      'consumer.claim',
      'consumer.duplicate',
    ]);
    expect(notes[0]!.params).toEqual({
      node: 'c1',
      to: 'cache',
      eventId: E1.eventId,
      attempt: 1,
      command: 'SET processed:user:1#v2 1 NX EX 3600',
    });
    expect(notes[4]!.params).toEqual({ node: 'c1', to: 'broker', eventId: E1.eventId });
    expect(consumerHoldings(consumer.getSnapshot().context)).toEqual(['seen: user:1#v2']);
  });

  it('fails a poison event, whose schema it cannot read, without touching the cache', () => {
    const { sent, notes, deliver, state } = startConsumer();
    const poison = event('user:9', 3, 2);
    deliver(poison);
    expect(state()).toBe('idle');
    expect(sent).toEqual([answer(poison, 'failed')]);
    expect(keysOf(notes)).toEqual(['consumer.poison']);
    expect(notes[0]!.params).toEqual({
      node: 'c1',
      to: 'broker',
      eventId: 'user:9#v3',
      schema: 2,
      schemas: '1',
    });
  });

  it('processes one delivery at a time and takes the queued ones in order', () => {
    const { consumer, sent, notes, deliver, cacheReply, state } = startConsumer();
    const poison = event('user:9', 3, 7);
    deliver(E1);
    deliver(poison);
    deliver(E2);
    expect(consumerHoldings(consumer.getSnapshot().context)).toEqual([
      'processing: user:1#v2 (attempt 1)',
      'queue: user:9#v3, user:2#v5',
    ]);
    cacheReply('SET', OK);
    cacheReply('DEL', ONE);
    // Done with E1: the poison event is failed and E2 claimed, in the same step.
    expect(state()).toBe('checking');
    expect(sent).toEqual([claim(E1), del(E1), answer(E1, 'done'), answer(poison, 'failed'), claim(E2)]);
    cacheReply('SET', OK);
    cacheReply('DEL', { type: 'integer', value: '0' });
    expect(state()).toBe('idle');
    expect(sent.slice(5)).toEqual([del(E2), answer(E2, 'done')]);
    expect(keysOf(notes)).toEqual([
      'consumer.claim',
      'consumer.queue',
      'consumer.queue',
      'consumer.delete',
      'consumer.done',
      'consumer.poison',
      'consumer.claim',
      'consumer.delete',
      'consumer.done',
    ]);
    expect(notes[1]!.params).toEqual({ node: 'c1', eventId: 'user:9#v3', current: 'user:1#v2' });
  });

  it('reports failed when the cache answers the claim with an error', () => {
    const { sent, notes, deliver, cacheReply, state } = startConsumer();
    deliver(E1);
    cacheReply('SET', { type: 'error', value: 'OOM command not allowed' });
    expect(state()).toBe('idle');
    expect(sent).toEqual([claim(E1), answer(E1, 'failed')]);
    expect(keysOf(notes)).toEqual(['consumer.claim', 'consumer.claim.error']);
  });

  it("speaks Redis's protocol: SET NX answers OK the first time, nil after", () => {
    const { sent, deliver, cacheReply, state } = startConsumer();
    const keyspace = new Keyspace(() => 0);
    // Runs the consumer's last cache command on a real keyspace and hands it the reply.
    const answerLastCommand = () => {
      const { payload } = sent.at(-1)!;
      if (payload.kind !== 'cache command') throw new Error(`expected a cache command, got ${payload.kind}`);
      const { reply } = executeCommand(keyspace, payload.argv);
      cacheReply(payload.argv[0]!, reply!);
    };
    deliver(E1);
    answerLastCommand(); // SET … NX → OK
    answerLastCommand(); // DEL → 0
    expect(state()).toBe('idle');
    deliver(E1, 2);
    answerLastCommand(); // SET … NX → nil
    expect(state()).toBe('idle');
    expect(sent.filter((s) => s.to === 'broker').map((s) => s.payload)).toEqual([
      answer(E1, 'done').payload,
      answer(E1, 'duplicate').payload,
    ]);
    expect(keyspace.peek('processed:user:1#v2')?.value).toBe('1');
  });
});

describe('deadLetterQueueMachine', () => {
  it('keeps the dead letters it receives and answers nothing', () => {
    const { outbox, sent, notes } = record();
    const dlq = createActor(deadLetterQueueMachine, {
      input: { id: 'dlq', outbox, narrate: true, now: () => 0 },
    });
    dlq.start();
    expect(dlq.getSnapshot().value).toBe('empty');
    dlq.send(message('broker', 'dlq', { kind: 'dead letter', requestId: 0, event: E1, attempts: 3 }));
    expect(dlq.getSnapshot().value).toBe('holding');
    dlq.send(message('broker', 'dlq', { kind: 'dead letter', requestId: 0, event: E2, attempts: 1 }));
    expect(sent).toEqual([]);
    expect(keysOf(notes)).toEqual(['dlq.store', 'dlq.store']);
    expect(notes[1]!.params).toEqual({
      node: 'dlq',
      from: 'broker',
      eventId: E2.eventId,
      attempts: 1,
      count: 2,
    });
    expect(deadLetterHoldings(dlq.getSnapshot().context)).toEqual([
      'dead letters: 2',
      'user:1#v2 (schema 1, 3 attempts)',
      'user:2#v5 (schema 1, 1 attempt)',
    ]);
  });
});

describe('event narration', () => {
  it('has a sentence for every key the event-driven actors said in these tests', () => {
    expect([...saidKeys].filter((key) => eventNarration[key] === undefined)).toEqual([]);
    expect(saidKeys.size).toBeGreaterThan(25);
  });
});
