import { enqueueActions, setup } from 'xstate';
import type { DeliveryEvent, Message, Outbox, StepNote } from '../sim/messages.ts';
import type { Row, RowStore } from '../sim/rowStore.ts';

export interface DatabaseInput {
  id: string;
  /** Where the database's results and step notes go (see appNodeMachine). */
  outbox: Outbox;
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
  },
  guards: {
    'other queries still running': ({ context }) => context.queriesRunning > 1,
  },
  // One action per transition: XState resolves each action separately, and these run for every
  // query the database receives.
  actions: {
    'start the query': enqueueActions(({ context, event, enqueue }) => {
      const { message } = event;
      const payload = message.payload;
      if (payload.kind !== 'db query') throw new Error(`database cannot handle ${payload.kind}`);
      const latency = payload.query === 'update' ? context.writeLatencyMs : context.readLatencyMs;
      if (context.narrate) {
        context.outbox(
          payload.query === 'update'
            ? note('db.update.start', { key: payload.key, value: payload.value, ms: latency })
            : note('db.select.start', { key: payload.key, ms: latency }),
        );
      }
      enqueue.assign({ queriesRunning: context.queriesRunning + 1 });
      enqueue.raise({ type: 'query done', message }, { delay: latency });
    }),
    'finish the query and reply': enqueueActions(({ context, event, enqueue }) => {
      const { message } = event;
      const payload = message.payload;
      if (payload.kind !== 'db query') throw new Error(`database cannot handle ${payload.kind}`);
      const row =
        payload.query === 'update'
          ? context.rows.update(payload.key, payload.value)
          : context.rows.select(payload.key);
      context.outbox({
        type: 'send',
        to: message.from,
        payload: {
          kind: 'db result',
          requestId: payload.requestId,
          query: payload.query,
          key: payload.key,
          row,
        },
      });
      if (context.narrate) context.outbox(describeResult(payload.query, payload.key, row));
      enqueue.assign({ queriesRunning: context.queriesRunning - 1 });
    }),
  },
}).createMachine({
  id: 'database',
  context: ({ input }) => ({ ...input, queriesRunning: 0 }),
  initial: 'idle',
  on: {
    message: { target: '.busy', actions: 'start the query' },
  },
  states: {
    idle: {},
    busy: {
      on: {
        'query done': [
          { guard: 'other queries still running', actions: 'finish the query and reply' },
          { target: 'idle', actions: 'finish the query and reply' },
        ],
      },
    },
  },
});

function describeResult(query: 'select' | 'update', key: string, row: Row | null): StepNote {
  if (query === 'update') {
    return note('db.update.commit', { key, value: row?.value ?? '', version: row?.version ?? 0 });
  }
  return row === null
    ? note('db.select.none', { key })
    : note('db.select.row', { key, value: row.value, version: row.version });
}

function note(key: string, params: Record<string, string | number>): StepNote {
  return { type: 'note', key, params };
}
