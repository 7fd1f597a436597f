import { runScenario } from '../../engine/index.ts';
import type { ConsoleCommand, Intervention, Scenario, Trace } from '../../engine/index.ts';

/**
 * The UI never simulates step by step: it asks the engine for a whole run once per
 * (scenario, seed) and then only moves a cursor over the recorded frames. Runs are deterministic,
 * so a remembered trace is exactly what a fresh run would return. Lines typed into the console,
 * faults injected from the player (a fork) and a race order are part of what a run is, so they are
 * part of the key. Runs are remembered by scenario id: a scenario built on the fly (the playground's)
 * must carry an id that names everything it is made of.
 */
const REMEMBERED_RUNS = 16;
const runs = new Map<string, Trace>();

export function traceFor(
  scenario: Scenario,
  seed: number,
  console: readonly ConsoleCommand[] = [],
  interventions: readonly Intervention[] = [],
  race: readonly number[] | null = null,
): Trace {
  const key = [
    scenario.id,
    seed,
    JSON.stringify(console),
    JSON.stringify(interventions),
    race === null ? '' : race.join('.'),
  ].join('\u0000');
  const remembered = runs.get(key);
  if (remembered !== undefined) {
    // Re-insert so the Map's order is least-recently-used first.
    runs.delete(key);
    runs.set(key, remembered);
    return remembered;
  }
  const trace = runScenario(scenario, {
    seed,
    record: 'frames',
    console,
    interventions,
    ...(race === null ? {} : { race }),
  });
  runs.set(key, trace);
  if (runs.size > REMEMBERED_RUNS) {
    const oldest = runs.keys().next();
    if (oldest.done !== true) runs.delete(oldest.value);
  }
  return trace;
}
