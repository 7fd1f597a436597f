import { CACHE_ASIDE, type Scenario, type SessionStore } from '../../../engine/index.ts';
import { dataCentreNetwork } from '../network.ts';

/**
 * The sessions lesson's stage: Alice's browser talks to a load balancer in front of Node A and
 * Node B. The client-to-balancer link is the internet; the balancer sits next to the nodes.
 */
export function behindBalancer(
  policy: NonNullable<Scenario['loadBalancer']>['policy'],
  sessions: SessionStore,
): Pick<Scenario, 'clients' | 'loadBalancer' | 'appNodes' | 'cache' | 'database' | 'strategy' | 'network'> {
  const nodes = ['app-a', 'app-b'];
  const network = dataCentreNetwork([], nodes);
  return {
    clients: [{ id: 'alice', label: 'Alice', server: 'lb' }],
    loadBalancer: { policy },
    appNodes: [
      { id: 'app-a', label: 'Node A' },
      { id: 'app-b', label: 'Node B' },
    ],
    cache: { entries: [] },
    database: { readLatencyMs: 8, writeLatencyMs: 15, rows: [] },
    strategy: { ...CACHE_ASIDE, sessions },
    network: {
      ...network,
      links: [...(network.links ?? []), { a: 'alice', b: 'lb', latency: { minMs: 10, maxMs: 20 } }],
    },
  };
}
