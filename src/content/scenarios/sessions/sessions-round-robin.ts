import type { Scenario } from '../../../engine/index.ts';
import { behindBalancer } from './behind-balancer.ts';

export const sessionsRoundRobin: Scenario = {
  id: 'sessions-round-robin',
  title: 'Sessions in node memory, round robin',
  summary:
    'Alice logs in. The load balancer sends her login to Node A, which keeps her session in its own memory. ' +
    'Her next page goes to Node B, the next node in turn. Node B has never heard of her session, ' +
    'so Alice is sent back to the login page.',
  ...behindBalancer('round-robin', { kind: 'node-memory' }),
  script: [
    { atMs: 0, client: 'alice', op: 'login', user: 'alice' },
    { atMs: 500, client: 'alice', op: 'page', page: 'inbox' },
  ],
};
