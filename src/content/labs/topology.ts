import { CACHE_ASIDE, LOAD_BALANCER_ID, type Scenario } from '../../engine/index.ts';

const NODES = ['app-1', 'app-2', 'app-3'];
const CLIENTS = Array.from({ length: 12 }, (_, i) => `browser-${i + 1}`);

/**
 * The topology every lab scenario runs on: twelve browsers behind a round-robin load balancer,
 * three app nodes, one Redis and one database, with latencies of one data centre (a few ms inside
 * it, 10 to 20 ms from a browser). Cache-aside, an empty cache and no script: the load is the traffic.
 */
export function labTopology(
  fields: Pick<Scenario, 'id' | 'title' | 'summary' | 'load'> & Partial<Scenario>,
): Scenario {
  return {
    clients: CLIENTS.map((id, i) => ({ id, label: `Browser ${i + 1}`, server: LOAD_BALANCER_ID })),
    loadBalancer: { policy: 'round-robin' },
    appNodes: NODES.map((id, i) => ({ id, label: `App ${i + 1}` })),
    cache: { entries: [] },
    database: { readLatencyMs: 5, writeLatencyMs: 8, rows: [] },
    strategy: CACHE_ASIDE,
    network: {
      defaultLatency: { minMs: 1, maxMs: 3 },
      links: [
        ...CLIENTS.map((c) => ({ a: c, b: LOAD_BALANCER_ID, latency: { minMs: 10, maxMs: 20 } })),
        ...NODES.map((a) => ({ a, b: 'cache', latency: { minMs: 1, maxMs: 2 } })),
        ...NODES.map((a) => ({ a, b: 'db', latency: { minMs: 2, maxMs: 4 } })),
      ],
    },
    script: [],
    ...fields,
  };
}
