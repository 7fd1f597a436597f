import type { Scenario } from '../../../engine/index.ts';
import { sessionsRedis } from './sessions-redis.ts';
import { sessionsRoundRobin } from './sessions-round-robin.ts';
import { sessionsStickyCrash } from './sessions-sticky-crash.ts';

/** The sessions lesson's scenarios, in the order the lesson shows them. */
export const sessionScenarios: readonly Scenario[] = [sessionsRoundRobin, sessionsStickyCrash, sessionsRedis];
