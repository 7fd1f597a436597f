import { enqueueActions, setup } from 'xstate';
import { ACTIVE_EXPIRE_PERIOD_MS } from '../redis/activeExpiry.ts';
import { executeCommand } from '../redis/commands.ts';
import type { Keyspace } from '../redis/keyspace.ts';
import { Connection } from '../redis/pubsub.ts';
import { NIL, type Reply } from '../redis/reply.ts';
import type { DeliveryEvent, Outbox, StepNote } from '../sim/messages.ts';

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
  /** Each sender's connection, for pub/sub state (changed in place, like the keyspace). */
  connections: Map<string, Connection>;
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
      const connection = connectionOf(context, message.from);
      const command = (payload.argv[0] ?? '').toUpperCase();
      const { reply, version } = executeCommand(keyspace, payload.argv, {
        connection,
        version: payload.version,
      });
      const { requestId } = payload;
      // SUBSCRIBE and its kin answer on the connection, one confirmation per channel: the first is
      // the reply, the others follow as pushes.
      const pushed = reply === null ? connection.drain() : null;
      context.outbox({
        type: 'send',
        to: message.from,
        payload: { kind: 'cache reply', requestId, command, reply: reply ?? pushed?.[0] ?? NIL, version },
      });
      for (const later of pushed?.slice(1) ?? []) push(context, message.from, requestId, later);
      if (command === 'PUBLISH') {
        for (const [owner, other] of context.connections) {
          for (const message of other.drain()) push(context, owner, requestId, message);
        }
      }
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
  context: ({ input }) => ({ ...input, connections: new Map(), sweepArmed: { value: false } }),
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

/** The connection of one sender: subscriptions belong to a client, not to the cache. */
function connectionOf(context: CacheContext, sender: string): Connection {
  let connection = context.connections.get(sender);
  if (connection === undefined) {
    connection = new Connection();
    context.connections.set(sender, connection);
  }
  return connection;
}

function push(context: CacheContext, to: string, requestId: number, reply: Reply): void {
  context.outbox({ type: 'send', to, payload: { kind: 'cache push', requestId, reply } });
}

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
  // Specific sentences for the forms the app nodes send; anything else (typed into the console,
  // say) is described as what it is.
  if (command === 'GET' && argv.length === 2) {
    if (existing === null) return note('cache.get.miss', { key, command: line });
    if (keyspace.hasExpired(existing)) {
      return note('cache.get.expired', { key, command: line });
    }
    return note('cache.get.hit', { key, value: existing.value, command: line });
  }
  if (command === 'SET' && argv.length === 3) {
    return note('cache.set', { key, value: argv[2] ?? '', command: line });
  }
  if (command === 'SET' && argv.length === 5 && argv[3]?.toUpperCase() === 'EX') {
    return note('cache.set.ttl', { key, value: argv[2] ?? '', ttl: argv[4] ?? '', command: line });
  }
  if (command === 'DEL' && argv.length === 2) {
    return existing === null || keyspace.hasExpired(existing)
      ? note('cache.del.absent', { key, command: line })
      : note('cache.del', { key, command: line });
  }
  return note('cache.command', { command: line, reply: '' });
}

function note(key: string, params: Record<string, string | number>): StepNote {
  return { type: 'note', key, params };
}
