import { setup } from 'xstate';
import type { ClientOp, DeliveryEvent, Payload, StepNote } from '../sim/messages.ts';
import type { LoadBalancerSpec } from '../sim/scenario.ts';
import type { ActorInput } from './actorInput.ts';
import { note } from '../sim/messages.ts';

export interface LoadBalancerInput extends ActorInput {
  /** The app nodes behind it, in order: round robin goes through them in this order. */
  nodes: string[];
  policy: LoadBalancerSpec['policy'];
}

/** What the load balancer's health check noticed, sent in by the engine. */
export type NodeHealthEvent = { type: 'node down'; node: string } | { type: 'node up'; node: string };

type ClientRequest = Extract<
  Payload,
  { kind: 'read request' | 'write request' | 'login request' | 'page request' | 'chat post' }
>;

/** A request forwarded to a node and not yet answered. */
export interface ForwardedRequest {
  client: string;
  node: string;
  op: ClientOp;
  /** What the request is about: the key, the user, the page or the chat room. */
  key: string;
}

// Changed in place, like the cache's bookkeeping: every request passes through here.
export interface LoadBalancerContext extends LoadBalancerInput {
  /** Nodes the health check found down. */
  down: Set<string>;
  /** Index into `nodes` of the next node in turn (round robin, and first assignments when sticky). */
  turn: { value: number };
  /** `sticky`: the node each client is pinned to, in the order clients were first seen. */
  pinned: Map<string, string>;
  /** Requests in progress, by request id, in the order they arrived. */
  forwarded: Map<number, ForwardedRequest>;
  /** Requests in progress per node. */
  connections: Map<string, number>;
}

export const BAD_GATEWAY = '502 Bad Gateway';
export const SERVICE_UNAVAILABLE = '503 Service Unavailable';

/**
 * A load balancer in front of the app nodes: forwards each client request, unchanged, to a node
 * chosen by its policy, and passes the node's response back. When its health check finds a node
 * down it answers that node's requests in progress with 502 and stops sending it requests; with
 * no node up it answers 503 at once.
 */
export const loadBalancerMachine = setup({
  types: {
    input: {} as LoadBalancerInput,
    context: {} as LoadBalancerContext,
    events: {} as DeliveryEvent | NodeHealthEvent,
  },
  guards: {
    'it is the last node up': ({ context, event }) =>
      event.type === 'node down' && isUp(context, event.node) && upNodes(context).length === 1,
    'it is a node that was down': ({ context, event }) =>
      event.type === 'node up' && context.down.has(event.node),
  },
  actions: {
    'route the message': ({ context, event }) => {
      if (event.type !== 'message') return;
      const { from, payload } = event.message;
      if (payload.kind === 'response') passBack(context, from, payload);
      else if (isClientRequest(payload)) forward(context, from, payload);
      else throw new Error(`load balancer cannot handle ${payload.kind}`);
    },
    'take the node out': ({ context, event }) => {
      if (event.type !== 'node down' || !isUp(context, event.node)) return;
      const { node } = event;
      context.down.add(node);
      const failed = [...context.forwarded].filter(([, request]) => request.node === node);
      if (context.narrate) context.outbox(note('lb.node.down', { node, count: failed.length }));
      for (const [requestId, request] of failed) {
        context.forwarded.delete(requestId);
        answerFailure(context, requestId, request, BAD_GATEWAY);
      }
      context.connections.set(node, 0);
    },
    'put the node back': ({ context, event }) => {
      if (event.type !== 'node up') return;
      context.down.delete(event.node);
      if (context.narrate) context.outbox(note('lb.node.up', { node: event.node }));
    },
  },
}).createMachine({
  id: 'loadBalancer',
  context: ({ input }) => ({
    ...input,
    down: new Set(),
    turn: { value: 0 },
    pinned: new Map(),
    forwarded: new Map(),
    connections: new Map(input.nodes.map((node) => [node, 0])),
  }),
  initial: 'serving',
  on: {
    message: { actions: 'route the message' },
    'node down': [
      { guard: 'it is the last node up', target: '.unavailable', actions: 'take the node out' },
      { actions: 'take the node out' },
    ],
    'node up': { guard: 'it is a node that was down', target: '.serving', actions: 'put the node back' },
  },
  states: {
    /** At least one node is up. */
    serving: {},
    /** Every node is down: requests are answered 503. */
    unavailable: {},
  },
});

/** What the load balancer holds, as short lines: sticky assignments and requests in progress. */
export function holdingsOf(context: LoadBalancerContext): string[] {
  const lines: string[] = [];
  for (const [client, node] of context.pinned) lines.push(`sticky: ${client} → ${node}`);
  const counts = context.nodes.map((node) => `${node} ${context.connections.get(node) ?? 0}`);
  lines.push(`in progress: ${counts.join(', ')}`);
  if (context.down.size > 0)
    lines.push(`down: ${context.nodes.filter((n) => context.down.has(n)).join(', ')}`);
  return lines;
}

