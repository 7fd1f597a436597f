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

import type { Fault, Intervention } from '../../engine/index.ts';

/** The largest seed the engine's PRNG takes: seeds are unsigned 32-bit integers. */
export const MAX_SEED = 2 ** 32 - 1;

export type DeepLinkParam = 'scenario' | 'seed' | 'step' | 'fx';

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
  /** Faults the learner injected from the player (`fx=`), in the order given; empty for none. */
  interventions?: readonly Intervention[] | undefined;
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

  const fxParam = params.get('fx');
  const fx = fxParam === null ? { interventions: [], problems: [] } : parseInterventions(fxParam);
  problems.push(...fx.problems);

  return {
    choice:
      fx.interventions.length > 0
        ? { scenarioId, seed, interventions: fx.interventions }
        : { scenarioId, seed },
    problems,
    stepParam: params.get('step'),
  };
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
export function deepLinkParams({
  scenarioId,
  seed,
  step,
  interventions = [],
}: PlayerLocation): URLSearchParams {
  const params = new URLSearchParams([
    ['scenario', scenarioId],
    ['seed', String(seed)],
  ]);
  if (interventions.length > 0) params.set('fx', formatInterventions(interventions));
  params.set('step', String(step));
  return params;
}

/**
 * The canonical query string (without `?`) for a frame. Like `deepLinkParams`, but `:`, `,`, `+` and
 * `~` are left as they are, so the interventions stay readable in the address bar
 * (`fx=12:crash:app-a,15:drop:37`); all four are allowed in a query.
 */
export function deepLinkSearch(location: PlayerLocation): string {
  return deepLinkParams(location)
    .toString()
    .replace(/%3A/gi, ':')
    .replace(/%2C/gi, ',')
    .replace(/%2B/gi, '+')
    .replace(/%7E/gi, '~');
}

/*
 * Interventions in a link: `fx=<entry>,<entry>,…`, each `<atStep>:<kind>[:<argument>]`:
 *   12:crash:app-a   12:restart:app-a   15:drop:37 (a message id)   20:delay:app-a~cache~100
 *   22:partition:app-b+cache   30:heal   31:slowdb:100   32:failwrites:2
 * Node ids are the engine's actor ids. A bad entry is left out (and reported); the rest are kept.
 */

const NODE_ID = /^[A-Za-z0-9_.-]+$/;

export interface InterventionsParse {
  interventions: Intervention[];
  problems: DeepLinkProblem[];
}

/** One intervention as a link entry, e.g. `12:crash:app-a`. */
export function formatIntervention({ atStep, fault }: Intervention): string {
  return `${atStep}:${faultCode(fault)}`;
}

export function formatInterventions(interventions: readonly Intervention[]): string {
  return interventions.map(formatIntervention).join(',');
}

function faultCode(fault: Fault): string {
  switch (fault.kind) {
    case 'crash':
      return `crash:${fault.node}`;
    case 'restart':
      return `restart:${fault.node}`;
    case 'drop message':
      return `drop:${fault.messageId}`;
    case 'delay link':
      return `delay:${fault.a}~${fault.b}~${fault.extraMs}`;
    case 'partition':
      return `partition:${fault.nodes.join('+')}`;
    case 'heal':
      return 'heal';
    case 'slow database':
      return `slowdb:${fault.extraMs}`;
    case 'fail database writes':
      return `failwrites:${fault.count}`;
    case 'drop next message':
      // Not offered by the player; written so a link never silently loses one.
      return `dropnext:${fault.from}~${fault.to}`;
  }
}

/** Reads the `fx` parameter; an unusable entry becomes a problem and is left out. */
export function parseInterventions(text: string): InterventionsParse {
  const interventions: Intervention[] = [];
  const problems: DeepLinkProblem[] = [];
  if (text === '') return { interventions, problems };
  for (const entry of text.split(',')) {
    const parsed = parseEntry(entry);
    if (typeof parsed === 'string') {
      problems.push({
        param: 'fx',
        value: shown(entry),
        message: `The link\u2019s intervention \u201c${shown(entry)}\u201d ${parsed}, so it was left out.`,
      });
    } else {
      interventions.push(parsed);
    }
  }
  return { interventions, problems };
}

/** An intervention, or the reason it is unusable (completing "The intervention … <reason>"). */
function parseEntry(entry: string): Intervention | string {
  const [stepText = '', kind = '', ...rest] = entry.split(':');
  const argument = rest.join(':');
  if (!WHOLE_NUMBER.test(stepText)) {
    return 'does not start with a step number (like \u201c12:crash:app-a\u201d)';
  }
  const atStep = Number(stepText);
  const fault = parseFault(kind, argument, rest.length > 0);
  return typeof fault === 'string' ? fault : { atStep, fault };
}

const AMOUNT = /^\d{1,7}$/;

function parseFault(kind: string, argument: string, hasArgument: boolean): Fault | string {
  const nodeFault = (name: 'crash' | 'restart'): Fault | string =>
    NODE_ID.test(argument) ? { kind: name, node: argument } : `needs a node id after \u201c${name}:\u201d`;
  switch (kind) {
    case 'crash':
    case 'restart':
      return nodeFault(kind);
    case 'drop':
      return AMOUNT.test(argument)
        ? { kind: 'drop message', messageId: Number(argument) }
        : 'needs a message number after \u201cdrop:\u201d';
    case 'delay': {
      const [a = '', b = '', ms = '', ...more] = argument.split('~');
      return NODE_ID.test(a) && NODE_ID.test(b) && AMOUNT.test(ms) && more.length === 0
        ? { kind: 'delay link', a, b, extraMs: Number(ms) }
        : 'needs two node ids and milliseconds, like \u201cdelay:app-a~cache~100\u201d';
    }
    case 'partition': {
      // A `+` left raw in a query reads back as a space.
      const nodes = argument.split(/[+ ]/);
      return nodes.every((node) => NODE_ID.test(node))
        ? { kind: 'partition', nodes }
        : 'needs node ids joined by \u201c+\u201d, like \u201cpartition:app-b+cache\u201d';
    }
    case 'heal':
      return hasArgument ? 'takes nothing after \u201cheal\u201d' : { kind: 'heal' };
    case 'slowdb':
      return AMOUNT.test(argument)
        ? { kind: 'slow database', extraMs: Number(argument) }
        : 'needs milliseconds after \u201cslowdb:\u201d';
    case 'failwrites':
      return AMOUNT.test(argument)
        ? { kind: 'fail database writes', count: Number(argument) }
        : 'needs a count after \u201cfailwrites:\u201d';
    case 'dropnext': {
      const [from = '', to = '', ...more] = argument.split('~');
      return NODE_ID.test(from) && NODE_ID.test(to) && more.length === 0
        ? { kind: 'drop next message', from, to }
        : 'needs two node ids, like \u201cdropnext:app-a~cache\u201d';
    }
    default:
      return kind === ''
        ? 'names no fault'
        : `names \u201c${shown(kind)}\u201d, which is not a fault (crash, restart, drop, delay, partition, heal, slowdb, failwrites)`;
  }
}

function shown(value: string): string {
  return value.length > SHOWN_VALUE_LIMIT ? `${value.slice(0, SHOWN_VALUE_LIMIT)}\u2026` : value;
}
