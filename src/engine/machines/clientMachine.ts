import { enqueueActions, setup } from 'xstate';
import type { DeliveryEvent, Payload, StepNote } from '../sim/messages.ts';
import type { ActorInput } from './actorInput.ts';
import { note } from '../sim/messages.ts';

export interface ClientInput extends ActorInput {
  /** The app node or load balancer this client sends its requests to. */
  server: string;
}

/** One operation of the scenario's script, with the request id the engine gave it. */
export type IssuedOperation =
  | { requestId: number; op: 'read'; key: string }
  | { requestId: number; op: 'write'; key: string; value: string }
  | { requestId: number; op: 'login'; user: string }
  | { requestId: number; op: 'page'; page: string }
  | { requestId: number; op: 'chat'; room: string; text: string };

export type IssueEvent = { type: 'issue'; operation: IssuedOperation };

/** What a load sends (load/loadSpec.ts): reads and writes. */
export type LoadOperation = Extract<IssuedOperation, { op: 'read' | 'write' }>;
/** A request of a load: sent at once, open loop, whatever the client is waiting for. */
export type ArriveEvent = { type: 'arrive'; operation: LoadOperation };

interface ClientContext extends ClientInput {
  /** Operations the script issued while a request was still out: a client waits for each reply. */
  queued: IssuedOperation[];
  current: IssuedOperation | null;
  /**
   * A load's requests sent and not yet answered, by request id: open loop, any number at once.
   * Changed in place (a Map entry per request, no copy of the context), as under load every event
   * of the client adds or removes one.
   */
  outstanding: Map<number, LoadOperation>;
  /** The session id a login gave this client, sent with every page request (its cookie). */
  cookie: string | null;
  /** Chat messages pushed to this client, oldest first. */
  chat: string[];
}

/** What an operation is about, in one word: the key, the user, the page or the chat room. */
export function subjectOf(operation: IssuedOperation): string {
  switch (operation.op) {
    case 'read':
    case 'write':
      return operation.key;
    case 'login':
      return operation.user;
    case 'page':
      return operation.page;
    case 'chat':
      return operation.room;
  }
}

/**
 * A user's browser or a caller service: one request at a time, the next one when the reply is in.
 * It keeps the session cookie a login gives it, and shows chat messages pushed to it at any time.
 * A load's requests are the exception: each is sent as it arrives and answered by request id,
 * beside whatever the script has the client doing (`arrive`).
 */
export const clientMachine = setup({
  types: {
    input: {} as ClientInput,
    context: {} as ClientContext,
    events: {} as IssueEvent | ArriveEvent | DeliveryEvent,
  },
  guards: {
    // Asked of every reply a scripted client waits for: the size comes first, as it costs least.
    'the answer to a load request arrived': ({ context, event }) =>
      context.outstanding.size !== 0 &&
      event.type === 'message' &&
      event.message.payload.kind === 'response' &&
      context.outstanding.has(event.message.payload.requestId),
    'more operations are queued': ({ context }) => context.queued.length > 0,
    'a chat message was pushed': ({ event }) =>
      event.type === 'message' && event.message.payload.kind === 'chat message',
  },
  actions: {
    // Plain actions, changing the map in place: they run for every request of a load.
    'send the load request at once': ({ context, event }) => {
      if (event.type !== 'arrive') return;
      context.outstanding.set(event.operation.requestId, event.operation);
      sendRequest(context, event.operation);
    },
    'take the load response': ({ context, event }) => {
      if (event.type !== 'message') return;
      context.outstanding.delete(event.message.payload.requestId);
      if (context.narrate) context.outbox(describeResponse(context.id, event.message.payload));
    },
    'send the request': enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'issue') return;
      enqueue.assign({ current: event.operation });
      sendRequest(context, event.operation);
    }),
    'queue the operation': enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'issue') return;
      const { operation } = event;
      enqueue.assign({ queued: [...context.queued, operation] });
      if (context.narrate)
        context.outbox(
          note('client.queue', { client: context.id, op: operation.op, key: subjectOf(operation) }),
        );
    }),
    'take the response': enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'message') return;
      const payload = event.message.payload;
      if (context.narrate) context.outbox(describeResponse(context.id, payload));
      if (payload.kind === 'response' && payload.op === 'login' && payload.ok) {
        enqueue.assign({ cookie: payload.value });
      }
      enqueue.assign({ current: null });
    }),
    'show the chat message': enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'message' || event.message.payload.kind !== 'chat message') return;
      const { room, text } = event.message.payload;
      enqueue.assign({ chat: [...context.chat, text] });
      if (context.narrate) context.outbox(note('client.chat.received', { client: context.id, room, text }));
    }),
    'send the next queued request': enqueueActions(({ context, enqueue }) => {
      const [next, ...rest] = context.queued;
      if (next === undefined) return;
      enqueue.assign({ queued: rest, current: next });
      sendRequest(context, next);
    }),
  },
}).createMachine({
  id: 'client',
  context: ({ input }) => ({
    ...input,
    queued: [],
    current: null,
    outstanding: new Map(),
    cookie: null,
    chat: [],
  }),
  initial: 'idle',
  on: {
    arrive: { actions: 'send the load request at once' },
    message: [
      { guard: 'a chat message was pushed', actions: 'show the chat message' },
      { guard: 'the answer to a load request arrived', actions: 'take the load response' },
    ],
  },
  states: {
    idle: {
      on: { issue: { target: 'waiting', actions: 'send the request' } },
    },
    waiting: {
      on: {
        issue: { actions: 'queue the operation' },
        message: [
          { guard: 'a chat message was pushed', actions: 'show the chat message' },
          // Not the reply the script waits for: the client keeps waiting.
          { guard: 'the answer to a load request arrived', actions: 'take the load response' },
          {
            guard: 'more operations are queued',
            actions: ['take the response', 'send the next queued request'],
          },
          { target: 'idle', actions: 'take the response' },
        ],
      },
    },
  },
});

