import type { Scenario } from '../../../engine/index.ts';

/**
 * Fixed latencies, so the interleaving that teaches (who misses, who waits, who loads) is the same
 * at every seed: a client reaches its app node in 5 ms, an app node reaches Redis in 1 ms and the
 * database in 2 ms.
 */
export function fixedNetwork(clients: readonly string[], appNodes: readonly string[]): Scenario['network'] {
  const fixed = (ms: number) => ({ minMs: ms, maxMs: ms });
  return {
    defaultLatency: fixed(2),
    links: [
      ...clients.flatMap((c) => appNodes.map((a) => ({ a: c, b: a, latency: fixed(5) }))),
      ...appNodes.map((a) => ({ a, b: 'cache', latency: fixed(1) })),
      ...appNodes.map((a) => ({ a, b: 'db', latency: fixed(2) })),
    ],
  };
}
