import { enqueueActions, setup } from 'xstate';
import { ACTIVE_EXPIRE_PERIOD_MS } from '../redis/activeExpiry.ts';
import { BACKGROUND_REQUEST } from '../sim/events.ts';
import { note, type DeliveryEvent } from '../sim/messages.ts';
import { answerCommand } from './cache/commands.ts';
import type { CacheContext, CacheInput } from './cache/context.ts';
import { takeDatabaseResult } from './cache/databaseResults.ts';
import { keysOf } from './cache/describe.ts';

export type { CacheContext, CacheInput } from './cache/context.ts';

type SweepEvent = { type: 'active expiry' };
type FlushEvent = { type: 'write-behind flush' };
/** The engine tells the cache when a client of it crashed: its connections are gone. */
export type ConnectionsClosed = { type: 'connections closed'; owner: string };

/**
 * A Redis-like cache: runs each command on arrival (Redis answers in microseconds) and replies.
 * While any key has a TTL it sweeps expired keys every 100 ms of virtual time, as Redis does in
 * the background; with no TTLs left it schedules nothing, so a run can end.
 *
 * Commands may carry simulation metadata for strategies Redis does not have built in: a version
 * check (`ifNewer`), memcache leases, read-through loads and write-behind buffering.
 */
export const cacheMachine = setup({
  types: {
    input: {} as CacheInput,
    context: {} as CacheContext,
    events: {} as DeliveryEvent | SweepEvent | FlushEvent | ConnectionsClosed,
  },
  guards: {
    // Arming timers is a separate action, needed only while one is not armed (rarely, under load).
    'no timer to arm': ({ context, event }) =>
      context.sweepArmed.value && (context.flushArmed.value || !startsWriteBehind(event)),
  },
  actions: {
    // One plain action per message, as it runs for every command the cache receives.
    // A crashed process's connections close, and Redis forgets their subscriptions.
    'close the connections': ({ context, event }) => {
      if (event.type !== 'connections closed') return;
      for (const [id, { owner, connection }] of context.connections) {
        if (owner !== event.owner) continue;
        context.keyspace.pubsub.unsubscribe(connection, null);
        context.keyspace.pubsub.punsubscribe(connection, null);
        context.connections.delete(id);
      }
    },
    'handle the message': ({ context, event }) => {
      if (event.type !== 'message') throw new Error('cache: a timer is not a message');
      const { from, payload } = event.message;
      if (payload.kind === 'cache command') answerCommand(context, from, payload);
      else if (payload.kind === 'db result') takeDatabaseResult(context, payload);
      else throw new Error(`cache cannot handle ${payload.kind}`);
    },
    // The sweep is housekeeping (the engine may end a run while it is pending); the flush is work,
    // armed only while writes wait to be sent. `housekeeping()` marks the next timer set, so it is
    // called right before the sweep's (delayed raises are scheduled in order, after the actions).
    'arm the timers': enqueueActions(({ context, enqueue }) => {
      if (!context.sweepArmed.value && context.keyspace.hasVolatileKeys) {
        context.sweepArmed.value = true;
        enqueue(() => context.housekeeping());
        enqueue.raise({ type: 'active expiry' }, { delay: ACTIVE_EXPIRE_PERIOD_MS });
      }
      const { writeBehind } = context;
      if (!context.flushArmed.value && writeBehind !== null && context.unsent.length > 0) {
        context.flushArmed.value = true;
        enqueue.raise({ type: 'write-behind flush' }, { delay: writeBehind.flushIntervalMs });
      }
    }),
    'delete expired keys': ({ context }) => {
      context.sweepArmed.value = false;
      const deleted = context.keyspace.activeExpireCycle();
      // Said even when not narrating: a sweep that deletes is a visible step in every mode (the
      // run loop skips silent timer steps), so frames and metrics runs count steps alike.
      if (deleted.length > 0) {
        context.outbox(note('cache.expire.active', { keys: deleted.join(', '), count: deleted.length }));
      }
    },
    'send a batch of writes': ({ context }) => {
      context.flushArmed.value = false;
      const size = context.writeBehind?.batchSize ?? context.unsent.length;
      const batch = context.unsent.splice(0, Math.max(1, size));
      context.batches.push(batch);
      if (context.narrate) {
        const params = { count: batch.length, keys: keysOf(batch), waiting: context.unsent.length };
        context.outbox(
          note(params.waiting === 0 ? 'cache.writeBehind.flush.last' : 'cache.writeBehind.flush', params),
        );
      }
      context.outbox({
        type: 'send',
        to: context.database,
        payload: {
          kind: 'db query',
          requestId: BACKGROUND_REQUEST,
          query: 'update batch',
          rows: batch.map(({ key, value, requestId }) => ({ key, value, requestId })),
        },
      });
    },
  },
}).createMachine({
  id: 'cache',
  context: ({ input }) => ({
    ...input,
    connections: new Map(),
    sweepArmed: { value: false },
    leases: new Map(),
    nextLease: { value: 1 },
    loads: [],
    unsent: [],
    batches: [],
    flushArmed: { value: false },
    recomputeTimes: { byValue: null },
  }),
  initial: 'up',
  states: {
    up: {
      entry: 'arm the timers',
      on: {
        message: [
          { guard: 'no timer to arm', actions: 'handle the message' },
          { actions: ['handle the message', 'arm the timers'] },
        ],
        'active expiry': { actions: ['delete expired keys', 'arm the timers'] },
        'write-behind flush': { actions: ['send a batch of writes', 'arm the timers'] },
        'connections closed': { actions: 'close the connections' },
      },
    },
  },
});

/** What the cache holds besides its keys, as short lines for a person to read. */
export function holdingsOf(context: CacheContext): string[] {
  const lines: string[] = [];
  const writes = context.unsent.length + context.batches.reduce((sum, batch) => sum + batch.length, 0);
  if (writes > 0) lines.push(`write-behind buffer: ${writes} ${writes === 1 ? 'write' : 'writes'}`);
  if (context.leases.size > 0) lines.push(`leases: ${[...context.leases.keys()].join(', ')}`);
  if (context.loads.length > 0) lines.push(`loading: ${context.loads.map((l) => l.key).join(', ')}`);
  return lines;
}

/**
 * Request ids of the acknowledged write-behind writes a crash would lose: those not yet sent to the
 * database. A batch already sent commits whether or not the cache survives to hear about it.
 */
export function pendingWritesOf(context: CacheContext): number[] {
  return context.unsent.map((write) => write.requestId);
}

function startsWriteBehind(event: DeliveryEvent | SweepEvent | FlushEvent | ConnectionsClosed): boolean {
  return (
    event.type === 'message' &&
    event.message.payload.kind === 'cache command' &&
    event.message.payload.writeBehind === true
  );
}
