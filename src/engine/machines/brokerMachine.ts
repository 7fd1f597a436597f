import { enqueueActions, setup } from 'xstate';
import { BACKGROUND_REQUEST } from '../sim/events.ts';
import type { DeliveryEvent, Payload } from '../sim/messages.ts';
import type { InvalidationEvent } from '../sim/scenario.ts';
import type { ActorInput } from './actorInput.ts';
import { note } from '../sim/messages.ts';

export interface BrokerInput extends ActorInput {
  consumers: string[];
  deadLetter: string;
  /** Deliveries of one event to one consumer before it goes to the dead-letter queue. */
  maxAttempts: number;
  /** Wait before redelivering an event a consumer failed. */
  retryDelayMs: number;
  /** Wait for a consumer's answer before delivering the event again. */
  ackTimeoutMs: number;
}

/** One stored event on its way to one consumer, until the consumer acknowledges it. */
export interface Delivery {
  /** `<offset>><consumer>`: the same event published twice is stored, and delivered, twice. */
  id: string;
  event: InvalidationEvent;
  consumer: string;
  attempt: number;
  phase: 'awaiting ack' | 'waiting to retry';
}

export interface BrokerContext extends BrokerInput {
  /** Every event stored on the topic, in order (the offset is the index). Appended in place. */
  stored: InvalidationEvent[];
  /** Deliveries not yet acknowledged, oldest first. Changed in place (see appNodeMachine). */
  deliveries: Map<string, Delivery>;
  /** Dead letters sent so far; an object so that it can change in place too. */
  deadLettered: { count: number };
}

type AckTimeout = { type: 'ack timeout'; delivery: string };
type Redeliver = { type: 'redeliver'; delivery: string };
type EventResult = Extract<Payload, { kind: 'event result' }>;

/**
 * A topic with at-least-once delivery. The broker stores each published event, confirms it to the
 * publisher, and delivers it to every consumer. A delivery stays outstanding until that consumer
 * answers `done` or `duplicate`; a failure is retried after `retryDelayMs`, silence after
 * `ackTimeoutMs`, and after `maxAttempts` deliveries the event goes to the dead-letter queue.
 * Timers are XState delayed events, so they run on the engine's virtual clock.
 */
