import { setup } from 'xstate';
import type { DeliveryEvent, Outbox, Payload, SendRequest, StepNote } from '../sim/messages.ts';
import type { CacheAsideStrategy } from '../strategies/cacheAside.ts';

export interface AppNodeInput {
  id: string;
  /** Where the node's messages and step notes go (the engine's network and recorder). */
  outbox: Outbox;
  /** Whether to describe each step (`note` events); off for metrics runs, which only count. */
  narrate: boolean;
  cache: string;
  database: string;
  strategy: CacheAsideStrategy;
}

export type RequestPhase =
  | 'checking the cache'
  | 'loading from the database'
  | 'filling the cache'
  | 'writing the database'
  | 'deleting the key';

export interface RequestInProgress {
  requestId: number;
  client: string;
  op: 'read' | 'write';
  key: string;
  /** The value a write will commit. */
  value: string;
  phase: RequestPhase;
  /** The row as the database returned it, once it has. */
  row: { value: string; version: number } | null;
}

interface AppNodeContext extends AppNodeInput {
  /**
   * Requests in progress, by request id. Changed in place rather than copied by `assign`: an app
   * node under load holds many requests, every step touches one, and copying them all per event
   * was the largest cost in the engine's benchmark. Frames copy what they show.
   */
  requests: Map<number, RequestInProgress>;
}

type CacheReply = Extract<Payload, { kind: 'cache reply' }>;
type DbResult = Extract<Payload, { kind: 'db result' }>;

/**
 * An application server using cache-aside. It serves many requests at once, so its state is only
 * whether it is up; each request's place in its handler is data (`requests`), and the guarded
 * transitions below are the handler's steps. Every step
 * names the line of the lesson's code it corresponds to (`code`), so the page can highlight it.
 */
