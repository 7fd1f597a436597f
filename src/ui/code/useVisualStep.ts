import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { DEFAULT_SEED, getScenario } from '../../content/index.ts';
import type { Lesson } from '../../content/index.ts';
import { parseRunChoice, resolveStep } from '../player/deepLink.ts';
import { linkedRun } from '../lesson/runChecks.ts';
import { useTraceReady } from '../player/backgroundTrace.ts';

export interface VisualStep {
  scenarioId: string;
  scenarioTitle: string;
  step: number;
  /** The `// step:` marker of the code this step runs, or null when it runs none. */
  marker: string | null;
}

/**
 * The Visual's current step, and the code marker it runs. The player keeps its
 * scenario, seed, faults, race order and step in the address (`?scenario=&seed=&step=`), so this
 * reads the same run (traces are remembered, so it is not computed twice). Lines typed into the
 * Redis console are not in the address and are not counted here.
 */
export function useVisualStep(lesson: Lesson): VisualStep | null {
  const [params] = useSearchParams();
  const search = params.toString();
  const choice = useMemo(() => {
    const scenarios = lesson.scenarioIds.filter((id) => getScenario(id) !== undefined);
    if (scenarios.length === 0) return null;
    return parseRunChoice(new URLSearchParams(search), {
      scenarioIds: scenarios,
      titleOf: (id) => getScenario(id)?.title ?? id,
      defaultSeed: DEFAULT_SEED,
    });
  }, [lesson, search]);
  const scenario = choice === null ? undefined : getScenario(choice.choice.scenarioId);
  // The Visual's first run comes from a worker: until it has, there is no step to follow.
  const ready = useTraceReady(scenario, choice?.choice.seed ?? DEFAULT_SEED);
  return useMemo(() => {
    if (choice === null || scenario === undefined || !ready) return null;
    const run = linkedRun(
      scenario,
      choice.choice.seed,
      [],
      choice.choice.interventions ?? [],
      choice.choice.race ?? null,
    );
    if (!run.ok) return null;
    const { step } = resolveStep(choice.stepParam, run.trace.frames.length);
    const marker = run.trace.frames[step]?.code?.marker ?? null;
    return { scenarioId: scenario.id, scenarioTitle: scenario.title, step, marker };
  }, [choice, scenario, ready]);
}

/** The lines of `source` that carry a `// step: <marker>` comment, 1-based. */
export function stepMarkerLines(source: string): Set<number> {
  const lines = new Set<number>();
  source.split('\n').forEach((text, index) => {
    if (/\/\/\s*step:\s*\S+\s*$/.test(text)) lines.add(index + 1);
  });
  return lines;
}
