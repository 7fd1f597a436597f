import type { Scenario } from '../../../engine/index.ts';
import { behindBalancer } from './behind-balancer.ts';

export const sessionsStickyCrash: Scenario = {
  id: 'sessions-sticky-crash',
  title: 'Sticky sessions, then a crash',
  summary:
    'The load balancer now keeps Alice on the node she first reached, so her pages go to Node A, ' +
    'which has her session. Then Node A crashes. The load balancer moves Alice to Node B, ' +
    'which does not have her session: she is logged out. Every session Node A held is gone.',
  ...behindBalancer('sticky', { kind: 'node-memory' }),
  script: [
    { atMs: 0, client: 'alice', op: 'login', user: 'alice' },
    { atMs: 500, client: 'alice', op: 'page', page: 'inbox' },
    { atMs: 1500, client: 'alice', op: 'page', page: 'inbox' },
  ],
  faults: [{ atMs: 1000, fault: { kind: 'crash', node: 'app-a' } }],
};
