import type { Scenario } from '../../engine/index.ts';
import { scenarioGroups } from './groups.ts';

export { scenarioGroups, type ScenarioGroup } from './groups.ts';

/** Every scenario, in the order the lessons introduce them. Ids are unique (checked by a test). */
export const scenarios: readonly Scenario[] = scenarioGroups.flatMap((group) => group.scenarios);

export function getScenario(id: string): Scenario | undefined {
  return scenarios.find((s) => s.id === id);
}

/** The seed a scenario opens with; any other seed changes timings, not what happens. */
export const DEFAULT_SEED = 1;
