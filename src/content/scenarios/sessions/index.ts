import type { Scenario } from '../../../engine/index.ts';
import { sessionsRedis } from './redisStore.ts';
import { sessionsRoundRobin } from './roundRobin.ts';
import { sessionsStickyCrash } from './stickyCrash.ts';

/** The sessions lesson's scenarios, in the order the lesson shows them. */
export const sessionScenarios: readonly Scenario[] = [sessionsRoundRobin, sessionsStickyCrash, sessionsRedis];
