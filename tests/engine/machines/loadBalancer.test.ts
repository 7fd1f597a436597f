import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  holdingsOf,
  loadBalancerMachine,
  type LoadBalancerInput,
} from '../../../src/engine/machines/loadBalancerMachine.ts';
import type { Outbox, Payload, SendRequest, StepNote } from '../../../src/engine/sim/messages.ts';
import { message } from './driver.ts';

// The load balancer alone: clients' requests in, nodes' responses back, health-check events from
// the engine; we assert where each message goes and what is said.

function start(policy: LoadBalancerInput['policy'], nodes = ['app-a', 'app-b', 'app-c']) {
  const sent: SendRequest[] = [];
  const notes: StepNote[] = [];
  const outbox: Outbox = (e) => (e.type === 'send' ? sent.push(e) : notes.push(e));
  const lb = createActor(loadBalancerMachine, {
    input: { id: 'lb', outbox, narrate: true, now: () => 0, nodes, policy },
  });
  lb.start();
  const read = (client: string, requestId: number, key = 'k') =>
    lb.send(message(client, 'lb', { kind: 'read request', requestId, key }));
  const respond = (node: string, requestId: number, key = 'k') =>
    lb.send(message(node, 'lb', response(requestId, key)));
  const holdings = () => holdingsOf(lb.getSnapshot().context);
  /** Where each message went, with its request id. */
  const routes = () => sent.map((s) => [s.to, s.payload.requestId]);
  return { lb, sent, notes, read, respond, holdings, routes };
}

function response(requestId: number, key: string): Payload {
  return { kind: 'response', requestId, op: 'read', key, value: 'v', version: 1, source: 'cache', ok: true };
}

const failure = (requestId: number, op: string, key: string, value: string) => ({
  kind: 'response',
  requestId,
  op,
  key,
  value,
  version: null,
  source: 'none',
  ok: false,
});

describe('loadBalancerMachine round robin', () => {
  it('sends each request to the next node that is up, in order, and passes responses back unchanged', () => {
    const { lb, sent, notes, read, respond, routes, holdings } = start('round-robin');
    read('alice', 1);
    read('bob', 2);
    read('alice', 3);
    read('carol', 4);
    expect(routes()).toEqual([
      ['app-a', 1],
      ['app-b', 2],
      ['app-c', 3],
      ['app-a', 4],
    ]);
    // Forwarded unchanged.
    expect(sent[0]!.payload).toEqual({ kind: 'read request', requestId: 1, key: 'k' });
    expect(holdings()).toEqual(['in progress: app-a 2, app-b 1, app-c 1']);

    respond('app-b', 2);
    expect(sent.at(-1)).toEqual({ type: 'send', to: 'bob', payload: response(2, 'k') });
    expect(holdings()).toEqual(['in progress: app-a 2, app-b 0, app-c 1']);

    lb.send({ type: 'node down', node: 'app-c' });
    read('bob', 5);
    read('bob', 6);
    read('bob', 7);
    expect(routes().slice(-3)).toEqual([
      ['app-b', 5],
      ['app-a', 6],
      ['app-b', 7],
    ]);
    expect(notes.slice(0, 5).map((n) => [n.key, n.params])).toEqual([
      ['lb.forward.round-robin', { client: 'alice', node: 'app-a' }],
      ['lb.forward.round-robin', { client: 'bob', node: 'app-b' }],
      ['lb.forward.round-robin', { client: 'alice', node: 'app-c' }],
      ['lb.forward.round-robin', { client: 'carol', node: 'app-a' }],
      ['lb.response', { node: 'app-b', client: 'bob' }],
    ]);
  });
});

describe('loadBalancerMachine sticky', () => {
  it('keeps a client on its first node while it is up, and moves it when the node goes down', () => {
    const { lb, notes, read, respond, routes, holdings } = start('sticky');
    read('alice', 1);
    read('bob', 2);
    respond('app-a', 1);
    read('alice', 3);
    read('alice', 4);
    expect(routes()).toEqual([
      ['app-a', 1],
      ['app-b', 2],
      ['alice', 1],
      ['app-a', 3],
      ['app-a', 4],
    ]);
    expect(holdings()).toEqual([
      'sticky: alice → app-a',
      'sticky: bob → app-b',
      'in progress: app-a 2, app-b 1, app-c 0',
    ]);

    lb.send({ type: 'node down', node: 'app-a' });
    read('alice', 5);
    read('bob', 6);
    expect(routes().slice(5)).toEqual([
      ['alice', 3], // 502s for what app-a had in progress
      ['alice', 4],
      ['app-c', 5], // moved to the next node in turn
      ['app-b', 6], // bob stays
    ]);
    expect(holdings()).toEqual([
      'sticky: alice → app-c',
      'sticky: bob → app-b',
      'in progress: app-a 0, app-b 2, app-c 1',
      'down: app-a',
    ]);
    // Back up, app-a gets no one back: alice stays where she was moved.
    lb.send({ type: 'node up', node: 'app-a' });
    read('alice', 7);
    expect(routes().at(-1)).toEqual(['app-c', 7]);
    expect(notes.map((n) => n.key)).toEqual([
      'lb.forward.sticky.new',
      'lb.forward.sticky.new',
      'lb.response',
      'lb.forward.sticky',
      'lb.forward.sticky',
      'lb.node.down',
      'lb.forward.sticky.moved',
      'lb.forward.sticky',
      'lb.node.up',
      'lb.forward.sticky',
    ]);
    expect(notes[6]!.params).toEqual({ client: 'alice', node: 'app-c', from: 'app-a' });
  });
});