export const brokerMachine = setup({
  types: {
    input: {} as BrokerInput,
    context: {} as BrokerContext,
    events: {} as DeliveryEvent | AckTimeout | Redeliver,
  },
  guards: {
    'an event was published': ({ event }) =>
      event.type === 'message' && event.message.payload.kind === 'event publish',
    'the answer is for a delivery already acknowledged': ({ context, event }) =>
      resultOf(event) !== null && answered(context, event) === undefined,
    'the consumer handled the event': ({ event }) => {
      const outcome = resultOf(event)?.outcome;
      return outcome === 'done' || outcome === 'duplicate';
    },
    'the consumer failed while a retry is already scheduled': ({ context, event }) =>
      resultOf(event)?.outcome === 'failed' && answered(context, event)?.phase === 'waiting to retry',
    'the consumer failed the event and attempts remain': ({ context, event }) =>
      resultOf(event)?.outcome === 'failed' && attemptsRemain(context, answered(context, event)),
    'the consumer failed the event on its last attempt': ({ event }) => resultOf(event)?.outcome === 'failed',
    'attempts remain for the delivery': ({ context, event }) =>
      event.type !== 'message' && attemptsRemain(context, context.deliveries.get(event.delivery)),
    'the delivery is still outstanding': ({ context, event }) =>
      event.type !== 'message' && context.deliveries.has(event.delivery),
    'no deliveries are outstanding': ({ context }) => context.deliveries.size === 0,
  },
  actions: {
    'store the event and deliver it to every consumer': enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'message') return;
      const { message } = event;
      const { payload } = message;
      if (payload.kind !== 'event publish') return;
      const offset = context.stored.length;
      context.stored.push(payload.event);
      send(context, message.from, {
        kind: 'event stored',
        requestId: BACKGROUND_REQUEST,
        eventId: payload.event.eventId,
      });
      if (context.narrate) {
        context.outbox(
          note('broker.store', {
            node: context.id,
            from: message.from,
            eventId: payload.event.eventId,
            count: context.consumers.length,
          }),
        );
      }
      for (const consumer of context.consumers) {
        const delivery: Delivery = {
          id: `${offset}>${consumer}`,
          event: payload.event,
          consumer,
          attempt: 1,
          phase: 'awaiting ack',
        };
        context.deliveries.set(delivery.id, delivery);
        deliver(context, delivery, enqueue);
      }
    }),
    'count the delivery as acknowledged': enqueueActions(({ context, event, enqueue }) => {
      const delivery = answered(context, event);
      const result = resultOf(event);
      if (delivery === undefined || result === null) return;
      context.deliveries.delete(delivery.id);
      enqueue.cancel(ackTimer(delivery));
      enqueue.cancel(retryTimer(delivery));
      if (context.narrate) {
        const key = result.outcome === 'duplicate' ? 'broker.ack.duplicate' : 'broker.ack';
        context.outbox(note(key, { node: context.id, from: delivery.consumer, eventId: result.eventId }));
      }
    }),
    'ignore the late answer': ({ context, event }) => {
      const result = resultOf(event);
      if (result === null || !context.narrate || event.type !== 'message') return;
      context.outbox(
        note('broker.ack.late', {
          node: context.id,
          from: event.message.from,
          eventId: result.eventId,
          outcome: result.outcome,
        }),
      );
    },
    'ignore the repeated failure': ({ context, event }) => {
      const delivery = answered(context, event);
      if (delivery === undefined || !context.narrate) return;
      context.outbox(
        note('broker.fail.again', {
          node: context.id,
          from: delivery.consumer,
          eventId: delivery.event.eventId,
        }),
      );
    },
    'schedule a redelivery': enqueueActions(({ context, event, enqueue }) => {
      const delivery = answered(context, event);
      if (delivery === undefined) return;
      delivery.phase = 'waiting to retry';
      enqueue.cancel(ackTimer(delivery));
      enqueue.raise(
        { type: 'redeliver', delivery: delivery.id },
        {
          delay: context.retryDelayMs,
          id: retryTimer(delivery),
        },
      );
      if (context.narrate) {
        context.outbox(
          note('broker.retry.wait', {
            node: context.id,
            from: delivery.consumer,
            eventId: delivery.event.eventId,
            attempt: delivery.attempt,
            max: context.maxAttempts,
            ms: context.retryDelayMs,
          }),
        );
      }
    }),
    'deliver the event again': enqueueActions(({ context, event, enqueue }) => {
      if (event.type === 'message') return;
      const delivery = context.deliveries.get(event.delivery);
      if (delivery === undefined) return;
      delivery.attempt++;
      delivery.phase = 'awaiting ack';
      if (context.narrate) {
        const params = {
          node: context.id,
          to: delivery.consumer,
          eventId: delivery.event.eventId,
          attempt: delivery.attempt,
          max: context.maxAttempts,
        };
        context.outbox(
          event.type === 'ack timeout'
            ? note('broker.timeout', { ...params, ms: context.ackTimeoutMs })
            : note('broker.retry', params),
        );
      }
      deliver(context, delivery, enqueue);
    }),
    'move the event to the dead-letter queue': enqueueActions(({ context, event, enqueue }) => {
      const delivery =
        event.type === 'message' ? answered(context, event) : context.deliveries.get(event.delivery);
      if (delivery === undefined) return;
      context.deliveries.delete(delivery.id);
      context.deadLettered.count++;
      enqueue.cancel(ackTimer(delivery));
      send(context, context.deadLetter, {
        kind: 'dead letter',
        requestId: BACKGROUND_REQUEST,
        event: delivery.event,
        attempts: delivery.attempt,
      });
      if (context.narrate) {
        const params = {
          node: context.id,
          from: delivery.consumer,
          to: context.deadLetter,
          eventId: delivery.event.eventId,
          attempts: delivery.attempt,
        };
        context.outbox(
          event.type === 'ack timeout'
            ? note('broker.dead-letter.timeout', params)
            : note('broker.dead-letter', params),
        );
      }
    }),
  },
}).createMachine({
  id: 'broker',
  context: ({ input }) => ({ ...input, stored: [], deliveries: new Map(), deadLettered: { count: 0 } }),
  initial: 'idle',
  on: {
    message: [
      {
        guard: 'an event was published',
        target: '.delivering',
        actions: 'store the event and deliver it to every consumer',
      },
      { guard: 'the answer is for a delivery already acknowledged', actions: 'ignore the late answer' },
      { guard: 'the consumer handled the event', actions: 'count the delivery as acknowledged' },
      {
        guard: 'the consumer failed while a retry is already scheduled',
        actions: 'ignore the repeated failure',
      },
      { guard: 'the consumer failed the event and attempts remain', actions: 'schedule a redelivery' },
      {
        guard: 'the consumer failed the event on its last attempt',
        actions: 'move the event to the dead-letter queue',
      },
    ],
    'ack timeout': [
      { guard: 'attempts remain for the delivery', actions: 'deliver the event again' },
      { guard: 'the delivery is still outstanding', actions: 'move the event to the dead-letter queue' },
    ],
    redeliver: { guard: 'the delivery is still outstanding', actions: 'deliver the event again' },
  },
  states: {
    idle: {},
    delivering: {
      always: { guard: 'no deliveries are outstanding', target: 'idle' },
    },
  },
});

