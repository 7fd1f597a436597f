import { enqueueActions, setup } from 'xstate';
import type { DeliveryEvent, Payload } from '../sim/messages.ts';
import { LocalCache } from './appNode/localCache.ts';
import { bloomFilterSlot, filterLines } from './appNode/penetration.ts';
import { continueRead, startRead } from './appNode/readPath.ts';
import {
  narrate,
  type AppNodeContext,
  type AppNodeInput,
  type AppNodeTimer,
  type Scheduled,
} from './appNode/request.ts';
import { continueSession, sessionLines, startLogin, startPage } from './appNode/sessions.ts';
import { retryTheRead } from './appNode/stampede.ts';
import { continueChat, handlePush, startChat, subscribe } from './appNode/subscriptions.ts';
import { continueWrite, deleteAgain, startWrite } from './appNode/writePath.ts';

export type { AppNodeContext, AppNodeInput, RequestInProgress, RequestPhase } from './appNode/request.ts';

const NONE = { kind: 'none' } as const;

const kindIs =
  (kind: Payload['kind']) =>
  ({ event }: { event: DeliveryEvent | AppNodeTimer }) =>
    event.type === 'message' && event.message.payload.kind === kind;

/**
 * An application server. It serves many requests at once, so its state is only whether it is up
 * (a crash stops the actor; a restart starts a new, empty one); each request's place in its
 * handler is data (`requests`), advanced by the strategy's read, write, session and chat paths.
 * Every step names the line of the lesson's code it corresponds to, so the page can highlight it.
 */
