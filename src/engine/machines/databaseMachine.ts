import { assign, emit, enqueueActions, raise, setup } from 'xstate';
import type { DeliveryEvent, Message, SendRequest, StepNote } from '../sim/messages.ts';
import type { RowStore } from '../sim/rowStore.ts';

export interface DatabaseInput {
  id: string;
  /** Whether to describe each step (see appNodeMachine). */
  narrate: boolean;
  /** The rows, held by reference and changed in place (see cacheMachine for why). */
  rows: RowStore;
  readLatencyMs: number;
  writeLatencyMs: number;
}

interface DatabaseContext extends DatabaseInput {
  queriesRunning: number;
}

type QueryDone = { type: 'query done'; message: Message };

/**
 * A database that takes time: a query starts when it arrives and takes effect when it finishes,
 * `readLatencyMs` or `writeLatencyMs` later (a read sees what is committed at that moment; an
 * update commits at that moment). The delay is a timer on the engine's virtual clock.
 */
export const databaseMachine = setup({
  types: {
    input: {} as DatabaseInput,
    context: {} as DatabaseContext,
    events: {} as DeliveryEvent | QueryDone,
    emitted: {} as SendRequest | StepNote,
  },
  delays: {
    'query latency': ({ context, event }) =>
      isUpdate(event) ? context.writeLatencyMs : context.readLatencyMs,
  },
  guards: {
    'other queries still running': ({ context }) => context.queriesRunning > 1,
  },
  actions: {
    'start the query': raise(({ event }) => ({ type: 'query done' as const, message: messageOf(event) }), {
      delay: 'query latency',
    }),
    'count the query in': assign({ queriesRunning: ({ context }) => context.queriesRunning + 1 }),
    'count the query out': assign({ queriesRunning: ({ context }) => context.queriesRunning - 1 }),
    'describe the start': enqueueActions(({ context, event, enqueue }) => {
      const payload = messageOf(event).payload;
      if (!context.narrate || payload.kind !== 'db query') return;
      enqueue.emit(
        payload.query === 'update'
          ? note('db.update.start', { key: payload.key, value: payload.value, ms: context.writeLatencyMs })
          : note('db.select.start', { key: payload.key, ms: context.readLatencyMs }),
      );
    }),
    'finish the query and reply': emit(({ context, event }) => {
      const { message } = event as QueryDone;
      const payload = message.payload;
      if (payload.kind !== 'db query') throw new Error(`database cannot handle ${payload.kind}`);
      const row =
        payload.query === 'update'
          ? context.rows.update(payload.key, payload.value)
          : context.rows.select(payload.key);
      const send: SendRequest = {
        type: 'send',
        to: message.from,
        payload: {
          kind: 'db result',
          requestId: payload.requestId,
          query: payload.query,
          key: payload.key,
          row,
        },
      };
      return send;
    }),
    'describe the result': emit(({ context, event }): StepNote => {
      const payload = (event as QueryDone).message.payload;
      if (payload.kind !== 'db query') throw new Error(`database cannot handle ${payload.kind}`);
      const row = context.rows.peek(payload.key);
      if (payload.query === 'update') {
        return note('db.update.commit', {
          key: payload.key,
          value: row?.value ?? '',
          version: row?.version ?? 0,
        });
      }
      return row === null
        ? note('db.select.none', { key: payload.key })
        : note('db.select.row', { key: payload.key, value: row.value, version: row.version });
    }),
  },
}).createMachine({
  id: 'database',
  context: ({ input }) => ({ ...input, queriesRunning: 0 }),
  initial: 'idle',
  on: {
    message: { target: '.busy', actions: ['describe the start', 'count the query in', 'start the query'] },
  },
  states: {
    idle: {},
    busy: {
      on: {
        'query done': [
          {
            guard: 'other queries still running',
            actions: ['finish the query and reply', 'describe the result', 'count the query out'],
          },
          {
            target: 'idle',
            actions: ['finish the query and reply', 'describe the result', 'count the query out'],
          },
        ],
      },
    },
  },
});

function messageOf(event: DeliveryEvent | QueryDone): Message {
  return event.message;
}

function isUpdate(event: DeliveryEvent | QueryDone): boolean {
  const payload = event.message.payload;
  return payload.kind === 'db query' && payload.query === 'update';
}

function note(key: string, params: Record<string, string | number>): StepNote {
  return { type: 'note', key, params };
}