describe('loadBalancerMachine least connections', () => {
  it('sends each request to the up node with the fewest in progress, the first in order on a tie', () => {
    const { lb, notes, read, respond, routes } = start('least-connections', ['app-a', 'app-b']);
    read('alice', 1); // 0, 0 → a
    read('bob', 2); // 1, 0 → b
    respond('app-b', 2);
    read('carol', 3); // 1, 0 → b
    read('dave', 4); // 1, 1 → a
    read('erin', 5); // 2, 1 → b
    expect(routes()).toEqual([
      ['app-a', 1],
      ['app-b', 2],
      ['bob', 2],
      ['app-b', 3],
      ['app-a', 4],
      ['app-b', 5],
    ]);
    lb.send({ type: 'node down', node: 'app-a' });
    read('frank', 6); // only b is up
    expect(routes().at(-1)).toEqual(['app-b', 6]);
    expect(notes.filter((n) => n.key === 'lb.forward.least-connections').map((n) => n.params.count)).toEqual([
      0, 0, 0, 1, 1, 2,
    ]);
  });
});

describe('loadBalancerMachine failures', () => {
  it('answers every request in progress on a node that goes down with 502, whatever its kind', () => {
    const { lb, sent, notes, respond, holdings } = start('round-robin', ['app-a', 'app-b']);
    const from = (client: string, payload: Payload) => lb.send(message(client, 'lb', payload));
    from('alice', { kind: 'read request', requestId: 1, key: 'user:1' }); // a
    from('bob', { kind: 'login request', requestId: 2, user: 'bob' }); // b
    from('alice', { kind: 'write request', requestId: 3, key: 'user:1', value: 'x' }); // a
    from('carol', { kind: 'page request', requestId: 4, page: 'home', session: null }); // b
    from('dave', { kind: 'chat post', requestId: 5, room: 'lobby', text: 'hi' }); // a
    lb.send({ type: 'node down', node: 'app-a' });
    expect(sent.slice(5).map((s) => [s.to, s.payload])).toEqual([
      ['alice', failure(1, 'read', 'user:1', '502 Bad Gateway')],
      ['alice', failure(3, 'write', 'user:1', '502 Bad Gateway')],
      ['dave', failure(5, 'chat', 'lobby', '502 Bad Gateway')],
    ]);
    expect(notes.at(-1)).toEqual({ type: 'note', key: 'lb.node.down', params: { node: 'app-a', count: 3 } });
    expect(lb.getSnapshot().value).toBe('serving');

    // app-a answers after all (it was only unreachable): the client already has its 502.
    respond('app-a', 1, 'user:1');
    expect(sent).toHaveLength(8);
    expect(notes.at(-1)).toMatchObject({ key: 'lb.response.late', params: { node: 'app-a', key: 'user:1' } });

    lb.send({ type: 'node down', node: 'app-b' });
    expect(sent.slice(8).map((s) => [s.to, s.payload])).toEqual([
      ['bob', failure(2, 'login', 'bob', '502 Bad Gateway')],
      ['carol', failure(4, 'page', 'home', '502 Bad Gateway')],
    ]);
    expect(holdings()).toEqual(['in progress: app-a 0, app-b 0', 'down: app-a, app-b']);
  });

  it('answers 503 at once while no node is up, and routes again when one comes back', () => {
    const { lb, sent, notes, read, routes } = start('sticky', ['app-a']);
    lb.send({ type: 'node down', node: 'app-a' });
    expect(lb.getSnapshot().value).toBe('unavailable');
    read('alice', 1, 'user:1');
    expect(sent.map((s) => [s.to, s.payload])).toEqual([
      ['alice', failure(1, 'read', 'user:1', '503 Service Unavailable')],
    ]);
    expect(notes.at(-1)).toEqual({
      type: 'note',
      key: 'lb.unavailable',
      params: { client: 'alice', op: 'read', key: 'user:1' },
    });
    lb.send({ type: 'node down', node: 'app-a' }); // said twice: nothing new
    expect(notes).toHaveLength(2);

    lb.send({ type: 'node up', node: 'app-a' });
    expect(lb.getSnapshot().value).toBe('serving');
    read('alice', 2);
    expect(routes().at(-1)).toEqual(['app-a', 2]);
  });

  it('says nothing when narration is off, but still routes', () => {
    const sent: SendRequest[] = [];
    const notes: StepNote[] = [];
    const lb = createActor(loadBalancerMachine, {
      input: {
        id: 'lb',
        outbox: (e) => (e.type === 'send' ? sent.push(e) : notes.push(e)),
        narrate: false,
        now: () => 0,
        nodes: ['app-a'],
        policy: 'round-robin',
      },
    });
    lb.start();
    lb.send(message('alice', 'lb', { kind: 'read request', requestId: 1, key: 'k' }));
    expect(sent.map((s) => s.to)).toEqual(['app-a']);
    expect(notes).toEqual([]);
  });
});