/** The requests in progress, in the order they arrived, with their ids. */
export function requestsInProgressOf(
  context: LoadBalancerContext,
): ({ requestId: number } & ForwardedRequest)[] {
  return [...context.forwarded].map(([requestId, request]) => ({ requestId, ...request }));
}

function forward(context: LoadBalancerContext, client: string, payload: ClientRequest): void {
  const { requestId } = payload;
  const [op, key] = subjectOf(payload);
  const choice = chooseNode(context, client);
  if (choice === null) {
    if (context.narrate) context.outbox(note('lb.unavailable', { client, op, key }));
    answerFailure(context, requestId, { client, node: '', op, key }, SERVICE_UNAVAILABLE);
    return;
  }
  const { node, said } = choice;
  if (context.narrate) context.outbox(said);
  context.forwarded.set(requestId, { client, node, op, key });
  context.connections.set(node, (context.connections.get(node) ?? 0) + 1);
  context.outbox({ type: 'send', to: node, payload });
}

function passBack(
  context: LoadBalancerContext,
  node: string,
  payload: Extract<Payload, { kind: 'response' }>,
) {
  const request = context.forwarded.get(payload.requestId);
  if (request === undefined || request.node !== node) {
    // Already answered (the node was taken out while it worked): the client has its 502.
    if (context.narrate) context.outbox(note('lb.response.late', { node, op: payload.op, key: payload.key }));
    return;
  }
  context.forwarded.delete(payload.requestId);
  context.connections.set(node, (context.connections.get(node) ?? 1) - 1);
  if (context.narrate) context.outbox(note('lb.response', { node, client: request.client }));
  context.outbox({ type: 'send', to: request.client, payload });
}

function answerFailure(
  context: LoadBalancerContext,
  requestId: number,
  request: ForwardedRequest,
  value: string,
): void {
  const { client, op, key } = request;
  context.outbox({
    type: 'send',
    to: client,
    payload: { kind: 'response', requestId, op, key, value, version: null, source: 'none', ok: false },
  });
}

/** The node for a client's request, by the policy, and what to say about it; null when none is up. */
function chooseNode(context: LoadBalancerContext, client: string): { node: string; said: StepNote } | null {
  const up = upNodes(context);
  if (up.length === 0) return null;
  switch (context.policy) {
    case 'round-robin': {
      const node = nextInTurn(context);
      return { node, said: note('lb.forward.round-robin', { client, node }) };
    }
    case 'sticky': {
      const pinned = context.pinned.get(client);
      if (pinned !== undefined && isUp(context, pinned)) {
        return { node: pinned, said: note('lb.forward.sticky', { client, node: pinned }) };
      }
      const node = nextInTurn(context);
      context.pinned.set(client, node);
      return pinned === undefined
        ? { node, said: note('lb.forward.sticky.new', { client, node }) }
        : { node, said: note('lb.forward.sticky.moved', { client, node, from: pinned }) };
    }
    case 'least-connections': {
      let best = up[0] as string;
      for (const node of up) {
        if ((context.connections.get(node) ?? 0) < (context.connections.get(best) ?? 0)) best = node;
      }
      const count = context.connections.get(best) ?? 0;
      return { node: best, said: note('lb.forward.least-connections', { client, node: best, count }) };
    }
  }
}

/** The next node in order that is up, from the turn on; moves the turn past it. */
function nextInTurn(context: LoadBalancerContext): string {
  const { nodes, turn } = context;
  for (let i = 0; i < nodes.length; i++) {
    const index = (turn.value + i) % nodes.length;
    const node = nodes[index] as string;
    if (isUp(context, node)) {
      turn.value = (index + 1) % nodes.length;
      return node;
    }
  }
  throw new Error('load balancer: no node is up');
}

function upNodes(context: LoadBalancerContext): string[] {
  return context.nodes.filter((node) => isUp(context, node));
}

function isUp(context: LoadBalancerContext, node: string): boolean {
  return context.nodes.includes(node) && !context.down.has(node);
}

function isClientRequest(payload: Payload): payload is ClientRequest {
  return (
    payload.kind === 'read request' ||
    payload.kind === 'write request' ||
    payload.kind === 'login request' ||
    payload.kind === 'page request' ||
    payload.kind === 'chat post'
  );
}

/** The operation and what it is about, as the response names them. */
function subjectOf(payload: ClientRequest): [ClientOp, string] {
  switch (payload.kind) {
    case 'read request':
      return ['read', payload.key];
    case 'write request':
      return ['write', payload.key];
    case 'login request':
      return ['login', payload.user];
    case 'page request':
      return ['page', payload.page];
    case 'chat post':
      return ['chat', payload.room];
  }
}
