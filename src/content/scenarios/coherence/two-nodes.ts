import { CACHE_ASIDE, type Scenario, type Strategy } from '../../../engine/index.ts';
import { dataCentreNetwork } from '../network.ts';

/** The row every coherence scenario reads and changes: Alice's email. */
export const EMAIL_KEY = 'user:42:email';

/** How long an app node keeps its local (L1) copy. */
export const L1_TTL_SECONDS = 10;

/** Cache-aside with a local cache in every app node, and no way yet to tell the nodes about a write. */
export const WITH_L1: Strategy = {
  ...CACHE_ASIDE,
  localCache: { kind: 'l1', ttlSeconds: L1_TTL_SECONDS },
};

/**
 * The coherence lesson's stage: Node A and Node B behind no load balancer, each with its own local
 * cache, one Redis and one database. Alice uses Node A; Bob uses Node B and looks at her profile.
 */
export function twoNodes(
  strategy: Strategy,
): Pick<Scenario, 'clients' | 'appNodes' | 'cache' | 'database' | 'strategy' | 'network'> {
  return {
    clients: [
      { id: 'alice', label: 'Alice', server: 'app-a' },
      { id: 'bob', label: 'Bob', server: 'app-b' },
    ],
    appNodes: [
      { id: 'app-a', label: 'Node A' },
      { id: 'app-b', label: 'Node B' },
    ],
    cache: { entries: [] },
    database: {
      readLatencyMs: 8,
      writeLatencyMs: 15,
      rows: [{ key: EMAIL_KEY, value: 'alice@old.example', version: 1 }],
    },
    strategy,
    network: dataCentreNetwork(['alice', 'bob'], ['app-a', 'app-b']),
  };
}