/** What the broker holds, for the UI. */
export function holdingsOf(context: BrokerContext): string[] {
  const lines = [`topic: ${context.stored.length} ${context.stored.length === 1 ? 'event' : 'events'}`];
  for (const delivery of context.deliveries.values()) {
    const waiting = delivery.phase === 'waiting to retry' ? ', waiting to retry' : '';
    lines.push(
      `queue: ${delivery.event.eventId} → ${delivery.consumer} (attempt ${delivery.attempt}${waiting})`,
    );
  }
  if (context.deadLettered.count > 0) lines.push(`dead-lettered: ${context.deadLettered.count}`);
  return lines;
}

/** Sends one attempt of a delivery and starts its ack timeout. */
function deliver(
  context: BrokerContext,
  delivery: Delivery,
  enqueue: { raise(event: AckTimeout, options: { delay: number; id: string }): void },
): void {
  send(context, delivery.consumer, {
    kind: 'event delivery',
    requestId: BACKGROUND_REQUEST,
    event: delivery.event,
    attempt: delivery.attempt,
  });
  enqueue.raise(
    { type: 'ack timeout', delivery: delivery.id },
    { delay: context.ackTimeoutMs, id: ackTimer(delivery) },
  );
}

function resultOf(event: DeliveryEvent | AckTimeout | Redeliver): EventResult | null {
  if (event.type !== 'message') return null;
  const { payload } = event.message;
  return payload.kind === 'event result' ? payload : null;
}

/**
 * The outstanding delivery an answer is about: the oldest of that event to that consumer. An
 * answer does not say which attempt it answers, so a late one settles the delivery all the same.
 */
function answered(
  context: BrokerContext,
  event: DeliveryEvent | AckTimeout | Redeliver,
): Delivery | undefined {
  const result = resultOf(event);
  if (result === null || event.type !== 'message') return undefined;
  const consumer = event.message.from;
  for (const delivery of context.deliveries.values()) {
    if (delivery.consumer === consumer && delivery.event.eventId === result.eventId) return delivery;
  }
  return undefined;
}

function attemptsRemain(context: BrokerContext, delivery: Delivery | undefined): boolean {
  return delivery !== undefined && delivery.attempt < context.maxAttempts;
}

function ackTimer(delivery: Delivery): string {
  return `ack ${delivery.id}`;
}

function retryTimer(delivery: Delivery): string {
  return `retry ${delivery.id}`;
}

function send(context: BrokerContext, to: string, payload: Payload): void {
  context.outbox({ type: 'send', to, payload });
}
