import { enqueueActions, setup } from 'xstate';
import type { DeliveryEvent, Outbox, Payload, SendRequest, StepNote } from '../sim/messages.ts';

export interface ClientInput {
  id: string;
  /** Where the client's requests and step notes go (see appNodeMachine). */
  outbox: Outbox;
  /** Whether to describe each step (see appNodeMachine). */
  narrate: boolean;
  appNode: string;
}

/** One operation of the scenario's script, with the request id the engine gave it. */
export type IssuedOperation =
  | { requestId: number; op: 'read'; key: string }
  | { requestId: number; op: 'write'; key: string; value: string };

export type IssueEvent = { type: 'issue'; operation: IssuedOperation };

interface ClientContext extends ClientInput {
  /** Operations the script issued while a request was still out: a client waits for each reply. */
  queued: IssuedOperation[];
  current: IssuedOperation | null;
}

/** A user's browser or a caller service: one request at a time, the next one when the reply is in. */
export const clientMachine = setup({
  types: {
    input: {} as ClientInput,
    context: {} as ClientContext,
    events: {} as IssueEvent | DeliveryEvent,
  },
  guards: {
    'more operations are queued': ({ context }) => context.queued.length > 0,
  },
  actions: {
    'send the request': enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'issue') return;
      const [request, said] = requestFor(context, event.operation);
      enqueue.assign({ current: event.operation });
      context.outbox(request);
      if (context.narrate) context.outbox(said);
    }),
    'queue the operation': enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'issue') return;
      const { operation } = event;
      enqueue.assign({ queued: [...context.queued, operation] });
      if (context.narrate)
        context.outbox(note('client.queue', { client: context.id, op: operation.op, key: operation.key }));
    }),
    'take the response': enqueueActions(({ context, event, enqueue }) => {
      if (event.type !== 'message') return;
      if (context.narrate) context.outbox(describeResponse(context.id, event.message.payload));
      enqueue.assign({ current: null });
    }),
    'send the next queued request': enqueueActions(({ context, enqueue }) => {
      const [next, ...rest] = context.queued;
      if (next === undefined) return;
      const [request, said] = requestFor(context, next);
      enqueue.assign({ queued: rest, current: next });
      context.outbox(request);
      if (context.narrate) context.outbox(said);
    }),
  },
}).createMachine({
  id: 'client',
  context: ({ input }) => ({ ...input, queued: [], current: null }),
  initial: 'idle',
  states: {
    idle: {
      on: { issue: { target: 'waiting', actions: 'send the request' } },
    },
    waiting: {
      on: {
        issue: { actions: 'queue the operation' },
        message: [
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

/** The request a client sends for an operation, and what to say about it. */
function requestFor(context: ClientContext, operation: IssuedOperation): [SendRequest, StepNote] {
  const payload: Payload =
    operation.op === 'read'
      ? { kind: 'read request', requestId: operation.requestId, key: operation.key }
      : { kind: 'write request', requestId: operation.requestId, key: operation.key, value: operation.value };
  const params = { client: context.id, app: context.appNode, key: operation.key };
  const said =
    operation.op === 'read'
      ? note('client.read.send', params)
      : note('client.write.send', { ...params, value: operation.value });
  return [{ type: 'send', to: context.appNode, payload }, said];
}

function describeResponse(client: string, payload: Payload): StepNote {
  if (payload.kind !== 'response') throw new Error(`client cannot handle ${payload.kind}`);
  if (payload.op === 'write') {
    return note('client.write.done', { client, key: payload.key, version: payload.version ?? 0 });
  }
  if (payload.value === null) return note('client.read.none', { client, key: payload.key });
  return note('client.read.done', { client, key: payload.key, value: payload.value, source: payload.source });
}

function note(key: string, params: Record<string, string | number>): StepNote {
  return { type: 'note', key, params };
}
