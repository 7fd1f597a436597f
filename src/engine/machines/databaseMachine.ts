import { enqueueActions, setup } from 'xstate';
import { BACKGROUND_REQUEST, eventIdFor } from '../sim/events.ts';
import type { DeliveryEvent, Message, Payload, StepNote } from '../sim/messages.ts';
import type { Row, RowStore } from '../sim/rowStore.ts';
import type { ActorInput } from './actorInput.ts';
import { note } from '../sim/messages.ts';

export interface DatabaseInput extends ActorInput {
  /** The rows, held by reference and changed in place (see cacheMachine for why). */
  rows: RowStore;
  readLatencyMs: number;
  writeLatencyMs: number;
  /** The outbox relay the database tells about each new outbox row (change data capture), if any. */
  relay: string | null;
}

export interface DatabaseContext extends DatabaseInput {
  queriesRunning: number;
  /** Added to every query that starts from now on (`slow down` faults add up). */
  extraLatencyMs: number;
  /** How many of the next updates fail instead of committing (`fail writes` fault). */
  writesToFail: number;
}

/** Faults the engine applies to the database. */
export type DatabaseFault = { type: 'slow down'; extraMs: number } | { type: 'fail writes'; count: number };

type QueryDone = { type: 'query done'; message: Message };
type Query = Extract<Payload, { kind: 'db query' }>;

/**
 * A database that takes time: a query starts when it arrives and takes effect when it finishes,
 * `readLatencyMs` or `writeLatencyMs` later (a read sees what is committed at that moment; an
 * update commits at that moment). The delay is a timer on the engine's virtual clock.
 *
 * With the outbox pattern an update also inserts an outbox row in the same transaction, and the
 * database tells the relay about it once committed (change data capture).
 */
