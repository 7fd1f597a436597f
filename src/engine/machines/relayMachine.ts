import { enqueueActions, setup } from 'xstate';
import { BACKGROUND_REQUEST } from '../sim/events.ts';
import type { DeliveryEvent, Payload } from '../sim/messages.ts';
import type { InvalidationEvent } from '../sim/scenario.ts';
import type { ActorInput } from './actorInput.ts';
import { note } from '../sim/messages.ts';

export interface RelayInput extends ActorInput {
  database: string;
  broker: string;
}

export interface RelayContext extends RelayInput {
  /** Events still to publish, oldest first. */
  queue: InvalidationEvent[];
  /** The event being published or marked, if any. */
  current: InvalidationEvent | null;
  /**
   * Events this relay has published and marked. Changed in place (see appNodeMachine). A new relay
   * instance starts empty, so after a crash it publishes again what it had not marked yet.
   */
  published: Set<string>;
}

/**
 * The outbox relay: it reads the outbox rows the database has not published yet, then learns of
 * new ones as the database commits them (change data capture). It publishes one event at a time,
 * oldest first: publish to the broker, wait until the broker has stored it, mark the row as
 * published, wait until the database has, then take the next.
 */
export const relayMachine = setup({
  types: {
    input: {} as RelayInput,
    context: {} as RelayContext,
    events: {} as DeliveryEvent,
  },
  guards: {
    'the database listed the pending outbox rows': ({ event }) => {
      const { payload } = event.message;
      return payload.kind === 'db result' && payload.query === 'outbox pending';
    },
    'the database reported an event already known': ({ context, event }) => {
      const { payload } = event.message;
      return payload.kind === 'outbox row' && isKnown(context, payload.event.eventId);
    },
    'the database reported a new outbox row': ({ event }) => event.message.payload.kind === 'outbox row',
    'the broker stored the event': ({ context, event }) => {
      const { payload } = event.message;
      return payload.kind === 'event stored' && payload.eventId === context.current?.eventId;
    },
    'the database marked the row as published': ({ context, event }) => {
      const { payload } = event.message;
      return (
        payload.kind === 'db result' &&
        payload.query === 'outbox published' &&
        payload.eventId === context.current?.eventId
      );
    },
    'events are waiting': ({ context }) => context.queue.length > 0,
  },
  actions: {
    'ask the database for the pending outbox rows': ({ context }) => {
      send(context, context.database, {
        kind: 'db query',
        requestId: BACKGROUND_REQUEST,
        query: 'outbox pending',
      });
      if (context.narrate) context.outbox(note('relay.start', { node: context.id, to: context.database }));
    },
    // The database's order is the commit order; rows reported while the list was on its way go after.
    'queue the pending rows': enqueueActions(({ context, event, enqueue }) => {
      const { payload } = event.message;
      if (payload.kind !== 'db result' || payload.query !== 'outbox pending') return;
      const listed = payload.events.filter((e) => !isPublishedOrCurrent(context, e.eventId));
      const listedIds = new Set(listed.map((e) => e.eventId));
      enqueue.assign({ queue: [...listed, ...context.queue.filter((e) => !listedIds.has(e.eventId))] });
      if (!context.narrate) return;
      const ids = listed.map((e) => e.eventId).join(', ');
      context.outbox(
        payload.events.length === 0
          ? note('relay.pending.none', { node: context.id })
          : listed.length === 0
            ? note('relay.pending.known', { node: context.id, count: payload.events.length })
            : note('relay.pending', { node: context.id, count: listed.length, eventIds: ids }),
      );
    }),
    'skip the known event': ({ context, event }) => {
      const { payload } = event.message;
      if (payload.kind !== 'outbox row' || !context.narrate) return;
      context.outbox(note('relay.skip', { node: context.id, eventId: payload.event.eventId }));
    },
    'take the new row': enqueueActions(({ context, event, enqueue }) => {
      const { payload } = event.message;
      if (payload.kind !== 'outbox row') return;
      if (context.narrate) {
        context.outbox(
          note('relay.cdc', { node: context.id, eventId: payload.event.eventId, to: context.broker }),
        );
      }
      enqueue.assign({ queue: [...context.queue, payload.event] });
    }),
    'queue the new row': enqueueActions(({ context, event, enqueue }) => {
      const { payload } = event.message;
      if (payload.kind !== 'outbox row') return;
      if (context.narrate) {
        context.outbox(
          note('relay.cdc.queue', {
            node: context.id,
            eventId: payload.event.eventId,
            count: context.queue.length,
          }),
        );
      }
      enqueue.assign({ queue: [...context.queue, payload.event] });
    }),
    'publish the next event': enqueueActions(({ context, enqueue }) => {
      const [next, ...rest] = context.queue;
      if (next === undefined) return;
      send(context, context.broker, { kind: 'event publish', requestId: BACKGROUND_REQUEST, event: next });
      // Said first only when nothing else was (a step's first note is its headline).
      if (context.narrate) {
        context.outbox(
          note('relay.publish', { node: context.id, eventId: next.eventId, to: context.broker }),
        );
      }
      enqueue.assign({ queue: rest, current: next });
    }),
    'mark the row as published': ({ context }) => {
      const { current } = context;
      if (current === null) return;
      send(context, context.database, {
        kind: 'db query',
        requestId: BACKGROUND_REQUEST,
        query: 'outbox published',
        eventId: current.eventId,
      });
      if (context.narrate) {
        context.outbox(
          note('relay.stored', {
            node: context.id,
            from: context.broker,
            to: context.database,
            eventId: current.eventId,
          }),
        );
      }
    },
    'remember the event as published': enqueueActions(({ context, enqueue }) => {
      const { current } = context;
      if (current === null) return;
      context.published.add(current.eventId);
      if (context.narrate) {
        const next = context.queue[0];
        context.outbox(
          next === undefined
            ? note('relay.marked', { node: context.id, eventId: current.eventId })
            : note('relay.marked.next', { node: context.id, eventId: current.eventId, next: next.eventId }),
        );
      }
      enqueue.assign({ current: null });
    }),
  },
}).createMachine({
  id: 'relay',
  context: ({ input }) => ({ ...input, queue: [], current: null, published: new Set() }),
  initial: 'loading',
  states: {
    loading: {
      entry: 'ask the database for the pending outbox rows',
      on: {
        message: [
          {
            guard: 'the database listed the pending outbox rows',
            target: 'next',
            actions: 'queue the pending rows',
          },
          { guard: 'the database reported an event already known', actions: 'skip the known event' },
          { guard: 'the database reported a new outbox row', actions: 'queue the new row' },
        ],
      },
    },
    idle: {
      on: {
        message: [
          { guard: 'the database reported an event already known', actions: 'skip the known event' },
          { guard: 'the database reported a new outbox row', target: 'next', actions: 'take the new row' },
        ],
      },
    },
    publishing: {
      on: {
        message: [
          { guard: 'the broker stored the event', target: 'marking', actions: 'mark the row as published' },
          { guard: 'the database reported an event already known', actions: 'skip the known event' },
          { guard: 'the database reported a new outbox row', actions: 'queue the new row' },
        ],
      },
    },
    marking: {
      on: {
        message: [
          {
            guard: 'the database marked the row as published',
            target: 'next',
            actions: 'remember the event as published',
          },
          { guard: 'the database reported an event already known', actions: 'skip the known event' },
          { guard: 'the database reported a new outbox row', actions: 'queue the new row' },
        ],
      },
    },
    /** Decides, with no event, whether to publish the next event or wait for one. */
    next: {
      always: [
        { guard: 'events are waiting', target: 'publishing', actions: 'publish the next event' },
        { target: 'idle' },
      ],
    },
  },
});

/** What the relay holds, for the UI. */
export function holdingsOf(context: RelayContext): string[] {
  const lines: string[] = [];
  if (context.current !== null) lines.push(`publishing: ${context.current.eventId}`);
  if (context.queue.length > 0) lines.push(`queue: ${listed(context.queue.map((e) => e.eventId))}`);
  if (context.published.size > 0) lines.push(`published: ${listed([...context.published])}`);
  return lines;
}

/** Queued, being published, or already published by this relay instance. */
function isKnown(context: RelayContext, eventId: string): boolean {
  return isPublishedOrCurrent(context, eventId) || context.queue.some((e) => e.eventId === eventId);
}

function isPublishedOrCurrent(context: RelayContext, eventId: string): boolean {
  return context.current?.eventId === eventId || context.published.has(eventId);
}

function send(context: RelayContext, to: string, payload: Payload): void {
  context.outbox({ type: 'send', to, payload });
}

/** Up to three items, then how many more. */
function listed(items: string[]): string {
  const shown = items.slice(0, 3).join(', ');
  return items.length > 3 ? `${shown} and ${items.length - 3} more` : shown;
}
