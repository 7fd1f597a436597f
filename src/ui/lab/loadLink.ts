/**
 * The load lab's settings in the address:
 * `lab=load&scenario=stampede&seed=2&protection=mutex&lock-ttl=500&compare=on&protectionB=xfetch&betaB=2`.
 * Only what differs is written: A's settings where they are not the scenario's defaults, and B's
 * (with `B` after the name) where they are not A's, since B starts as a copy of A. Settings not in
 * use (β without XFetch) are never written. The scenario is always written; the seed when not 1.
 */
import { labDefaults, parameterActive, parseLabSettings, readNumber } from '../../engine/index.ts';
import type { LabNumberParameter, LabParameter, LabScenario, LabValues } from '../../engine/index.ts';
import { getLabScenario, labScenarios } from '../../content/labs/index.ts';
import { MAX_SEED } from '../player/deepLink.ts';
import type { DeepLinkProblem } from '../player/deepLink.ts';
import { shown } from '../player/linkProblem.ts';
import { LinkReader, groupedNumber, oneOf, wholeNumber } from './labFields.ts';
import type { FieldSpec } from './labFields.ts';
import type { LoadRunJob, LoadVariant } from './labProtocol.ts';

export interface LoadSettings {
  /** A lab scenario's id. */
  scenario: string;
  /** One seed for A and B, so the two runs differ only by their settings. */
  seed: number;
  /** A's value for every parameter; those not in use are at their defaults. */
  values: LabValues;
  /** B's values, drawn dashed on the same axes; null when not comparing. */
  compareWith: LabValues | null;
}

export const DEFAULT_LOAD_SEED = 1;
/** Marks a parameter as B's in the address: `protectionB`. Parameter names are lowercase. */
export const B_SUFFIX = 'B';

export const LOAD_FIELDS = {
  scenario: oneOf(labScenarios.map((lab) => lab.id)),
  seed: wholeNumber(0, MAX_SEED),
  compare: oneOf(['off', 'on'] as const),
};

/** Parameters the address carries outside the scenario's own. */
const RESERVED = new Set(['lab', 'scenario', 'seed', 'compare']);

const FIRST_LAB: LabScenario = (() => {
  const [first] = labScenarios;
  if (first === undefined) throw new Error('There are no lab scenarios.');
  return first;
})();

/** The lab scenario the settings name (the first one if the name is unknown, which parsing prevents). */
export function loadLabOf(settings: Pick<LoadSettings, 'scenario'>): LabScenario {
  return getLabScenario(settings.scenario) ?? FIRST_LAB;
}

/** A scenario's settings as it starts: every parameter at its default, not comparing. */
export function defaultLoadSettings(lab: LabScenario = FIRST_LAB): LoadSettings {
  return { scenario: lab.id, seed: DEFAULT_LOAD_SEED, values: labDefaults(lab), compareWith: null };
}

/** The values with every parameter not in use put back to its default. */
export function inUse(lab: LabScenario, values: LabValues): LabValues {
  return Object.fromEntries(
    lab.parameters.map((p) => [
      p.name,
      parameterActive(p, values) ? (values[p.name] ?? p.default) : p.default,
    ]),
  );
}

/** The parameters in use whose value differs from `base`'s, as the address writes them. */
function differences(lab: LabScenario, values: LabValues, base: LabValues): [LabParameter, string][] {
  return lab.parameters
    .filter((p) => parameterActive(p, values) && values[p.name] !== base[p.name])
    .map((p) => [p, String(values[p.name])]);
}

export interface LoadParse {
  settings: LoadSettings;
  problems: DeepLinkProblem[];
  /** Whether the address is already written as `loadParams` would write it. */
  complete: boolean;
}

export function parseLoadSettings(params: URLSearchParams): LoadParse {
  const link = new LinkReader(params);
  // Missing is fine: only what differs from the defaults is written.
  const read = <T>(name: string, spec: FieldSpec<T>, fallback: T): T =>
    params.has(name) ? link.read(name, spec, fallback) : fallback;
  const lab = loadLabOf({ scenario: read('scenario', LOAD_FIELDS.scenario, FIRST_LAB.id) });
  const seed = read('seed', LOAD_FIELDS.seed, DEFAULT_LOAD_SEED);
  const comparing = read('compare', LOAD_FIELDS.compare, 'off') === 'on';

  const givenA: Record<string, string> = {};
  const givenB: Record<string, string> = {};
  for (const [name, text] of params) {
    if (RESERVED.has(name)) continue;
    if (name.endsWith(B_SUFFIX)) givenB[name.slice(0, -B_SUFFIX.length)] = text;
    else givenA[name] = text;
  }
  const problems = [...link.problems];
  const a = readValues(lab, {}, givenA);
  problems.push(...a.problems.map((problem) => linkProblem(problem, givenA, 'A')));
  const values = inUse(lab, a.values);

  let compareWith: LabValues | null = null;
  if (comparing) {
    // B starts from A: A's settings that are not defaults are read first, then B's own over them.
    const inherited = Object.fromEntries(
      differences(lab, values, labDefaults(lab)).map(([p, text]) => [p.name, text]),
    );
    const b = readValues(lab, inherited, givenB);
    problems.push(...b.problems.map((problem) => linkProblem(problem, givenB, 'B')));
    compareWith = inUse(lab, b.values);
  } else if (Object.keys(givenB).length > 0) {
    const names = Object.keys(givenB).map((name) => `${name}${B_SUFFIX}`);
    problems.push({
      param: names.join(', '),
      value: '',
      message: `B\u2019s settings are used only when comparing (compare=on), so ${names.length === 1 ? 'it was' : 'they were'} left out.`,
    });
  }

  const settings: LoadSettings = { scenario: lab.id, seed, values, compareWith };
  const given = new URLSearchParams([...params].filter(([name]) => name !== 'lab'));
  const canonical = new URLSearchParams(loadParams(settings));
  return { settings, problems, complete: given.toString() === canonical.toString() };
}

