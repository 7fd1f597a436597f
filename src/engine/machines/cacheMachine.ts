import { emit, enqueueActions, setup } from 'xstate';
import { executeCommand } from '../redis/commands.ts';
import type { Keyspace } from '../redis/keyspace.ts';
import type { DeliveryEvent, SendRequest, StepNote } from '../sim/messages.ts';

export interface CacheInput {
  id: string;
  /** Whether to describe each step (see appNodeMachine). */
  narrate: boolean;
  /** The cache's memory. Held by reference and changed in place: copying a large keyspace on every
   * command would dominate the run, and frames snapshot it anyway. */
  keyspace: Keyspace;
}

/** A Redis-like cache: runs each command on arrival (Redis answers in microseconds) and replies. */
export const cacheMachine = setup({
  types: {
    input: {} as CacheInput,
    context: {} as CacheInput,
    events: {} as DeliveryEvent,
    emitted: {} as SendRequest | StepNote,
  },
  actions: {
    'run the command and reply': emit(({ context, event }) => {
      const { message } = event;
      const payload = message.payload;
      if (payload.kind !== 'cache command') throw new Error(`cache cannot handle ${payload.kind}`);
      const meta = payload.version === undefined ? {} : { version: payload.version };
      const { reply, version } = executeCommand(context.keyspace, payload.argv, meta);
      const send: SendRequest = {
        type: 'send',
        to: message.from,
        payload: {
          kind: 'cache reply',
          requestId: payload.requestId,
          command: (payload.argv[0] ?? '').toUpperCase(),
          reply,
          version,
        },
      };
      return send;
    }),
    'describe the command': enqueueActions(({ context, event, enqueue }) => {
      if (context.narrate) enqueue.emit(describeCommand(context.keyspace, event));
    }),
  },
}).createMachine({
  id: 'cache',
  context: ({ input }) => input,
  initial: 'up',
  states: {
    up: {
      on: {
        // Describe first: the description reads the keyspace before the command changes it.
        message: { actions: ['describe the command', 'run the command and reply'] },
      },
    },
  },
});

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
