import { runScenario } from '../../engine/index.ts';
import type { Scenario, Trace } from '../../engine/index.ts';

/**
 * The UI never simulates step by step: it asks the engine for a whole run once per
 * (scenario, seed) and then only moves a cursor over the recorded frames. Runs are deterministic,
 * so a remembered trace is exactly what a fresh run would return.
 */
const REMEMBERED_RUNS = 16;
const runs = new Map<string, Trace>();

export function traceFor(scenario: Scenario, seed: number): Trace {
  const key = `${scenario.id}\u0000${seed}`;
  const remembered = runs.get(key);
  if (remembered !== undefined) {
    // Re-insert so the Map's order is least-recently-used first.
    runs.delete(key);
    runs.set(key, remembered);
    return remembered;
  }
  const trace = runScenario(scenario, { seed, record: 'frames' });
  runs.set(key, trace);
  if (runs.size > REMEMBERED_RUNS) {
    const oldest = runs.keys().next();
    if (oldest.done !== true) runs.delete(oldest.value);
  }
  return trace;
}
