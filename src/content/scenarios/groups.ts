import type { Scenario } from '../../engine/index.ts';
import { cacheAsideRead } from './cache-aside-read.ts';
import { cacheAsideWrite } from './cache-aside-write.ts';
import { cacheAsideWrongOrder } from './cache-aside-wrong-order.ts';
import { coherenceScenarios } from './coherence/index.ts';
import { eventDrivenScenarios } from './event-driven/index.ts';
import { avalancheScenarios, penetrationScenarios, stampedeScenarios } from './failure-modes/index.ts';
import { pubsubScenarios } from './pubsub/index.ts';
import { raceScenarios } from './races/index.ts';
import { sessionScenarios } from './sessions/index.ts';
import { writeStrategyScenarios } from './write-strategies/index.ts';
import { whyCacheScenarios } from './why-cache/index.ts';
import { ttlEvictionScenarios } from './ttl-eviction/index.ts';
import { productionScenarios } from './production/index.ts';

/** The scenarios of one lesson of the curriculum (by its id), in the order the lesson shows them. */
export interface ScenarioGroup {
  lessonId: string;
  scenarios: readonly Scenario[];
}

/** Every scenario, grouped by the lesson it is made for, in curriculum order. */
export const scenarioGroups: readonly ScenarioGroup[] = [
  { lessonId: 'why-cache', scenarios: whyCacheScenarios },
  { lessonId: 'cache-aside', scenarios: [cacheAsideRead, cacheAsideWrite, cacheAsideWrongOrder] },
  { lessonId: 'ttl-eviction', scenarios: ttlEvictionScenarios },
  { lessonId: 'sessions', scenarios: sessionScenarios },
  { lessonId: 'pubsub', scenarios: pubsubScenarios },
  { lessonId: 'write-strategies', scenarios: writeStrategyScenarios },
  { lessonId: 'coherence', scenarios: coherenceScenarios },
  { lessonId: 'event-driven', scenarios: eventDrivenScenarios },
  { lessonId: 'races', scenarios: raceScenarios },
  { lessonId: 'penetration', scenarios: penetrationScenarios },
  { lessonId: 'avalanche', scenarios: avalancheScenarios },
  { lessonId: 'stampede', scenarios: stampedeScenarios },
  { lessonId: 'production', scenarios: productionScenarios },
];