interface ReadProblem {
  parameter: string;
  message: string;
  /** What is used instead of an unusable value; undefined for an unknown or unused setting. */
  instead?: string | undefined;
}

/**
 * `given` read over `base` (texts by parameter name) with the engine's own rules and words. A value
 * that cannot be used falls back to `base`'s, not to the default: for B, that is A's value. Whether
 * a setting is in use is judged after that fallback, so a bad choice does not hide good numbers.
 */
function readValues(
  lab: LabScenario,
  base: Readonly<Record<string, string>>,
  given: Readonly<Record<string, string>>,
): { values: LabValues; problems: ReadProblem[] } {
  const byName = new Map(lab.parameters.map((p) => [p.name, p]));
  const first = parseLabSettings(lab, { ...base, ...given });
  // A value the parameter takes, whether or not it is in use with the other settings.
  const accepted = (name: string) => {
    const parameter = byName.get(name);
    const text = given[name];
    if (parameter === undefined || text === undefined) return false;
    return parameter.kind === 'number'
      ? typeof readNumber(parameter, text) !== 'string'
      : parameter.choices.some((choice) => choice.value === text);
  };
  const unusable = first.problems.filter((p) => p.parameter in given && !accepted(p.parameter));
  const dropped = new Set(unusable.map((p) => p.parameter));
  const kept = Object.fromEntries(Object.entries(given).filter(([name]) => !dropped.has(name)));
  const second = parseLabSettings(lab, { ...base, ...kept });
  const notInUse = second.problems.filter((p) => p.parameter in kept);
  const instead = (name: string) => {
    const parameter = byName.get(name);
    if (parameter === undefined) return undefined;
    const value = String(second.values[name]);
    return parameter.kind === 'number' && parameter.unit !== '' ? `${value} ${parameter.unit}` : value;
  };
  return {
    values: second.values,
    problems: [...unusable.map((p) => ({ ...p, instead: instead(p.parameter) })), ...notInUse],
  };
}

function linkProblem(
  { parameter, message, instead }: ReadProblem,
  given: Readonly<Record<string, string>>,
  side: 'A' | 'B',
): DeepLinkProblem {
  const fallback = side === 'A' ? 'the default' : 'A\u2019s value';
  return {
    param: side === 'A' ? parameter : `${parameter}${B_SUFFIX}`,
    value: shown(given[parameter] ?? ''),
    message: `${side === 'B' ? 'For B: ' : ''}${message}${instead === undefined ? '' : ` Using ${instead}, ${fallback}, instead.`}`,
  };
}

export function loadParams(settings: LoadSettings): [string, string][] {
  const lab = loadLabOf(settings);
  const a = inUse(lab, settings.values);
  const params: [string, string][] = [['scenario', lab.id]];
  if (settings.seed !== DEFAULT_LOAD_SEED) params.push(['seed', String(settings.seed)]);
  for (const [p, text] of differences(lab, a, labDefaults(lab))) params.push([p.name, text]);
  const b = settings.compareWith;
  if (b !== null) {
    params.push(['compare', 'on']);
    for (const [p, text] of differences(lab, inUse(lab, b), a)) params.push([`${p.name}${B_SUFFIX}`, text]);
  }
  return params;
}

/** The job these settings describe: A, and B when comparing, each with only the values in use. */
export function loadJob(settings: LoadSettings): LoadRunJob {
  const lab = loadLabOf(settings);
  const variants: LoadVariant[] = [{ label: 'A', values: inUse(lab, settings.values) }];
  if (settings.compareWith !== null) variants.push({ label: 'B', values: inUse(lab, settings.compareWith) });
  return { kind: 'load-run', scenario: lab.id, seed: settings.seed, variants };
}

const typed = new Intl.NumberFormat('en-US', { maximumFractionDigits: 10 });

/**
 * A number parameter as the form's text box reads it: the engine's rule (`readNumber`), after
 * dropping the separators people type (`10,000`), and written back with them.
 */
export function parameterSpec(parameter: LabNumberParameter): FieldSpec<number> {
  return {
    parse: (text) => {
      const read = readNumber(parameter, text.trim().replace(/[,_\s]/g, ''));
      return typeof read === 'string' ? undefined : read.value;
    },
    format: (value) => typed.format(value),
    expected: `${parameter.integer ? 'a whole number' : 'a number'} from ${groupedNumber(parameter.min)} to ${groupedNumber(parameter.max)}`,
  };
}