export const databaseMachine = setup({
  types: {
    input: {} as DatabaseInput,
    context: {} as DatabaseContext,
    events: {} as DeliveryEvent | QueryDone | DatabaseFault,
  },
  guards: {
    'other queries still running': ({ context }) => context.queriesRunning > 1,
  },
  // One action per transition: XState resolves each action separately, and these run for every
  // query the database receives.
  actions: {
    'start the query': enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'message') return;
      const { message } = event;
      const query = queryOf(message);
      const latency =
        (query.query === 'select' || query.query === 'outbox pending'
          ? context.readLatencyMs
          : context.writeLatencyMs) + context.extraLatencyMs;
      if (context.narrate) context.outbox(describeStart(query, latency, message.from));
      enqueue.assign({ queriesRunning: context.queriesRunning + 1 });
      enqueue.raise({ type: 'query done', message }, { delay: latency });
    }),
    'finish the query and reply': enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'query done') return;
      const { message } = event;
      const query = queryOf(message);
      if (query.query === 'update' && context.writesToFail > 0) {
        enqueue.assign({ writesToFail: context.writesToFail - 1 });
        reply(context, message, { ...resultBase(query), row: null, error: 'write failed' });
        if (context.narrate) context.outbox(note('db.update.failed', { key: query.key }));
      } else {
        finish(context, message, query);
      }
      enqueue.assign({ queriesRunning: context.queriesRunning - 1 });
    }),
    'slow every later query down': enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'slow down') return;
      const extraLatencyMs = context.extraLatencyMs + event.extraMs;
      enqueue.assign({ extraLatencyMs });
      if (context.narrate) {
        context.outbox(note('db.slow', { extraMs: event.extraMs, totalMs: extraLatencyMs }));
      }
    }),
    'fail the next writes': enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'fail writes') return;
      enqueue.assign({ writesToFail: context.writesToFail + event.count });
      if (context.narrate) context.outbox(note('db.fail-writes', { count: event.count }));
    }),
  },
}).createMachine({
  id: 'database',
  context: ({ input }) => ({ ...input, queriesRunning: 0, extraLatencyMs: 0, writesToFail: 0 }),
  initial: 'idle',
  on: {
    message: { target: '.busy', actions: 'start the query' },
    'slow down': { actions: 'slow every later query down' },
    'fail writes': { actions: 'fail the next writes' },
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

/** What the database holds besides its rows (which frames show as a table), for the UI. */
export function holdingsOf(context: DatabaseContext): string[] {
  const lines: string[] = [];
  const pending = context.rows.pendingOutbox();
  if (pending.length > 0) lines.push(`outbox pending: ${listed(pending.map((e) => e.eventId))}`);
  if (context.queriesRunning > 0) lines.push(`queries running: ${context.queriesRunning}`);
  if (context.extraLatencyMs > 0) lines.push(`slowed down: +${context.extraLatencyMs} ms per query`);
  if (context.writesToFail > 0) lines.push(`next updates to fail: ${context.writesToFail}`);
  return lines;
}

/** Runs a query that succeeds, replies, and says what it did. */
function finish(context: DatabaseContext, message: Message, query: Query): void {
  const { rows } = context;
  switch (query.query) {
    case 'select': {
      const row = rows.select(query.key);
      reply(context, message, { ...resultBase(query), row });
      if (context.narrate) {
        context.outbox(
          row === null
            ? note('db.select.none', { key: query.key })
            : note('db.select.row', { key: query.key, value: row.value, version: row.version }),
        );
      }
      return;
    }
    case 'update': {
      const row = rows.update(query.key, query.value, query.requestId);
      reply(context, message, { ...resultBase(query), row });
      if (query.outbox === undefined) {
        if (context.narrate) context.outbox(describeCommit(query.key, row));
        return;
      }
      // The outbox row commits in the same transaction as the row it announces.
      const event = {
        eventId: eventIdFor(query.key, row.version),
        key: query.key,
        version: row.version,
        schema: query.outbox.schema,
      };
      rows.addToOutbox(event);
      if (context.relay !== null) {
        context.outbox({
          type: 'send',
          to: context.relay,
          payload: { kind: 'outbox row', requestId: BACKGROUND_REQUEST, event },
        });
      }
      if (context.narrate) {
        const params = { ...commitParams(query.key, row), eventId: event.eventId };
        context.outbox(
          context.relay === null
            ? note('db.update.commit.outbox', params)
            : note('db.update.commit.outbox.notify', { ...params, to: context.relay }),
        );
      }
      return;
    }
    case 'update batch': {
      const committed = query.rows.map(({ key, value, requestId }) => ({
        key,
        ...rows.update(key, value, requestId),
      }));
      reply(context, message, {
        kind: 'db result',
        requestId: query.requestId,
        query: 'update batch',
        rows: committed,
      });
      if (context.narrate) {
        const list = committed.map((r) => `${r.key} = "${r.value}" (v${r.version})`).join(', ');
        context.outbox(note('db.batch.commit', { count: committed.length, rows: list }));
      }
      return;
    }
    case 'outbox pending': {
      const events = rows.pendingOutbox();
      reply(context, message, {
        kind: 'db result',
        requestId: query.requestId,
        query: 'outbox pending',
        events,
      });
      if (context.narrate) {
        context.outbox(
          events.length === 0
            ? note('db.outbox.pending.none', {})
            : note('db.outbox.pending', {
                count: events.length,
                eventIds: events.map((e) => e.eventId).join(', '),
              }),
        );
      }
      return;
    }
    case 'outbox published': {
      rows.markPublished(query.eventId);
      reply(context, message, {
        kind: 'db result',
        requestId: query.requestId,
        query: 'outbox published',
        eventId: query.eventId,
      });
      if (context.narrate) context.outbox(note('db.outbox.published', { eventId: query.eventId }));
      return;
    }
  }
}

function queryOf(message: Message): Query {
  const payload = message.payload;
  if (payload.kind !== 'db query') throw new Error(`database cannot handle ${payload.kind}`);
  return payload;
}

function resultBase(query: Extract<Query, { query: 'select' | 'update' }>) {
  return { kind: 'db result', requestId: query.requestId, query: query.query, key: query.key } as const;
}

function reply(context: DatabaseContext, message: Message, payload: Payload): void {
  context.outbox({ type: 'send', to: message.from, payload });
}

function describeStart(query: Query, ms: number, from: string): StepNote {
  switch (query.query) {
    case 'select':
      return note('db.select.start', { key: query.key, ms });
    case 'update':
      return note('db.update.start', { key: query.key, value: query.value, ms });
    case 'update batch':
      return note('db.batch.start', {
        count: query.rows.length,
        keys: query.rows.map((r) => r.key).join(', '),
        ms,
      });
    case 'outbox pending':
      return note('db.outbox.pending.start', { ms, from });
    case 'outbox published':
      return note('db.outbox.published.start', { eventId: query.eventId, ms });
  }
}

function describeCommit(key: string, row: Row): StepNote {
  return note('db.update.commit', commitParams(key, row));
}

function commitParams(key: string, row: Row): Record<string, string | number> {
  return { key, value: row.value, version: row.version };
}

/** Up to three items, then how many more. */
function listed(items: string[]): string {
  const shown = items.slice(0, 3).join(', ');
  return items.length > 3 ? `${shown} and ${items.length - 3} more` : shown;
}