export const appNodeMachine = setup({
  types: {
    input: {} as AppNodeInput,
    context: {} as AppNodeContext,
    events: {} as DeliveryEvent | AppNodeTimer,
  },
  guards: {
    'a read request arrived': kindIs('read request'),
    'a write request arrived': kindIs('write request'),
    'a login arrived': kindIs('login request'),
    'a page request arrived': kindIs('page request'),
    'a chat post arrived': kindIs('chat post'),
    'Redis pushed a message': kindIs('cache push'),
    'an answer for a request in progress arrived': ({ context, event }) =>
      event.type === 'message' && context.requests.has(event.message.payload.requestId),
    'an answer arrived and the strategy may set a timer': ({ context, event }) =>
      event.type === 'message' && context.setsTimers && context.requests.has(event.message.payload.requestId),
  },
  actions: {
    'subscribe to its channels': ({ context }) => subscribe(context),
    'start the read': ({ context, event }) => {
      if (event.type === 'message' && event.message.payload.kind === 'read request')
        startRead(context, event.message.from, event.message.payload);
    },
    'start the write': ({ context, event }) => {
      if (event.type === 'message' && event.message.payload.kind === 'write request')
        startWrite(context, event.message.from, event.message.payload);
    },
    'log the user in': ({ context, event }) => {
      if (event.type === 'message' && event.message.payload.kind === 'login request')
        startLogin(context, event.message.from, event.message.payload);
    },
    'look up the session': ({ context, event }) => {
      if (event.type === 'message' && event.message.payload.kind === 'page request')
        startPage(context, event.message.from, event.message.payload);
    },
    'publish the chat post': ({ context, event }) => {
      if (event.type === 'message' && event.message.payload.kind === 'chat post')
        startChat(context, event.message.from, event.message.payload);
    },
    'handle the pushed message': ({ context, event }) => {
      if (event.type === 'message' && event.message.payload.kind === 'cache push')
        handlePush(context, event.message.payload.reply);
    },
    // A plain action: it runs for almost every event a node receives, and `enqueueActions` costs
    // several times more. Only `delayed-double-delete` and `mutex` ever need a timer.
    'take the next step of the request': ({ context, event }) => {
      if (event.type === 'message') continueRequest(context, event.message.payload);
    },
    'take the next step and set the timer it asks for': enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'message') return;
      const timer = continueRequest(context, event.message.payload);
      if (timer !== null) enqueue.raise(timer.event, { delay: timer.delayMs });
    }),
    'note the late answer': ({ context, event }) => {
      if (event.type !== 'message') return;
      const { payload } = event.message;
      if (payload.kind !== 'cache reply') return;
      if (payload.command === 'SUBSCRIBE') handlePush(context, payload.reply);
      else if (payload.command === 'DEL') narrate(context, 'app.write.delete-again.done', {}, 'delete-again');
    },
    'delete the key again': ({ context, event }) => {
      if (event.type === 'delete again') deleteAgain(context, event.key);
    },
    'ask the cache again': ({ context, event }) => {
      if (event.type === 'retry the read') retryTheRead(context, event.requestId);
    },
  },
}).createMachine({
  id: 'appNode',
  context: ({ input }) => {
    const { strategy } = input;
    // The stampede protections and null caching act where the app node loads rows: with
    // read-through the cache loads them, and they are off (the scenario check says so).
    const cacheAside = strategy.read === 'cache-aside';
    const stampede = cacheAside ? (strategy.stampede ?? NONE) : NONE;
    const asked = strategy.penetration ?? NONE;
    const penetration = cacheAside || asked.kind !== 'null-caching' ? asked : NONE;
    return {
      ...input,
      requests: new Map(),
      local:
        strategy.localCache.kind === 'l1'
          ? new LocalCache(strategy.localCache.ttlSeconds * 1000, input.now)
          : null,
      sessions: new Map(),
      sessionsCreated: { count: 0 },
      stampede,
      penetration,
      setsTimers: strategy.raceFix.kind === 'delayed-double-delete' || stampede.kind === 'mutex',
      bloom: bloomFilterSlot(penetration, input.databaseKeys),
      sharedLoads: stampede.kind === 'single-flight' ? new Map() : null,
    };
  },
  initial: 'up',
  states: {
    up: {
      entry: 'subscribe to its channels',
      on: {
        // Answers come first: under load most events are answers. A push carries the publisher's
        // request id, which may be in progress on this node, so pushes are told apart before.
        message: [
          { guard: 'Redis pushed a message', actions: 'handle the pushed message' },
          {
            guard: 'an answer arrived and the strategy may set a timer',
            actions: 'take the next step and set the timer it asks for',
          },
          {
            guard: 'an answer for a request in progress arrived',
            actions: 'take the next step of the request',
          },
          { guard: 'a read request arrived', actions: 'start the read' },
          { guard: 'a write request arrived', actions: 'start the write' },
          { guard: 'a login arrived', actions: 'log the user in' },
          { guard: 'a page request arrived', actions: 'look up the session' },
          { guard: 'a chat post arrived', actions: 'publish the chat post' },
          { actions: 'note the late answer' },
        ],
        'delete again': { actions: 'delete the key again' },
        'retry the read': { actions: 'ask the cache again' },
      },
    },
  },
});

/** Advances the request an answer belongs to; returns the timer it asks for, if any. */
function continueRequest(context: AppNodeContext, payload: Payload): Scheduled | null {
  const request = context.requests.get(payload.requestId);
  if (request === undefined) return null;
  switch (request.op) {
    case 'read':
      return continueRead(context, request, payload);
    case 'write': {
      const again = continueWrite(context, request, payload);
      return again === null
        ? null
        : { event: { type: 'delete again', key: again.key }, delayMs: again.delayMs };
    }
    case 'login':
    case 'page':
      continueSession(context, request, payload);
      return null;
    case 'chat':
      continueChat(context, request, payload);
      return null;
  }
}

/**
 * What an app node holds that a person should see: its sessions, its Bloom filter, the reads
 * waiting for a shared load (its local cache has a table of its own).
 */
export function holdingsOf(context: AppNodeContext): string[] {
  const lines = sessionLines(context);
  if (context.bloom !== null) lines.push(...filterLines(context));
  for (const [key, waiting] of context.sharedLoads ?? []) {
    if (waiting.length > 0)
      lines.push(`loading ${key} for ${waiting.length} more ${waiting.length === 1 ? 'read' : 'reads'}`);
  }
  return lines;
}
