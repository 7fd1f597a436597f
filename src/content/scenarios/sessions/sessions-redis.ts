import type { Scenario } from '../../../engine/index.ts';
import { behindBalancer } from './behind-balancer.ts';

/** How long a session lives after its last request (30 minutes); each request starts the count again. */
export const SESSION_TTL_SECONDS = 1800;

export const sessionsRedis: Scenario = {
  id: 'sessions-redis',
  title: 'Sessions in Redis',
  summary:
    'Every node keeps sessions in Redis, as a hash with a 30-minute expiry. ' +
    'Alice logs in on Node A; her next page goes to Node B, which finds the session in Redis ' +
    'and pushes its expiry back. Then Node A crashes, and her next page, on Node B again, still works: ' +
    'no session lived in a node’s memory.',
  ...behindBalancer('round-robin', { kind: 'redis-hash', slidingTtlSeconds: SESSION_TTL_SECONDS }),
  script: [
    { atMs: 0, client: 'alice', op: 'login', user: 'alice' },
    { atMs: 500, client: 'alice', op: 'page', page: 'inbox' },
    { atMs: 1500, client: 'alice', op: 'page', page: 'inbox' },
  ],
  faults: [{ atMs: 1000, fault: { kind: 'crash', node: 'app-a' } }],
};
