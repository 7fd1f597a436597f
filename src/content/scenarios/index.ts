import type { Scenario } from '../../engine/index.ts';
import { cacheAsideRead } from './cache-aside-read.ts';
import { cacheAsideWrite } from './cache-aside-write.ts';
import { cacheAsideWrongOrder } from './cache-aside-wrong-order.ts';

/** Every scenario, in the order the lessons introduce them. Ids are unique (checked by a test). */
export const scenarios: readonly Scenario[] = [cacheAsideRead, cacheAsideWrite, cacheAsideWrongOrder];

export function getScenario(id: string): Scenario | undefined {
  return scenarios.find((s) => s.id === id);
}

/** The seed a scenario opens with; any other seed changes timings, not what happens. */
export const DEFAULT_SEED = 1;
