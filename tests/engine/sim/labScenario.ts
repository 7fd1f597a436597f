import { CACHE_ASIDE, type LoadSpec, type Scenario } from '../../../src/engine/index.ts';

// A small load-lab scenario the load tests share: clients → one app node → Redis and the database.

export const LAB_CLIENTS = ['c1', 'c2', 'c3'];

export const labScenario = (load: LoadSpec, changes: Partial<Scenario> = {}): Scenario => ({
  id: 'lab',
  title: 'Load lab',
  summary: 'Open-loop requests from three clients.',
  clients: LAB_CLIENTS.map((id) => ({ id, label: id, server: 'app' })),
  appNodes: [{ id: 'app', label: 'App' }],
  cache: { entries: [] },
  database: { readLatencyMs: 5, writeLatencyMs: 8, rows: [] },
  strategy: { ...CACHE_ASIDE, ttlSeconds: 10 },
  network: { defaultLatency: { minMs: 1, maxMs: 3 } },
  script: [],
  load,
  ...changes,
});

/** A load of `ratePerSecond` for `seconds`, over `keys` uniform keys, reads only unless said. */
export const steadyLoad = (
  ratePerSecond: number,
  seconds: number,
  keys = 50,
  writeFraction = 0,
): LoadSpec => ({
  arrivals: { kind: 'poisson', ratePerSecond },
  durationMs: seconds * 1000,
  keys: { count: keys, popularity: { kind: 'uniform' } },
  writeFraction,
});
