import type { Scenario } from '../../engine/index.ts';

/**
 * The latencies the lesson scenarios share: a client reaches the app over the internet (tens of
 * ms); the app reaches Redis and the database inside one data centre (a few ms).
 */
export function dataCentreNetwork(
  clients: readonly string[],
  appNodes: readonly string[],
): Scenario['network'] {
  return {
    defaultLatency: { minMs: 1, maxMs: 3 },
    links: [
      ...clients.flatMap((c) => appNodes.map((a) => ({ a: c, b: a, latency: { minMs: 10, maxMs: 20 } }))),
      ...appNodes.map((a) => ({ a, b: 'cache', latency: { minMs: 1, maxMs: 2 } })),
      ...appNodes.map((a) => ({ a, b: 'db', latency: { minMs: 2, maxMs: 4 } })),
    ],
  };
}
