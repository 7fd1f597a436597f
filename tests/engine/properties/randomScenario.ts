import type { Operation, Scenario, Strategy } from '../../../src/engine/index.ts';
import { dataCentreNetwork } from '../../../src/content/scenarios/network.ts';

// What the property tests share: a random run's shape, and the scenario it stands for.

export const KEYS = ['user:1', 'user:2', 'user:3'];

/** One operation of a random run: client and key are indexes into the run's clients and keys. */
export interface RandomOp {
  atMs: number;
  client: number;
  write: boolean;
  key: number;
}

export interface RandomRun {
  nodes: number;
  clients: number;
  keys: number;
  ops: RandomOp[];
}

/**
 * The scenario of a random run: client i talks to node i mod n, every key starts at version 1 in
 * the database with an empty cache, and the n-th operation writes `value-n`.
 */
export function randomScenario(
  run: RandomRun,
  { id, title, strategy }: { id: string; title: string; strategy: Strategy },
): Scenario {
  const nodes = Array.from({ length: run.nodes }, (_, i) => `node-${i + 1}`);
  const clients = Array.from({ length: run.clients }, (_, i) => `client-${i + 1}`);
  const keys = KEYS.slice(0, run.keys);
  const script: Operation[] = run.ops.map((op, i) => {
    const client = clients[op.client]!;
    const key = keys[op.key]!;
    return op.write
      ? { atMs: op.atMs, client, op: 'write', key, value: `value-${i + 1}` }
      : { atMs: op.atMs, client, op: 'read', key };
  });
  return {
    id,
    title,
    summary: 'Random reads and writes.',
    clients: clients.map((client, i) => ({ id: client, label: client, server: nodes[i % nodes.length]! })),
    appNodes: nodes.map((node) => ({ id: node, label: node })),
    cache: { entries: [] },
    database: {
      readLatencyMs: 8,
      writeLatencyMs: 15,
      rows: keys.map((key) => ({ key, value: 'initial', version: 1 })),
    },
    strategy,
    network: dataCentreNetwork(clients, nodes),
    script: script.sort((a, b) => a.atMs - b.atMs),
  };
}
