import { enqueueActions, setup } from 'xstate';
import { ACTIVE_EXPIRE_PERIOD_MS } from '../redis/activeExpiry.ts';
import { executeCommand } from '../redis/commands.ts';
import type { Keyspace } from '../redis/keyspace.ts';
import { NIL } from '../redis/reply.ts';
import type { DeliveryEvent, Outbox, SendRequest, StepNote } from '../sim/messages.ts';

export interface CacheInput {
  id: string;
  /** Where the cache's replies and step notes go (see appNodeMachine). */
  outbox: Outbox;
  /** Whether to describe each step (see appNodeMachine). */
  narrate: boolean;
  /** The cache's memory. Held by reference and changed in place: copying a large keyspace on every
   * command would dominate the run, and frames snapshot it anyway. */
  keyspace: Keyspace;
}

interface CacheContext extends CacheInput {
  /** Whether the next active-expiry sweep is scheduled (changed in place, like the keyspace). */
  sweepArmed: { value: boolean };
}

type SweepEvent = { type: 'active expiry' };

/**
 * A Redis-like cache: runs each command on arrival (Redis answers in microseconds) and replies.
 * While any key has a TTL it sweeps expired keys every 100 ms of virtual time, as Redis does in
 * the background; with no TTLs left it schedules nothing, so a run can end.
 */
export const cacheMachine = setup({
  types: {
    input: {} as CacheInput,
    context: {} as CacheContext,
    events: {} as DeliveryEvent | SweepEvent,
  },
  guards: {
    'a sweep is armed': ({ context }) => context.sweepArmed.value,
  },
  actions: {
    // Describe (before the command changes the keyspace), run, reply: one plain action, as it runs
    // for every command the cache receives.
    'answer the command': ({ context, event }) => {
      if (event.type !== 'message') throw new Error('cache: a sweep is not a command');
      const { message } = event;
      const payload = message.payload;
      if (payload.kind !== 'cache command') throw new Error(`cache cannot handle ${payload.kind}`);
      const { keyspace } = context;
      if (context.narrate) context.outbox(describeCommand(keyspace, event));
      const meta = payload.version === undefined ? {} : { version: payload.version };
      const { reply, version } = executeCommand(keyspace, payload.argv, meta);
      const send: SendRequest = {
        type: 'send',
        to: message.from,
        payload: {
          kind: 'cache reply',
          requestId: payload.requestId,
          command: (payload.argv[0] ?? '').toUpperCase(),
          // Pub/sub confirmations arrive on the connection rather than as a reply.
          reply: reply ?? keyspace.defaultConnection.drain()[0] ?? NIL,
          version,
        },
      };
      context.outbox(send);
    },
    'schedule a sweep while keys have a TTL': enqueueActions(({ context, enqueue }) => {
      scheduleSweep(context, enqueue);
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
  },
}).createMachine({
  id: 'cache',
  context: ({ input }) => ({ ...input, sweepArmed: { value: false } }),
  initial: 'up',
  states: {
    up: {
      entry: 'schedule a sweep while keys have a TTL',
      on: {
        // Arming the sweep is a separate action, needed only while none is armed (rarely, under load).
        message: [
          { guard: 'a sweep is armed', actions: 'answer the command' },
          { actions: ['answer the command', 'schedule a sweep while keys have a TTL'] },
        ],
        'active expiry': { actions: ['delete expired keys', 'schedule a sweep while keys have a TTL'] },
      },
    },
  },
});

/** Arms the next active-expiry sweep if keys have a TTL and none is armed yet. */
function scheduleSweep(
  context: CacheContext,
  enqueue: { raise(event: SweepEvent, options: { delay: number }): void },
): void {
  if (context.sweepArmed.value || !context.keyspace.hasVolatileKeys) return;
  context.sweepArmed.value = true;
  enqueue.raise({ type: 'active expiry' }, { delay: ACTIVE_EXPIRE_PERIOD_MS });
}

function describeCommand(keyspace: Keyspace, event: DeliveryEvent): StepNote {
  const payload = event.message.payload;
  const argv = payload.kind === 'cache command' ? payload.argv : [];
  const [name = '', key = ''] = argv;
  const command = name.toUpperCase();
  const existing = keyspace.peek(key);
  const line = argv.join(' ');
  if (command === 'GET') {
    if (existing === null) return note('cache.get.miss', { key, command: line });
    if (keyspace.hasExpired(existing)) {
      return note('cache.get.expired', { key, command: line });
    }
    return note('cache.get.hit', { key, value: existing.value, command: line });
  }
  if (command === 'SET') {
    const ttl = argv[4];
    return ttl === undefined
      ? note('cache.set', { key, value: argv[2] ?? '', command: line })
      : note('cache.set.ttl', { key, value: argv[2] ?? '', ttl, command: line });
  }
  if (command === 'DEL') {
    return existing === null || keyspace.hasExpired(existing)
      ? note('cache.del.absent', { key, command: line })
      : note('cache.del', { key, command: line });
  }
  return note('cache.command', { command: line, reply: '' });
}

function note(key: string, params: Record<string, string | number>): StepNote {
  return { type: 'note', key, params };
}
