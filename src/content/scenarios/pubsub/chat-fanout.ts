import { CACHE_ASIDE, type Scenario } from '../../../engine/index.ts';
import { dataCentreNetwork } from '../network.ts';

const nodes = ['app-a', 'app-b', 'app-c'];
const people = ['alice', 'bob', 'carol'];

export const chatFanout: Scenario = {
  id: 'chat-fanout',
  title: 'Chat fan-out across nodes',
  summary:
    'Alice, Bob and Carol have their chat open on Node A, Node B and Node C. Every node subscribes to chat:lobby. ' +
    'A message posted on Node A is published once, and Redis pushes it to every node, which sends it down its sockets. ' +
    'Then Node C crashes. A message posted while it is down is never delivered to it: pub/sub keeps nothing for later. ' +
    'Node C restarts and subscribes again, and Carol gets the next message, but never the one she missed.',
  clients: [
    { id: 'alice', label: 'Alice', server: 'app-a' },
    { id: 'bob', label: 'Bob', server: 'app-b' },
    { id: 'carol', label: 'Carol', server: 'app-c' },
  ],
  appNodes: [
    { id: 'app-a', label: 'Node A' },
    { id: 'app-b', label: 'Node B' },
    { id: 'app-c', label: 'Node C' },
  ],
  cache: { entries: [] },
  database: { readLatencyMs: 8, writeLatencyMs: 15, rows: [] },
  strategy: CACHE_ASIDE,
  chatRooms: ['lobby'],
  network: dataCentreNetwork(people, nodes),
  script: [
    { atMs: 500, client: 'alice', op: 'chat', room: 'lobby', text: 'hello everyone' },
    { atMs: 1500, client: 'bob', op: 'chat', room: 'lobby', text: 'is Carol here?' },
    { atMs: 3000, client: 'alice', op: 'chat', room: 'lobby', text: 'welcome back' },
  ],
  faults: [
    { atMs: 1000, fault: { kind: 'crash', node: 'app-c' } },
    { atMs: 2000, fault: { kind: 'restart', node: 'app-c' } },
  ],
};
