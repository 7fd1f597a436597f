import type { ActorInfo, ActorView, Anomaly, Frame, Trace } from '../../src/engine/index.ts';

/**
 * A hand-made run in the trace's final shape, independent of the engine: three clients behind a
 * load balancer, three app nodes with local caches, Redis, the database, and the event pieces.
 * Step 3 has a stale read, step 4 a lost write and a divergence on Node B's local cache; Node B is
 * down from step 4, and Node C is cut off by a partition at step 5.
 */
export const manyActors: ActorInfo[] = [
  { id: 'alice', kind: 'client', label: 'Alice' },
  { id: 'reader', kind: 'client', label: 'Reader' },
  { id: 'carol', kind: 'client', label: 'Carol' },
  { id: 'lb', kind: 'loadBalancer', label: 'Load balancer' },
  { id: 'nodeA', kind: 'appNode', label: 'Node A' },
  { id: 'nodeB', kind: 'appNode', label: 'Node B' },
  { id: 'nodeC', kind: 'appNode', label: 'Node C' },
  { id: 'cache', kind: 'cache', label: 'Cache' },
  { id: 'db', kind: 'database', label: 'Database' },
  { id: 'relay', kind: 'relay', label: 'Outbox relay' },
  { id: 'broker', kind: 'broker', label: 'Broker' },
  { id: 'dlq', kind: 'deadLetterQueue', label: 'Dead letters' },
  { id: 'consumer1', kind: 'consumer', label: 'Consumer 1' },
  { id: 'consumer2', kind: 'consumer', label: 'Consumer 2' },
];

export const manyEdges = [
  ...['alice', 'reader', 'carol'].map((client) => ({ a: client, b: 'lb' })),
  ...['nodeA', 'nodeB', 'nodeC'].flatMap((node) => [
    { a: 'lb', b: node },
    { a: node, b: 'cache' },
    { a: node, b: 'db' },
  ]),
  { a: 'db', b: 'relay' },
  { a: 'relay', b: 'broker' },
  { a: 'broker', b: 'dlq' },
  { a: 'broker', b: 'consumer1' },
  { a: 'broker', b: 'consumer2' },
  { a: 'consumer1', b: 'cache' },
  { a: 'consumer2', b: 'cache' },
];

export const staleRead: Anomaly = {
  kind: 'stale read',
  step: 3,
  time: 30,
  key: 'user:42:email',
  operations: [2, 3],
  client: 'reader',
  readVersion: 1,
  newestVersion: 2,
};
export const lostWrite: Anomaly = {
  kind: 'lost write',
  step: 4,
  time: 40,
  key: 'cart:7',
  operations: [5],
  client: 'alice',
  value: 'x',
};
export const divergence: Anomaly = {
  kind: 'divergence',
  step: 4,
  time: 40,
  key: 'user:42:email',
  operations: [2],
  where: 'nodeB',
  cacheVersion: 1,
  dbVersion: 2,
  until: 27_040,
};

const anomaliesAt: Record<number, Anomaly[]> = { 3: [staleRead], 4: [lostWrite, divergence] };
const LAST = 6;

function frameAt(index: number): Frame {
  const nodeBDown = index >= 4;
  const actors: Record<string, ActorView> = Object.fromEntries(
    manyActors.map((actor) => [actor.id, { state: 'idle', pending: [] }]),
  );
  actors['nodeB'] = { state: nodeBDown ? 'down' : 'idle', pending: [] };
  actors['nodeA'] = { state: 'up.idle', pending: [], holds: ['session s1 \u2192 alice'] };
  actors['broker'] = { state: 'idle', pending: [], holds: ['queue: ev-1'] };
  const email = (version: number) => ({
    key: 'user:42:email',
    value: `v${version}@x`,
    version,
    ttlRemainingMs: 27_000,
  });
  return {
    index,
    time: index * 10,
    cause:
      index === 0
        ? { kind: 'start' }
        : index === LAST
          ? { kind: 'end' }
          : { kind: 'timer fired', actor: 'nodeA' },
    actor: index === 0 ? null : 'nodeA',
    delivered: null,
    actors,
    cache: index >= 1 ? [email(1)] : [],
    localCaches: { nodeA: index >= 2 ? [email(2)] : [], nodeB: index >= 1 ? [email(1)] : [] },
    db: [{ key: 'user:42:email', value: index >= 2 ? 'v2@x' : 'v1@x', version: index >= 2 ? 2 : 1 }],
    outbox:
      index >= 2
        ? [{ eventId: 'ev-1', key: 'user:42:email', version: 2, schema: 1, published: index >= 5 }]
        : [],
    partitions: index === 5 ? [['nodeC']] : [],
    inFlight: [],
    narration: { key: 'step.silent', params: {} },
    code: null,
    counters: { hits: 0, misses: 0, dbReads: 0, dbWrites: 0 },
    stale:
      index >= 2
        ? [
            {
              where: 'cache',
              key: 'user:42:email',
              rowKey: 'user:42:email',
              cacheVersion: 1,
              dbVersion: 2,
              sinceTime: 20,
              expiresAt: 27_010,
            },
            {
              where: 'nodeB',
              key: 'user:42:email',
              rowKey: 'user:42:email',
              cacheVersion: 1,
              dbVersion: 2,
              sinceTime: 20,
              expiresAt: 27_040,
            },
          ]
        : [],
    anomalies: anomaliesAt[index] ?? [],
  };
}

export const anomalyTrace: Trace = {
  scenarioId: 'fixture-many-actors',
  seed: 1,
  actors: manyActors,
  edges: manyEdges,
  frames: Array.from({ length: LAST + 1 }, (_, index) => frameAt(index)),
  totals: { hits: 0, misses: 0, dbReads: 0, dbWrites: 0, events: 0, requests: 0, virtualTimeMs: LAST * 10 },
  history: { operations: [], commits: [], losses: [] },
  anomalies: [staleRead, lostWrite, divergence],
};
