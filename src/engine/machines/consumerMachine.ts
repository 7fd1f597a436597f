import { enqueueActions, setup } from 'xstate';
import { BACKGROUND_REQUEST } from '../sim/events.ts';
import type { DeliveryEvent, Payload } from '../sim/messages.ts';
import type { InvalidationEvent } from '../sim/scenario.ts';
import type { ActorInput } from './actorInput.ts';
import { note } from '../sim/messages.ts';

export interface ConsumerInput extends ActorInput {
  broker: string;
  cache: string;
  /** The event schemas this consumer can read; any other is a poison event it fails. */
  schemas: number[];
}

/** An event as the broker delivered it. */
export interface ReceivedEvent {
  event: InvalidationEvent;
  attempt: number;
}

export interface ConsumerContext extends ConsumerInput {
  /** Deliveries that arrived while another was being processed, oldest first. */
  queue: ReceivedEvent[];
  current: ReceivedEvent | null;
  /** Event ids this consumer has answered `done` or `duplicate` for, in order. Appended in place. */
  seen: string[];
}

type CacheReply = Extract<Payload, { kind: 'cache reply' }>;

/** The marker that makes processing idempotent: kept an hour, longer than any redelivery. */
const PROCESSED_TTL_SECONDS = '3600';

/**
 * An invalidation consumer: for each event it deletes the cached copy of the key. Delivery is at
 * least once, so it first claims the event id in Redis (`SET processed:<id> 1 NX EX 3600`): if the
 * marker already existed, it has handled the event before and only reports a duplicate. It
 * processes one delivery at a time and queues the rest.
 */