export const appNodeMachine = setup({
  types: {
    input: {} as AppNodeInput,
    context: {} as AppNodeContext,
    events: {} as DeliveryEvent,
  },
  guards: {
    'a read request arrived': ({ event }) => event.message.payload.kind === 'read request',
    'a write request arrived and the strategy updates the database first': ({ context, event }) =>
      event.message.payload.kind === 'write request' && context.strategy.write === 'update-then-delete',
    'a write request arrived and the strategy deletes the key first': ({ context, event }) =>
      event.message.payload.kind === 'write request' && context.strategy.write === 'delete-then-update',
    'the cache had the key': ({ event }) =>
      isGetReply(event.message.payload) && !isNil(event.message.payload),
    'the cache missed': ({ event }) => isGetReply(event.message.payload) && isNil(event.message.payload),
    'the cache was filled': ({ event }) => isReplyTo(event.message.payload, 'SET'),
    'the database returned the row': ({ event }) => isSelect(event.message.payload, true),
    'the database has no such row': ({ event }) => isSelect(event.message.payload, false),
    'the update committed and the key is still to delete': ({ context, event }) =>
      isUpdateResult(event.message.payload) && context.strategy.write === 'update-then-delete',
    'the update committed after the key was deleted': ({ context, event }) =>
      isUpdateResult(event.message.payload) && context.strategy.write === 'delete-then-update',
    'the key was deleted after the update': ({ context, event }) =>
      isReplyTo(event.message.payload, 'DEL') && context.strategy.write === 'update-then-delete',
    'the key was deleted before the update': ({ context, event }) =>
      isReplyTo(event.message.payload, 'DEL') && context.strategy.write === 'delete-then-update',
  },
  actions: {
    'ask the cache for the key': ({ context, event }) => {
      const { payload, from } = event.message;
      if (payload.kind !== 'read request') return;
      const request: RequestInProgress = {
        requestId: payload.requestId,
        client: from,
        op: 'read',
        key: payload.key,
        value: '',
        phase: 'checking the cache',
        row: null,
      };
      context.requests.set(request.requestId, request);
      context.outbox(
        send(context.cache, {
          kind: 'cache command',
          requestId: request.requestId,
          argv: ['GET', request.key],
        }),
      );
      if (context.narrate)
        context.outbox(
          say('app.read.start', { app: context.id, client: from, key: request.key }, 'read-cache'),
        );
    },
    'reply with the cached value': ({ context, event }) => {
      const request = requestFor(context, event);
      const payload = event.message.payload as CacheReply;
      const value = payload.reply.type === 'bulk' ? payload.reply.value : null;
      context.requests.delete(request.requestId);
      context.outbox(respond(request, value, payload.version, 'cache'));
      if (context.narrate)
        context.outbox(
          say('app.read.hit', { app: context.id, key: request.key, value: value ?? '' }, 'cache-hit'),
        );
    },
    'query the database': ({ context, event }) => {
      const request = requestFor(context, event);
      advance(request, 'loading from the database');
      context.outbox(
        send(context.database, {
          kind: 'db query',
          requestId: request.requestId,
          query: 'select',
          key: request.key,
        }),
      );
      if (context.narrate)
        context.outbox(say('app.read.miss', { app: context.id, key: request.key }, 'read-db'));
    },
    'fill the cache': ({ context, event }) => {
      const request = requestFor(context, event);
      const row = (event.message.payload as DbResult).row;
      if (row === null) return;
      const ttl = String(context.strategy.ttlSeconds);
      advance(request, 'filling the cache', row);
      context.outbox(
        send(context.cache, {
          kind: 'cache command',
          requestId: request.requestId,
          argv: ['SET', request.key, row.value, 'EX', ttl],
          version: row.version,
        }),
      );
      if (context.narrate)
        context.outbox(
          say(
            'app.read.fill',
            { app: context.id, key: request.key, value: row.value, version: row.version, ttl },
            'hydrate',
          ),
        );
    },
    'reply that nothing was found': ({ context, event }) => {
      const request = requestFor(context, event);
      context.requests.delete(request.requestId);
      context.outbox(respond(request, null, null, 'database'));
      if (context.narrate)
        context.outbox(say('app.read.none', { app: context.id, key: request.key }, 'not-found'));
    },
    'reply with the loaded value': ({ context, event }) => {
      const request = requestFor(context, event);
      context.requests.delete(request.requestId);
      context.outbox(respond(request, request.row?.value ?? null, request.row?.version ?? null, 'database'));
      if (context.narrate)
        context.outbox(
          say('app.read.reply', { app: context.id, key: request.key, client: request.client }, 'reply'),
        );
    },
    'start the write': ({ context, event }) => {
      const { payload, from } = event.message;
      if (payload.kind !== 'write request') return;
      const deleteFirst = context.strategy.write === 'delete-then-update';
      const request: RequestInProgress = {
        requestId: payload.requestId,
        client: from,
        op: 'write',
        key: payload.key,
        value: payload.value,
        phase: deleteFirst ? 'deleting the key' : 'writing the database',
        row: null,
      };
      context.requests.set(request.requestId, request);
      if (deleteFirst) {
        context.outbox(
          send(context.cache, {
            kind: 'cache command',
            requestId: request.requestId,
            argv: ['DEL', request.key],
          }),
        );
        if (context.narrate)
          context.outbox(
            say('app.write.delete-first', { app: context.id, key: request.key }, 'early-invalidate'),
          );
      } else {
        context.outbox(send(context.database, updateQuery(request)));
        if (context.narrate)
          context.outbox(
            say('app.write.start', { app: context.id, key: request.key, value: request.value }, 'write-db'),
          );
      }
    },
    'delete the key': ({ context, event }) => {
      const request = requestFor(context, event);
      const row = (event.message.payload as DbResult).row;
      advance(request, 'deleting the key', row);
      context.outbox(
        send(context.cache, {
          kind: 'cache command',
          requestId: request.requestId,
          argv: ['DEL', request.key],
        }),
      );
      if (context.narrate)
        context.outbox(say('app.write.invalidate', { app: context.id, key: request.key }, 'invalidate'));
    },
    'update the database': ({ context, event }) => {
      const request = requestFor(context, event);
      advance(request, 'writing the database');
      context.outbox(send(context.database, updateQuery(request)));
      if (context.narrate)
        context.outbox(
          say(
            'app.write.update-after-delete',
            { app: context.id, key: request.key, value: request.value },
            'late-write-db',
          ),
        );
    },
    'acknowledge the write': ({ context, event }) => {
      const request = requestFor(context, event);
      const payload = event.message.payload;
      const row = payload.kind === 'db result' ? payload.row : request.row;
      const marker = context.strategy.write === 'delete-then-update' ? 'late-write-reply' : 'write-reply';
      context.requests.delete(request.requestId);
      context.outbox(respond(request, row?.value ?? request.value, row?.version ?? null, 'database'));
      if (context.narrate)
        context.outbox(
          say('app.write.reply', { app: context.id, key: request.key, client: request.client }, marker),
        );
    },
  },
}).createMachine({
  id: 'appNode',
  context: ({ input }) => ({ ...input, requests: new Map() }),
  initial: 'up',
  states: {
    up: {
      on: {
        message: [
          { guard: 'a read request arrived', actions: 'ask the cache for the key' },
          {
            guard: 'a write request arrived and the strategy updates the database first',
            actions: 'start the write',
          },
          {
            guard: 'a write request arrived and the strategy deletes the key first',
            actions: 'start the write',
          },
          { guard: 'the cache had the key', actions: 'reply with the cached value' },
          { guard: 'the cache missed', actions: 'query the database' },
          { guard: 'the database returned the row', actions: 'fill the cache' },
          { guard: 'the database has no such row', actions: 'reply that nothing was found' },
          { guard: 'the cache was filled', actions: 'reply with the loaded value' },
          { guard: 'the update committed and the key is still to delete', actions: 'delete the key' },
          { guard: 'the update committed after the key was deleted', actions: 'acknowledge the write' },
          { guard: 'the key was deleted after the update', actions: 'acknowledge the write' },
          { guard: 'the key was deleted before the update', actions: 'update the database' },
        ],
      },
    },
  },
});

