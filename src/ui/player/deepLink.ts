/**
 * The lesson URL is the single source of truth for what the player shows:
 * `#/lessons/<lessonId>?scenario=<id>&seed=<n>&step=<n>`.
 *
 * `step` is the 0-based frame index: step 0 is the starting state before anything happens, and the
 * player shows it as "Step 0 of M" so the number in the URL and on screen always agree.
 *
 * A missing parameter silently takes its default. A present but unusable one becomes a problem the
 * page shows in words, and the player falls back to the default, so a bad link never blanks the page.
 */

/** The largest seed the engine's PRNG takes: seeds are unsigned 32-bit integers. */
export const MAX_SEED = 2 ** 32 - 1;

export type DeepLinkParam = 'scenario' | 'seed' | 'step';

export interface DeepLinkProblem {
  param: DeepLinkParam;
  /** The value as it appeared in the link, shortened if very long. */
  value: string;
  /** A sentence for a person: what was wrong and what is shown instead. */
  message: string;
}

export interface RunChoice {
  scenarioId: string;
  seed: number;
}

export interface RunChoiceOptions {
  /** The scenarios this lesson offers; the first is the default. Must not be empty. */
  scenarioIds: readonly string[];
  /** A scenario's title, for messages that say what is shown instead. */
  titleOf: (scenarioId: string) => string;
  defaultSeed: number;
}

export interface ParsedRunChoice {
  choice: RunChoice;
  problems: DeepLinkProblem[];
  /** The raw `step` parameter; it can only be checked once the run's length is known. */
  stepParam: string | null;
}

const WHOLE_NUMBER = /^\d+$/;
const SHOWN_VALUE_LIMIT = 40;

/** Reads scenario and seed from the link; the step waits for the run (see `resolveStep`). */
export function parseRunChoice(params: URLSearchParams, options: RunChoiceOptions): ParsedRunChoice {
  const [defaultScenario] = options.scenarioIds;
  if (defaultScenario === undefined) throw new Error('a lesson needs at least one scenario');
  const problems: DeepLinkProblem[] = [];

  let scenarioId = defaultScenario;
  const scenarioParam = params.get('scenario');
  if (scenarioParam !== null) {
    if (options.scenarioIds.includes(scenarioParam)) {
      scenarioId = scenarioParam;
    } else {
      const fallback = `Showing \u201c${options.titleOf(defaultScenario)}\u201d instead.`;
      problems.push({
        param: 'scenario',
        value: shown(scenarioParam),
        message:
          scenarioParam === ''
            ? `The link\u2019s scenario is empty. ${fallback}`
            : `The link asks for scenario \u201c${shown(scenarioParam)}\u201d, which this lesson does not have. ${fallback}`,
      });
    }
  }

  let seed = options.defaultSeed;
  const seedParam = params.get('seed');
  if (seedParam !== null) {
    const parsed = parseSeed(seedParam);
    if (parsed.ok) {
      seed = parsed.seed;
    } else {
      problems.push({
        param: 'seed',
        value: shown(seedParam),
        message: `The link\u2019s seed \u201c${shown(seedParam)}\u201d ${parsed.reason}. Using seed ${options.defaultSeed} instead.`,
      });
    }
  }

  return { choice: { scenarioId, seed }, problems, stepParam: params.get('step') };
}

export type SeedParse = { ok: true; seed: number } | { ok: false; reason: string };

/** Checks a seed typed by a person or found in a link. The reason completes "The seed … <reason>". */
export function parseSeed(text: string): SeedParse {
  if (!WHOLE_NUMBER.test(text)) {
    return { ok: false, reason: `is not a whole number from 0 to ${MAX_SEED}` };
  }
  const seed = Number(text);
  if (seed > MAX_SEED) return { ok: false, reason: `is larger than ${MAX_SEED}, the largest seed` };
  return { ok: true, seed };
}

export interface StepResolution {
  step: number;
  problem: DeepLinkProblem | null;
}

/** Checks the link's step against a run with `frameCount` frames; falls back to step 0. */
export function resolveStep(stepParam: string | null, frameCount: number): StepResolution {
  if (stepParam === null) return { step: 0, problem: null };
  const lastStep = Math.max(0, frameCount - 1);
  if (!WHOLE_NUMBER.test(stepParam)) {
    return {
      step: 0,
      problem: {
        param: 'step',
        value: shown(stepParam),
        message: `The link\u2019s step \u201c${shown(stepParam)}\u201d is not a step number (a whole number from 0 to ${lastStep}). Showing step 0 instead.`,
      },
    };
  }
  const step = Number(stepParam);
  if (step > lastStep) {
    return {
      step: 0,
      problem: {
        param: 'step',
        value: shown(stepParam),
        message: `The link asks for step ${shown(stepParam)}, but this run has steps 0 to ${lastStep}. Showing step 0 instead.`,
      },
    };
  }
  return { step, problem: null };
}

export interface PlayerLocation extends RunChoice {
  step: number;
}

/** The canonical query string for a frame, in a fixed parameter order so links are comparable. */
export function deepLinkParams({ scenarioId, seed, step }: PlayerLocation): URLSearchParams {
  return new URLSearchParams([
    ['scenario', scenarioId],
    ['seed', String(seed)],
    ['step', String(step)],
  ]);
}

function shown(value: string): string {
  return value.length > SHOWN_VALUE_LIMIT ? `${value.slice(0, SHOWN_VALUE_LIMIT)}\u2026` : value;
}
