import { runScenario } from '../../engine/index.ts';
import type { ConsoleCommand, Intervention, RunOptions, Scenario, Trace } from '../../engine/index.ts';

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

function keyOf(
  scenarioId: string,
  seed: number,
  console: readonly ConsoleCommand[],
  interventions: readonly Intervention[],
  race: readonly number[] | null,
): string {
  return [
    scenarioId,
    seed,
    JSON.stringify(console),
    JSON.stringify(interventions),
    race === null ? '' : race.join('.'),
  ].join('\u0000');
}

/** The engine's options for a run: the same whether it runs here or in the worker (traceWorker.ts). */
export function runOptions(
  seed: number,
  console: readonly ConsoleCommand[] = [],
  interventions: readonly Intervention[] = [],
  race: readonly number[] | null = null,
): RunOptions {
  return { seed, record: 'frames', console, interventions, ...(race === null ? {} : { race }) };
}

function remember(key: string, trace: Trace) {
  runs.set(key, trace);
  if (runs.size > REMEMBERED_RUNS) {
    const oldest = runs.keys().next();
    if (oldest.done !== true) runs.delete(oldest.value);
  }
}

export function traceFor(
  scenario: Scenario,
  seed: number,
  console: readonly ConsoleCommand[] = [],
  interventions: readonly Intervention[] = [],
  race: readonly number[] | null = null,
): Trace {
  const key = keyOf(scenario.id, seed, console, interventions, race);
  const remembered = runs.get(key);
  if (remembered !== undefined) {
    // Re-insert so the Map's order is least-recently-used first.
    runs.delete(key);
    runs.set(key, remembered);
    return remembered;
  }
  const trace = runScenario(scenario, runOptions(seed, console, interventions, race));
  remember(key, trace);
  return trace;
}

/** Whether the plain run (no console lines, faults or race order) of a scenario is remembered. */
export function hasPlainTrace(scenarioId: string, seed: number): boolean {
  return runs.has(keyOf(scenarioId, seed, [], [], null));
}

/** Keeps a plain run computed elsewhere (the worker), for `traceFor` to return. */
export function rememberPlainTrace(trace: Trace): void {
  remember(keyOf(trace.scenarioId, trace.seed, [], [], null), trace);
}
