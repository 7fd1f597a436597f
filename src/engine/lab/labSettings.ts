/**
 * A lab's settings: reading them from text (the URL, `--set name=value`), saying what is wrong with
 * each, and writing them into a copy of the lab's scenario.
 */
import type { Scenario } from '../sim/scenario.ts';
import type {
  LabChoiceParameter,
  LabNumberParameter,
  LabParameter,
  LabScenario,
  LabSettingProblem,
  LabValues,
} from './labTypes.ts';

/** Every parameter at its default. */
export function labDefaults(lab: LabScenario): LabValues {
  return Object.fromEntries(lab.parameters.map((p) => [p.name, p.default]));
}

/** Whether a parameter is in use with these values: it has no `when`, or its `when` holds. */
export function parameterActive(parameter: LabParameter, values: LabValues): boolean {
  const { when } = parameter;
  return when === undefined || when.is.includes(String(values[when.parameter]));
}

/** The parameters in use with these values, in order. */
export function activeParameters(lab: LabScenario, values: LabValues): LabParameter[] {
  return lab.parameters.filter((p) => parameterActive(p, values));
}

/**
 * Reads settings given as text, by parameter name, over the defaults. A name the lab does not have,
 * a value out of range, or a setting for a parameter not in use (β without XFetch) is a problem
 * that names the parameter; the value stays at its default, and every other setting still applies.
 */
export function parseLabSettings(
  lab: LabScenario,
  given: Readonly<Record<string, string>>,
): { values: LabValues; problems: LabSettingProblem[] } {
  const values = labDefaults(lab);
  const problems: LabSettingProblem[] = [];
  const byName = new Map(lab.parameters.map((p) => [p.name, p]));
  for (const name of Object.keys(given)) {
    if (!byName.has(name)) {
      const known = lab.parameters.map((p) => p.name).join(', ');
      problems.push({
        parameter: name,
        message: `The ${lab.id} lab has no setting "${name}" (it has ${known}).`,
      });
    }
  }
  // In parameter order, so a choice is read before the numbers that depend on it.
  for (const parameter of lab.parameters) {
    const text = given[parameter.name];
    if (text === undefined) continue;
    const read = parameter.kind === 'number' ? readNumber(parameter, text) : readChoice(parameter, text);
    if (typeof read === 'string') problems.push({ parameter: parameter.name, message: read });
    else values[parameter.name] = read.value;
  }
  for (const parameter of lab.parameters) {
    if (given[parameter.name] !== undefined && !parameterActive(parameter, values)) {
      const { when } = parameter;
      const needs = when === undefined ? '' : ` (it needs ${when.parameter} = ${when.is.join(' or ')})`;
      values[parameter.name] = parameter.default;
      problems.push({
        parameter: parameter.name,
        message: `${parameter.label} is not used with these settings${needs}.`,
      });
    }
  }
  return { values, problems };
}

/** What is wrong with a value for a number parameter, or the value. */
export function readNumber(parameter: LabNumberParameter, text: string): { value: number } | string {
  const { label, min, max, integer, unit } = parameter;
  const value = text.trim() === '' ? NaN : Number(text);
  const range = `${integer ? 'a whole number' : 'a number'} from ${min} to ${max}${unit === '' ? '' : ` ${unit}`}`;
  if (!Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < min || value > max)
    return `${label} must be ${range}; got "${text}".`;
  return { value };
}

function readChoice(parameter: LabChoiceParameter, text: string): { value: string } | string {
  if (parameter.choices.some((c) => c.value === text)) return { value: text };
  const known = parameter.choices.map((c) => c.value).join(', ');
  return `${parameter.label} must be one of ${known}; got "${text}".`;
}

/**
 * The lab's scenario with these values written in: a deep copy of the base, so the base is never
 * changed. Parameters not in use are skipped. Throws when a parameter's path does not exist in the
 * scenario (a mistake in the lab's definition, which the content tests catch).
 */
export function buildLabScenario(lab: LabScenario, values: LabValues): Scenario {
  const scenario = structuredClone(lab.base);
  for (const parameter of lab.parameters) {
    if (!parameterActive(parameter, values)) continue;
    const value = values[parameter.name] ?? parameter.default;
    if (parameter.kind === 'number') {
      const stored = (value as number) * (parameter.scale ?? 1);
      for (const path of parameter.paths) setAtPath(scenario, path, stored, lab.id);
    } else {
      const choice = parameter.choices.find((c) => c.value === value);
      if (choice === undefined)
        throw new Error(`${lab.id}: ${parameter.name} has no choice "${String(value)}"`);
      for (const [path, data] of Object.entries(choice.set))
        setAtPath(scenario, path, structuredClone(data), lab.id);
    }
  }
  return scenario;
}

/** Sets the value at a dotted path whose parent exists (numbers index arrays). */
function setAtPath(target: object, path: string, value: unknown, labId: string): void {
  const parts = path.split('.');
  const last = parts.pop() as string;
  let node: unknown = target;
  for (const part of parts) {
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
    if (node === undefined || node === null || typeof node !== 'object')
      throw new Error(`${labId}: the path "${path}" does not exist in the scenario (at "${part}")`);
  }
  (node as Record<string, unknown>)[last] = value;
}