export const consumerMachine = setup({
  types: {
    input: {} as ConsumerInput,
    context: {} as ConsumerContext,
    events: {} as DeliveryEvent,
  },
  guards: {
    'an event was delivered': ({ event }) => event.message.payload.kind === 'event delivery',
    'the event has a schema this consumer cannot read': ({ context }) =>
      context.current !== null && !context.schemas.includes(context.current.event.schema),
    'Redis set the marker': ({ event }) => {
      const reply = cacheReplyTo(event, 'SET');
      return reply?.reply.type === 'status' && reply.reply.value === 'OK';
    },
    'the marker already existed': ({ event }) => {
      const reply = cacheReplyTo(event, 'SET');
      return reply?.reply.type === 'bulk' && reply.reply.value === null;
    },
    'Redis refused the marker': ({ event }) => cacheReplyTo(event, 'SET') !== null,
    'the cached copy is deleted': ({ event }) => cacheReplyTo(event, 'DEL') !== null,
    'more deliveries are queued': ({ context }) => context.queue.length > 0,
  },
  actions: {
    'take the delivery': enqueueActions(({ event, enqueue }) => {
      const { payload } = event.message;
      if (payload.kind !== 'event delivery') return;
      enqueue.assign({ current: { event: payload.event, attempt: payload.attempt } });
    }),
    'queue the delivery': enqueueActions(({ context, event, enqueue }) => {
      const { payload } = event.message;
      if (payload.kind !== 'event delivery') return;
      enqueue.assign({ queue: [...context.queue, { event: payload.event, attempt: payload.attempt }] });
      if (context.narrate) {
        context.outbox(
          note('consumer.queue', {
            node: context.id,
            eventId: payload.event.eventId,
            current: context.current?.event.eventId ?? '',
          }),
        );
      }
    }),
    'take the next queued delivery': enqueueActions(({ context, enqueue }) => {
      const [next, ...rest] = context.queue;
      if (next === undefined) return;
      enqueue.assign({ queue: rest, current: next });
    }),
    'fail the poison event': enqueueActions(({ context, enqueue }) => {
      const { current } = context;
      if (current === null) return;
      answer(context, current.event, 'failed');
      enqueue.assign({ current: null });
      if (context.narrate) {
        context.outbox(
          note('consumer.poison', {
            node: context.id,
            to: context.broker,
            eventId: current.event.eventId,
            schema: current.event.schema,
            schemas: context.schemas.join(', '),
          }),
        );
      }
    }),
    'claim the event id in Redis': ({ context }) => {
      const { current } = context;
      if (current === null) return;
      const { eventId } = current.event;
      const argv = ['SET', `processed:${eventId}`, '1', 'NX', 'EX', PROCESSED_TTL_SECONDS];
      context.outbox({
        type: 'send',
        to: context.cache,
        payload: { kind: 'cache command', requestId: BACKGROUND_REQUEST, argv },
      });
      if (context.narrate) {
        context.outbox(
          note('consumer.claim', {
            node: context.id,
            to: context.cache,
            eventId,
            attempt: current.attempt,
            command: argv.join(' '),
          }),
        );
      }
    },
    'delete the cached copy': ({ context }) => {
      const { current } = context;
      if (current === null) return;
      const { eventId, key } = current.event;
      context.outbox({
        type: 'send',
        to: context.cache,
        payload: { kind: 'cache command', requestId: BACKGROUND_REQUEST, argv: ['DEL', key] },
      });
      if (context.narrate) context.outbox(note('consumer.delete', { node: context.id, eventId, key }));
    },
    'report the event done': enqueueActions(({ context, enqueue }) => {
      const { current } = context;
      if (current === null) return;
      answer(context, current.event, 'done');
      context.seen.push(current.event.eventId);
      enqueue.assign({ current: null });
      if (context.narrate) {
        const { eventId, key } = current.event;
        context.outbox(note('consumer.done', { node: context.id, to: context.broker, eventId, key }));
      }
    }),
    'report a duplicate': enqueueActions(({ context, enqueue }) => {
      const { current } = context;
      if (current === null) return;
      answer(context, current.event, 'duplicate');
      if (!context.seen.includes(current.event.eventId)) context.seen.push(current.event.eventId);
      enqueue.assign({ current: null });
      if (context.narrate) {
        const { eventId } = current.event;
        context.outbox(note('consumer.duplicate', { node: context.id, to: context.broker, eventId }));
      }
    }),
    'report the event failed': enqueueActions(({ context, event, enqueue }) => {
      const { current } = context;
      if (current === null) return;
      answer(context, current.event, 'failed');
      enqueue.assign({ current: null });
      if (context.narrate) {
        const { payload } = event.message;
        const reply = payload.kind === 'cache reply' ? payload.reply : null;
        context.outbox(
          note('consumer.claim.error', {
            node: context.id,
            to: context.broker,
            eventId: current.event.eventId,
            reply: reply?.type === 'error' ? reply.value : '',
          }),
        );
      }
    }),
  },
}).createMachine({
  id: 'consumer',
  context: ({ input }) => ({ ...input, queue: [], current: null, seen: [] }),
  initial: 'idle',
  states: {
    idle: {
      on: { message: { guard: 'an event was delivered', target: 'starting', actions: 'take the delivery' } },
    },
    /** Decides, with no event, whether the current event can be processed at all. */
    starting: {
      always: [
        {
          guard: 'the event has a schema this consumer cannot read',
          target: 'next',
          actions: 'fail the poison event',
        },
        { target: 'checking', actions: 'claim the event id in Redis' },
      ],
    },
    checking: {
      on: {
        message: [
          { guard: 'an event was delivered', actions: 'queue the delivery' },
          { guard: 'Redis set the marker', target: 'deleting', actions: 'delete the cached copy' },
          { guard: 'the marker already existed', target: 'next', actions: 'report a duplicate' },
          { guard: 'Redis refused the marker', target: 'next', actions: 'report the event failed' },
        ],
      },
    },
    deleting: {
      on: {
        message: [
          { guard: 'an event was delivered', actions: 'queue the delivery' },
          { guard: 'the cached copy is deleted', target: 'next', actions: 'report the event done' },
        ],
      },
    },
    /** Takes the next queued delivery, if any. */
    next: {
      always: [
        { guard: 'more deliveries are queued', target: 'starting', actions: 'take the next queued delivery' },
        { target: 'idle' },
      ],
    },
  },
});

/** What the consumer holds, for the UI. */
export function holdingsOf(context: ConsumerContext): string[] {
  const lines: string[] = [];
  const { current } = context;
  if (current !== null) lines.push(`processing: ${current.event.eventId} (attempt ${current.attempt})`);
  if (context.queue.length > 0) lines.push(`queue: ${listed(context.queue.map((r) => r.event.eventId))}`);
  if (context.seen.length > 0) lines.push(`seen: ${listed(context.seen)}`);
  return lines;
}

function answer(
  context: ConsumerContext,
  event: InvalidationEvent,
  outcome: 'done' | 'duplicate' | 'failed',
): void {
  context.outbox({
    type: 'send',
    to: context.broker,
    payload: { kind: 'event result', requestId: BACKGROUND_REQUEST, eventId: event.eventId, outcome },
  });
}

function cacheReplyTo(event: DeliveryEvent, command: string): CacheReply | null {
  const { payload } = event.message;
  return payload.kind === 'cache reply' && payload.command === command ? payload : null;
}

/** Up to three items, then how many more. */
function listed(items: string[]): string {
  const shown = items.slice(0, 3).join(', ');
  return items.length > 3 ? `${shown} and ${items.length - 3} more` : shown;
}
