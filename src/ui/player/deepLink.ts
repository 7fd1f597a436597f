/**
 * The URL is the single source of truth for what the player shows. A page writes its own leading
 * parameters (a lesson's `scenario=<id>`, the playground's configuration), then the player's:
 * `seed=<n>&fx=<faults>&race=<order>&step=<n>` (`fx` and `race` only when there are some).
 *
 * `step` is the 0-based frame index: step 0 is the starting state before anything happens, and the
 * player shows it as "Step 0 of M" so the number in the URL and on screen always agree.
 *
 * A missing parameter silently takes its default. A present but unusable one becomes a problem the
 * page shows in words, and the player falls back to the default, so a bad link never blanks the page.
 */

import type { Intervention } from '../../engine/index.ts';
import { parseInterventions, formatInterventions } from './faultLink.ts';
import { WHOLE_NUMBER, shown } from './linkProblem.ts';
import type { DeepLinkProblem } from './linkProblem.ts';
import { formatRace, parseRace } from './raceLink.ts';

export type { DeepLinkProblem } from './linkProblem.ts';
export {
  formatIntervention,
  formatInterventions,
  parseInterventions,
  type InterventionsParse,
} from './faultLink.ts';

/** The largest seed the engine's PRNG takes: seeds are unsigned 32-bit integers. */
export const MAX_SEED = 2 ** 32 - 1;

/** A page's own parameters, written before the player's, in this order. */
export type LeadingParams = readonly (readonly [name: string, value: string])[];

/** What the player's own parameters choose for one scenario. */
export interface PlayerChoice {
  seed: number;
  /** Faults the learner injected from the player (`fx=`), in the order given; empty for none. */
  interventions?: readonly Intervention[] | undefined;
  /** Two operations raced step by step (`race=`), by request id; absent for the run by time. */
  race?: readonly number[] | undefined;
}

export interface RunChoice extends PlayerChoice {
  scenarioId: string;
}

export interface RunChoiceOptions {
  /** The scenarios this lesson offers; the first is the default. Must not be empty. */
  scenarioIds: readonly string[];
  /** A scenario's title, for messages that say what is shown instead. */
  titleOf: (scenarioId: string) => string;
  defaultSeed: number;
}

export interface ParsedPlayerChoice {
  choice: PlayerChoice;
  problems: DeepLinkProblem[];
  /** The raw `step` parameter; it can only be checked once the run's length is known. */
  stepParam: string | null;
}

export interface ParsedRunChoice extends ParsedPlayerChoice {
  choice: RunChoice;
}

/** Reads scenario, seed, faults and race from a lesson's link; the step waits for the run (see `resolveStep`). */
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
  const player = parsePlayerChoice(params, options.defaultSeed);
  return {
    choice: { scenarioId, ...player.choice },
    problems: [...problems, ...player.problems],
    stepParam: player.stepParam,
  };
}

/** Reads the player's own parameters: seed, faults and race order (their form only; see `runChecks.ts`). */
export function parsePlayerChoice(params: URLSearchParams, defaultSeed: number): ParsedPlayerChoice {
  const problems: DeepLinkProblem[] = [];
  let seed = defaultSeed;
  const seedParam = params.get('seed');
  if (seedParam !== null) {
    const parsed = parseSeed(seedParam);
    if (parsed.ok) {
      seed = parsed.seed;
    } else {
      problems.push({
        param: 'seed',
        value: shown(seedParam),
        message: `The link\u2019s seed \u201c${shown(seedParam)}\u201d ${parsed.reason}. Using seed ${defaultSeed} instead.`,
      });
    }
  }

  const fxParam = params.get('fx');
  const fx = fxParam === null ? { interventions: [], problems: [] } : parseInterventions(fxParam);
  problems.push(...fx.problems);

  const raceParam = params.get('race');
  const race = raceParam === null ? null : parseRace(raceParam);
  if (race?.ok === false) problems.push(race.problem);

  const choice: PlayerChoice = { seed };
  if (fx.interventions.length > 0) choice.interventions = fx.interventions;
  if (race?.ok === true) choice.race = race.race;
  return { choice, problems, stepParam: params.get('step') };
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

/** A frame of a run, as the player's own parameters name it. */
export interface PlayerPosition extends PlayerChoice {
  step: number;
}

export interface PlayerLocation extends RunChoice {
  step: number;
}

/** The canonical parameters for a frame: the page's leading ones, then the player's, in a fixed order. */
export function playerParams(
  leading: LeadingParams,
  { seed, step, interventions = [], race }: PlayerPosition,
): URLSearchParams {
  const params = new URLSearchParams(leading.map(([name, value]) => [name, value]));
  params.set('seed', String(seed));
  if (interventions.length > 0) params.set('fx', formatInterventions(interventions));
  if (race !== undefined && race.length > 0) params.set('race', formatRace(race));
  params.set('step', String(step));
  return params;
}

/** A lesson's canonical parameters: `scenario=<id>` leads. */
export function deepLinkParams({ scenarioId, ...position }: PlayerLocation): URLSearchParams {
  return playerParams([['scenario', scenarioId]], position);
}

/**
 * A query string (without `?`) as the address bar shows it best: `:`, `,`, `+` and `~` are left as
 * they are (all four are allowed in a query), so faults stay readable (`fx=12:crash:app-a,15:drop:37`);
 * `.` is never escaped anyway (`race=1.1.2`).
 */
export function readableSearch(params: URLSearchParams): string {
  return params
    .toString()
    .replace(/%3A/gi, ':')
    .replace(/%2C/gi, ',')
    .replace(/%2B/gi, '+')
    .replace(/%7E/gi, '~');
}

/** The canonical, readable query string for a frame of a lesson's scenario. */
export function deepLinkSearch(location: PlayerLocation): string {
  return readableSearch(deepLinkParams(location));
}

/** The canonical, readable query string for a frame, after the page's leading parameters. */
export function playerSearch(leading: LeadingParams, position: PlayerPosition): string {
  return readableSearch(playerParams(leading, position));
}
