import { runScenario } from '../../engine/index.ts';
import type { ConsoleCommand, Intervention, Scenario, Trace } from '../../engine/index.ts';

/**
 * The UI never simulates step by step: it asks the engine for a whole run once per
 * (scenario, seed) and then only moves a cursor over the recorded frames. Runs are deterministic,
 * so a remembered trace is exactly what a fresh run would return. Lines typed into the console
 * and faults injected from the player (a fork) are part of what a run is, so they are part of the key.
 */
const REMEMBERED_RUNS = 16;
const runs = new Map<string, Trace>();

export function traceFor(
  scenario: Scenario,
  seed: number,
  console: readonly ConsoleCommand[] = [],
  interventions: readonly Intervention[] = [],
): Trace {
  const key = `${scenario.id}\u0000${seed}\u0000${JSON.stringify(console)}\u0000${JSON.stringify(interventions)}`;
  const remembered = runs.get(key);
  if (remembered !== undefined) {
    // Re-insert so the Map's order is least-recently-used first.
    runs.delete(key);
    runs.set(key, remembered);
    return remembered;
  }
  const trace = runScenario(scenario, { seed, record: 'frames', console, interventions });
  runs.set(key, trace);
  if (runs.size > REMEMBERED_RUNS) {
    const oldest = runs.keys().next();
    if (oldest.done !== true) runs.delete(oldest.value);
  }
  return trace;
}
