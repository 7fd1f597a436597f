import type { Scenario } from '../../engine/index.ts';
import { cacheAsideRead } from './cache-aside-read.ts';
import { dataCentreNetwork } from './network.ts';

/**
 * `cache-aside-read` at scale, for benchmarks: `reads` reads over `keys` keys from `clients`
 * browsers taking turns, one read every `intervalMs` ms in all. Keys follow a fixed linear
 * congruential sequence, so every run reads the same keys in the same order.
 */
export function scaledCacheAsideRead(reads: number, keys: number, clients = 20, intervalMs = 5): Scenario {
  const rows = Array.from({ length: keys }, (_, i) => ({
    key: `user:${i}:email`,
    value: `user${i}@example.com`,
    version: 1,
  }));
  const clientIds = Array.from({ length: clients }, (_, i) => `browser-${i + 1}`);
  let x = 1;
  const script = Array.from({ length: reads }, (_, i) => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const client = clientIds[i % clients] as string;
    return { atMs: i * intervalMs, client, op: 'read' as const, key: `user:${(x >>> 8) % keys}:email` };
  });
  return {
    ...cacheAsideRead,
    id: `cache-aside-read-x${reads}`,
    clients: clientIds.map((id) => ({ id, label: id, server: 'app' })),
    database: { ...cacheAsideRead.database, rows },
    network: dataCentreNetwork(clientIds, ['app']),
    script,
  };
}