function send(to: string, payload: Payload): SendRequest {
  return { type: 'send', to, payload };
}

function say(key: string, params: Record<string, string | number>, code: string): StepNote {
  return { type: 'note', key, params, code };
}

function respond(
  request: RequestInProgress,
  value: string | null,
  version: number | null,
  source: 'cache' | 'database',
): SendRequest {
  return send(request.client, {
    kind: 'response',
    requestId: request.requestId,
    op: request.op,
    key: request.key,
    value,
    version,
    source,
  });
}

function updateQuery(request: RequestInProgress): Payload {
  return {
    kind: 'db query',
    requestId: request.requestId,
    query: 'update',
    key: request.key,
    value: request.value,
  };
}

function requestFor(context: AppNodeContext, event: DeliveryEvent): RequestInProgress {
  const payload = event.message.payload;
  const request = context.requests.get(payload.requestId);
  if (request === undefined) throw new Error(`${context.id} has no request ${payload.requestId}`);
  return request;
}

function advance(
  request: RequestInProgress,
  phase: RequestPhase,
  row: RequestInProgress['row'] = request.row,
): void {
  request.phase = phase;
  request.row = row;
}

function isGetReply(payload: Payload): payload is CacheReply {
  return payload.kind === 'cache reply' && payload.command === 'GET';
}

function isNil(payload: CacheReply): boolean {
  return payload.reply.type === 'bulk' && payload.reply.value === null;
}

function isReplyTo(payload: Payload, command: string): boolean {
  return payload.kind === 'cache reply' && payload.command === command;
}

function isSelect(payload: Payload, found: boolean): boolean {
  return payload.kind === 'db result' && payload.query === 'select' && (payload.row !== null) === found;
}

function isUpdateResult(payload: Payload): boolean {
  return payload.kind === 'db result' && payload.query === 'update';
}