/** What the client holds that a person should see: its cookie and the chat messages it has shown. */
export function holdingsOf(context: ClientContext): string[] {
  const lines: string[] = [];
  if (context.cookie !== null) lines.push(`cookie: ${context.cookie}`);
  for (const text of context.chat) lines.push(`chat: ${text}`);
  return lines;
}

/** Sends the request for an operation, and says so when narrating (the sentence costs a metrics run). */
function sendRequest(context: ClientContext, operation: IssuedOperation): void {
  context.outbox({ type: 'send', to: context.server, payload: requestPayload(context, operation) });
  if (context.narrate) context.outbox(describeRequest(context, operation));
}

function requestPayload(context: ClientContext, operation: IssuedOperation): Payload {
  const { requestId } = operation;
  switch (operation.op) {
    case 'read':
      return { kind: 'read request', requestId, key: operation.key };
    case 'write':
      return { kind: 'write request', requestId, key: operation.key, value: operation.value };
    case 'login':
      return { kind: 'login request', requestId, user: operation.user };
    case 'page':
      return { kind: 'page request', requestId, page: operation.page, session: context.cookie };
    case 'chat':
      return { kind: 'chat post', requestId, room: operation.room, text: operation.text };
  }
}

function describeRequest(context: ClientContext, operation: IssuedOperation): StepNote {
  const params = { client: context.id, app: context.server };
  switch (operation.op) {
    case 'read':
      return note('client.read.send', { ...params, key: operation.key });
    case 'write':
      return note('client.write.send', { ...params, key: operation.key, value: operation.value });
    case 'login':
      return note('client.login.send', { ...params, user: operation.user });
    case 'page':
      return note(context.cookie === null ? 'client.page.send.anonymous' : 'client.page.send', {
        ...params,
        page: operation.page,
        session: context.cookie ?? '',
      });
    case 'chat':
      return note('client.chat.send', { ...params, room: operation.room, text: operation.text });
  }
}

function describeResponse(client: string, payload: Payload): StepNote {
  if (payload.kind !== 'response') throw new Error(`client cannot handle ${payload.kind}`);
  const { key, value } = payload;
  if (!payload.ok) {
    return payload.op === 'page'
      ? note('client.page.logged-out', { client, page: key })
      : note('client.failed', { client, op: payload.op, key, error: value ?? '' });
  }
  switch (payload.op) {
    case 'write':
      return payload.version === null
        ? note('client.write.done.unversioned', { client, key })
        : note('client.write.done', { client, key, version: payload.version });
    case 'read':
      if (value === null) return note('client.read.none', { client, key });
      return note('client.read.done', { client, key, value, source: payload.source });
    case 'login':
      return note('client.login.done', { client, user: key, session: value ?? '' });
    case 'page':
      return note('client.page.done', { client, page: key, user: value ?? '' });
    case 'chat':
      return note('client.chat.done', { client, room: key });
  }
}
