import { runScenario } from '../../src/engine/index.ts';
import type { Trace } from '../../src/engine/index.ts';
import { DEFAULT_SEED, codeLineForMarker, getScenario, narrate } from '../../src/content/index.ts';
import { getLesson } from '../../src/content/lessons/index.ts';

/**
 * Expectations come from the real engine and content, run the same way the page runs them, so the
 * tests check what a person sees without copying any wording that the content may refine.
 */
export function runOf(scenarioId: string, seed: number = DEFAULT_SEED): Trace {
  const scenario = getScenario(scenarioId);
  if (scenario === undefined) throw new Error(`no scenario ${scenarioId}`);
  return runScenario(scenario, { seed, record: 'frames' });
}

export function narrationAt(trace: Trace, step: number): string {
  const frame = trace.frames[step];
  if (frame === undefined) throw new Error(`no step ${step}`);
  const labelOf = (id: string) => trace.actors.find((actor) => actor.id === id)?.label ?? id;
  return narrate(frame.narration, labelOf);
}

export function lastStepOf(trace: Trace): number {
  return trace.frames.length - 1;
}

export function cacheAsideLesson() {
  const lesson = getLesson('cache-aside');
  if (lesson === undefined) throw new Error('the cache-aside lesson is missing');
  return lesson;
}

/** The first step at or after `from` that points at a line of the lesson's code. */
export function firstCodeStep(trace: Trace, from = 0): { step: number; line: number } {
  const { source } = cacheAsideLesson().code;
  for (const frame of trace.frames.slice(from)) {
    const line = frame.code === null ? null : codeLineForMarker(source, frame.code.marker);
    if (line !== null) return { step: frame.index, line };
  }
  throw new Error('no step runs lesson code');
}

/** The first step whose frame satisfies `test`. */
export function firstStepWhere(trace: Trace, test: (step: number) => boolean): number {
  const step = trace.frames.findIndex((frame) => test(frame.index));
  if (step < 0) throw new Error('no such step');
  return step;
}

export const LESSON_PATH = '/lessons/cache-aside';
export const READ = 'cache-aside-read';
export const WRITE = 'cache-aside-write';
export const WRONG_ORDER = 'cache-aside-wrong-order';
